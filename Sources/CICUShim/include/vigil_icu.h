// Plain-C wrapper over the few ICU calls Vigil needs. No ICU type crosses this header, so Swift
// modules that import Foundation (which bundles its own ICU) never see ICU's declarations.
#ifndef VIGIL_ICU_H
#define VIGIL_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vigil_translit vigil_translit;

/// Opens an ICU transliterator by ID (a compound like "Any-Latin; Latin-ASCII" works).
/// Returns NULL on failure and writes ICU's error name into `err` (NUL-terminated, truncated to errcap).
vigil_translit *vigil_translit_open(const char *id, char *err, int32_t errcap);
void vigil_translit_close(vigil_translit *t);

/// Transliterates UTF-8 `in` into `out` (UTF-8, not NUL-terminated).
/// Returns the output length in bytes; a value > outcap means `out` was too small (retry with that size);
/// a negative value is an ICU error code (negated). Not thread-safe per transliterator.
int32_t vigil_translit_utf8(vigil_translit *t, const char *in, int32_t inlen, char *out, int32_t outcap);

/// NFKC_Casefold of UTF-8 `in`. Same return convention as vigil_translit_utf8. Thread-safe.
int32_t vigil_nfkc_casefold_utf8(const char *in, int32_t inlen, char *out, int32_t outcap);

/// ICU UScriptCode of a code point (0 Common, 1 Inherited, 2 Arabic, 8 Cyrillic, 17 Han, 18 Hangul, 25 Latin...).
int32_t vigil_script_of(uint32_t cp);

/// Short script name ("Latn", "Hani", ...) of a UScriptCode, or "Zzzz".
const char *vigil_script_short_name(int32_t code);

/// Name of an ICU error code (as returned negated by the calls above).
const char *vigil_icu_error_name(int32_t code);

#ifdef __cplusplus
}
#endif

#endif
