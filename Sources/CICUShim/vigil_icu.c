#include "vigil_icu.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

struct vigil_translit { UTransliterator *trans; };

static void put_err(char *err, int32_t errcap, const char *msg) {
    if (err && errcap > 0) { strncpy(err, msg, (size_t)errcap - 1); err[errcap - 1] = 0; }
}

vigil_translit *vigil_translit_open(const char *id, char *err, int32_t errcap) {
    UErrorCode status = U_ZERO_ERROR;
    UChar uid[256];
    int32_t uidlen = 0;
    u_strFromUTF8(uid, 256, &uidlen, id, -1, &status);
    if (U_FAILURE(status)) { put_err(err, errcap, u_errorName(status)); return NULL; }
    UTransliterator *t = utrans_openU(uid, uidlen, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status) || t == NULL) { put_err(err, errcap, u_errorName(status)); return NULL; }
    vigil_translit *v = malloc(sizeof *v);
    if (!v) { utrans_close(t); put_err(err, errcap, "out of memory"); return NULL; }
    v->trans = t;
    return v;
}

void vigil_translit_close(vigil_translit *t) {
    if (!t) return;
    utrans_close(t->trans);
    free(t);
}

/* UTF-8 -> UTF-16 buffer (heap when large). Returns length or negative error. */
static int32_t to_utf16(const char *in, int32_t inlen, UChar **buf, UChar *stackbuf, int32_t stackcap, int32_t extra) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8(NULL, 0, &len, in, inlen, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -(int32_t)status;
    int32_t cap = len + extra + 1;
    *buf = cap <= stackcap ? stackbuf : malloc(sizeof(UChar) * (size_t)cap);
    if (!*buf) return -(int32_t)U_MEMORY_ALLOCATION_ERROR;
    status = U_ZERO_ERROR;
    u_strFromUTF8(*buf, cap, &len, in, inlen, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    return len;
}

static int32_t to_utf8(const UChar *u, int32_t ulen, char *out, int32_t outcap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t len = 0;
    u_strToUTF8(out, outcap, &len, u, ulen, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return len;
    if (U_FAILURE(status)) return -(int32_t)status;
    return len;
}

int32_t vigil_translit_utf8(vigil_translit *t, const char *in, int32_t inlen, char *out, int32_t outcap) {
    UChar stackbuf[1024];
    UChar *buf = NULL;
    /* Transliteration grows text (one Han character becomes a syllable): leave generous room. */
    int32_t extra = inlen * 6 + 16;
    int32_t len = to_utf16(in, inlen, &buf, stackbuf, 1024, extra);
    if (len < 0) { if (buf && buf != stackbuf) free(buf); return len; }
    int32_t cap = len + extra + 1;
    int32_t limit = len;
    UErrorCode status = U_ZERO_ERROR;
    utrans_transUChars(t->trans, buf, &len, cap, 0, &limit, &status);
    int32_t result;
    if (U_FAILURE(status)) result = -(int32_t)status;
    else result = to_utf8(buf, len, out, outcap);
    if (buf != stackbuf) free(buf);
    return result;
}

int32_t vigil_nfkc_casefold_utf8(const char *in, int32_t inlen, char *out, int32_t outcap) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -(int32_t)status;
    UChar stackbuf[512];
    UChar *src = NULL;
    int32_t len = to_utf16(in, inlen, &src, stackbuf, 512, 0);
    if (len < 0) { if (src && src != stackbuf) free(src); return len; }
    int32_t dcap = len * 3 + 16;
    UChar *dst = malloc(sizeof(UChar) * (size_t)dcap);
    if (!dst) { if (src != stackbuf) free(src); return -(int32_t)U_MEMORY_ALLOCATION_ERROR; }
    int32_t dlen = unorm2_normalize(n, src, len, dst, dcap, &status);
    int32_t result = U_FAILURE(status) ? -(int32_t)status : to_utf8(dst, dlen, out, outcap);
    free(dst);
    if (src != stackbuf) free(src);
    return result;
}

int32_t vigil_script_of(uint32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)cp, &status);
    return U_FAILURE(status) ? (int32_t)USCRIPT_UNKNOWN : (int32_t)s;
}

const char *vigil_script_short_name(int32_t code) {
    const char *n = uscript_getShortName((UScriptCode)code);
    return n ? n : "Zzzz";
}

const char *vigil_icu_error_name(int32_t code) {
    return u_errorName((UErrorCode)code);
}
