/*
 * Prints the toneless readings ICU gives every Han code point, as Vigil's NameNormalizer reads them:
 * NFKC_Casefold, then the transliterator "Han-Latin/Names; Any-Latin; Latin-ASCII", then tokens
 * (lowercase ASCII letters and digits; apostrophes and other non-ASCII dropped, anything else splits).
 * Used by tools/gen-han-table.sh; build with
 *     cc tools/han-readings.c $(pkg-config --cflags --libs icu-i18n icu-uc)
 *
 * Han-Latin/Names marks a Han character that follows a non-Han character, or starts the text, and
 * gives the marked ones surname readings (单 shan, 区 ou); elsewhere a character reads as in
 * Han-Latin. A handful of rules look at the next character too (万俟 mo qi, 重庆 chong qing).
 * So each code point is read in several contexts:
 *   initial      c alone                 (start of a name: surname reading)
 *   medial       "一" + c                (after another Han character)
 *   checks       c + "一", "a" + c, "一一" + c, "一" + c + "一": must agree with the two above
 * and every context rule of the two rule sets is read on its own context ("万俟", "一万俟").
 *
 * Output (UTF-8, tab-separated, one record a line):
 *   R <hex> <initial tokens> <medial tokens>          a code point of script Han with some reading
 *   U <hex>                                           a code point of script Han with no Latin reading
 *   P <hex1> <hex2> <initial> <medial> [marked]       c1's reading when c2 follows at once
 *                                                     ("marked": the rule applies at the start only)
 *   X <hex> <what>                                    a code point whose reading is not one syllable
 *                                                     in every position (the table leaves it to ICU);
 *                                                     X 0: a context rule of another shape (fatal)
 *   # ...                                             comments: the ICU version and the rules found
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#define CAP 4096

static UTransliterator *names;
static const UNormalizer2 *fold;

static void die(const char *what, UErrorCode st) {
    fprintf(stderr, "han-readings: %s: %s\n", what, u_errorName(st));
    exit(1);
}

static UTransliterator *open_translit(const char *id) {
    UErrorCode st = U_ZERO_ERROR;
    UChar uid[256];
    int32_t n = 0;
    u_strFromUTF8(uid, 256, &n, id, -1, &st);
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &st);
    if (U_FAILURE(st)) die(id, st);
    return t;
}

/* Tokens of the pipeline's output for UTF-16 `in`, joined by single spaces, into `out`. */
static void read_tokens(const UChar *in, int32_t inlen, char *out, size_t outcap) {
    UErrorCode st = U_ZERO_ERROR;
    UChar buf[CAP];
    int32_t len = unorm2_normalize(fold, in, inlen, buf, CAP, &st);
    if (U_FAILURE(st)) die("NFKC_Casefold", st);
    int32_t limit = len;
    utrans_transUChars(names, buf, &len, CAP, 0, &limit, &st);
    if (U_FAILURE(st)) die("transliterate", st);
    size_t o = 0;
    int in_token = 0;
    for (int32_t i = 0; i < len; i++) {
        UChar c = buf[i];
        if (c >= 'A' && c <= 'Z') c = (UChar)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (!in_token && o > 0 && o + 1 < outcap) out[o++] = ' ';
            if (o + 1 < outcap) out[o++] = (char)c;
            in_token = 1;
        } else if (c == '\'' || c == '`' || c >= 0x80) {
            /* vanish inside a token, as NameNormalizer.tokenize does */
        } else {
            in_token = 0;
        }
    }
    out[o] = 0;
}

/* Reads the code points of `cps` (0-terminated) and returns their tokens. */
static void read_cps(const UChar32 *cps, char *out, size_t outcap) {
    UChar u[64];
    int32_t n = 0;
    for (; *cps; cps++) U16_APPEND_UNSAFE(u, n, *cps);
    read_tokens(u, n, out, outcap);
}

