"""Shared by the table generators (tools/gen-*.py) that write Swift sources from Unicode data."""
import unicodedata


def toneless(pinyin):
    """Pinyin without tone marks, lowercase, ü written u: `Zhèng` -> `zheng`."""
    p = unicodedata.normalize("NFD", pinyin)
    return "".join(c for c in p if not unicodedata.combining(c)).lower().replace("ü", "u")


def print_packed(entries, width=110, name="packed"):
    """Prints a Swift multi-line string literal of `entries` separated by spaces, wrapped at `width`."""
    print(f'    static let {name} = """')
    line = "        "
    for item in entries:
        item += " "
        if len(line) + len(item) > width:
            print(line.rstrip())
            line = "        "
        line += item
    print(line.rstrip())
    print('        """')