/* Strips a known leading / trailing token ("yi") from `s`; returns 0 when absent. */
static int strip_prefix(const char *s, const char *p, char *out) {
    size_t n = strlen(p);
    if (strncmp(s, p, n) != 0 || (s[n] != ' ' && s[n] != 0)) return 0;
    strcpy(out, s[n] == ' ' ? s + n + 1 : s + n);
    return 1;
}

static int strip_suffix(const char *s, const char *p, char *out) {
    size_t n = strlen(p), m = strlen(s);
    if (m < n || strcmp(s + m - n, p) != 0 || (m > n && s[m - n - 1] != ' ')) return 0;
    size_t keep = m > n ? m - n - 1 : 0;
    memcpy(out, s, keep);
    out[keep] = 0;
    return 1;
}

/* Prints the context rules ("{万}' '?俟 > mò;") of a transliterator's rule text as comments and
 * P records: c1 followed by c2, read at the start and after 一. */
static void context_rules(const char *id) {
    UTransliterator *t = open_translit(id);
    UErrorCode st = U_ZERO_ERROR;
    int32_t cap = 1 << 22;
    UChar *rules = malloc(sizeof(UChar) * (size_t)cap);
    int32_t len = utrans_toRules(t, 0, rules, cap, &st);
    if (U_FAILURE(st)) die("toRules", st);
    utrans_close(t);
    int rules_with_context = 0;
    for (int32_t i = 0; i < len;) {
        int32_t end = i;
        while (end < len && rules[end] != '\n') end++;
        /* A context rule has braces; ::Han-Spacedhan() and the marker rules are reported as such. */
        int brace = 0, has_han_after = 0;
        UErrorCode s2 = U_ZERO_ERROR;
        UChar32 c1 = 0, c2 = 0;
        for (int32_t j = i; j < end; j++) {
            if (rules[j] == '{') brace = 1;
        }
        if (brace || (end - i > 2 && rules[i] == ':' && rules[i + 1] == ':')) {
            char line[1024];
            int32_t n = 0;
            s2 = U_ZERO_ERROR;
            u_strToUTF8(line, sizeof line - 1, &n, rules + i, end - i, &s2);
            line[n] = 0;
            printf("# %s: %s\n", id, line);
        }
        if (brace) {
            /* Shapes: {A}' '?B > x;  and  \uFDD1{A}' '?B > x;  (marker = start of a Han run). */
            int32_t j = i;
            int marked = 0;
            if (rules[j] == 0xFDD1) { marked = 1; j++; }
            if (rules[j] == '{') {
                j++;
                U16_NEXT(rules, j, end, c1);
                if (rules[j] == '}') {
                    j++;
                    const UChar opt[] = {'\'', ' ', '\'', '?'};
                    if (end - j > 4 && memcmp(rules + j, opt, sizeof opt) == 0) {
                        j += 4;
                        U16_NEXT(rules, j, end, c2);
                        s2 = U_ZERO_ERROR;
                        has_han_after = uscript_getScript(c2, &s2) == USCRIPT_HAN;
                    }
                }
            }
            if (has_han_after) {
                rules_with_context++;
                UChar32 start[] = {c1, c2, 0}, medial[] = {0x4E00, c1, c2, 0};
                char a[256], b[256], sa[256], sb[256], x[256];
                read_cps(start, a, sizeof a);
                read_cps(medial, b, sizeof b);
                /* c1's syllable: drop c2's own reading at the end (and 一's at the front). */
                UChar32 lone2[] = {0x4E00, c2, 0};
                char r2[256];
                read_cps(lone2, r2, sizeof r2);
                strip_prefix(r2, "yi", x);
                if (!strip_suffix(a, x, sa) || !strip_prefix(b, "yi", sb) || !strip_suffix(sb, x, sb)) {
                    printf("X\t%04X\tcontext rule %s read as '%s' / '%s'\n", (unsigned)c1, id, a, b);
                    continue;
                }
                printf("P\t%04X\t%04X\t%s\t%s%s\n", (unsigned)c1, (unsigned)c2, sa, sb, marked ? "\tmarked" : "");
            } else if (!(rules[i] == 0xFDD1 || (rules[i] == '[' && end - i > 1))) {
                /* neither a pair rule nor a marker rule: not reproducible by the table */
                printf("X\t0\tunhandled context rule in %s\n", id);
            }
        }
        i = end + 1;
    }
    printf("# %s: %d pair rules\n", id, rules_with_context);
    free(rules);
}

int main(void) {
    UErrorCode st = U_ZERO_ERROR;
    UVersionInfo v;
    char vs[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v);
    u_versionToString(v, vs);
    printf("# ICU %s, Unicode %s\n", vs, U_UNICODE_VERSION);
    names = open_translit("Han-Latin/Names; Any-Latin; Latin-ASCII");
    fold = unorm2_getNFKCCasefoldInstance(&st);
    if (U_FAILURE(st)) die("NFKC_Casefold instance", st);

    context_rules("Han-Latin/Names");
    context_rules("Han-Latin");

    long readings = 0, unknown = 0, surname = 0, odd = 0;
    for (UChar32 c = 0; c <= 0x10FFFF; c++) {
        UErrorCode s2 = U_ZERO_ERROR;
        if (uscript_getScript(c, &s2) != USCRIPT_HAN) continue;
        char init[256], med[256], raw[256], t[256], u[256];
        UChar32 alone[] = {c, 0}, after[] = {0x4E00, c, 0}, before[] = {c, 0x4E00, 0};
        UChar32 latin[] = {'a', c, 0}, twice[] = {0x4E00, 0x4E00, c, 0}, mid[] = {0x4E00, c, 0x4E00, 0};
        read_cps(alone, init, sizeof init);
        read_cps(after, raw, sizeof raw);
        if (!strip_prefix(raw, "yi", med)) { printf("X\t%04X\tmedial reads '%s'\n", (unsigned)c, raw); odd++; continue; }
        if (init[0] == 0 && med[0] == 0) { printf("U\t%04X\n", (unsigned)c); unknown++; continue; }
        /* Following context, a Latin letter before, a longer run and both sides must not matter. */
        int ok = 1;
        read_cps(before, raw, sizeof raw);
        if (ok && (!strip_suffix(raw, "yi", t) || strcmp(t, init) != 0)) { printf("X\t%04X\tbefore 一 reads '%s'\n", (unsigned)c, raw); ok = 0; }
        read_cps(latin, raw, sizeof raw);
        if (ok && (!strip_prefix(raw, "a", t) || strcmp(t, init) != 0)) { printf("X\t%04X\tafter a reads '%s'\n", (unsigned)c, raw); ok = 0; }
        read_cps(twice, raw, sizeof raw);
        if (ok && (!strip_prefix(raw, "yi yi", t) || strcmp(t, med) != 0)) { printf("X\t%04X\tafter 一一 reads '%s'\n", (unsigned)c, raw); ok = 0; }
        read_cps(mid, raw, sizeof raw);
        if (ok && (!strip_prefix(raw, "yi", u) || !strip_suffix(u, "yi", t) || strcmp(t, med) != 0)) {
            printf("X\t%04X\tbetween 一 reads '%s'\n", (unsigned)c, raw);
            ok = 0;
        }
        /* One syllable, letters only, in both positions. */
        if (ok && (strchr(init, ' ') || strchr(med, ' ') || !init[0] || !med[0] || strpbrk(init, "0123456789") || strpbrk(med, "0123456789"))) {
            printf("X\t%04X\treads '%s' / '%s'\n", (unsigned)c, init, med);
            ok = 0;
        }
        if (!ok) { odd++; continue; }
        if (strcmp(init, med) != 0) surname++;
        printf("R\t%04X\t%s\t%s\n", (unsigned)c, init, med);
        readings++;
    }
    printf("# %ld code points with a reading (%ld read differently at the start), %ld Han without one, "
           "%ld read in a way the table cannot hold\n", readings, surname, unknown, odd);
    utrans_close(names);
    u_cleanup();
    return 0;
}
