#ifndef OV_UTIL_UTF8_H
#define OV_UTIL_UTF8_H
/*
 * UTF-8, decided once: what the register accepts as text is what jansson
 * accepts on reading a JSON document (the importer's rule), so every text
 * that enters by another face is held to the same bytes.  Overlong forms,
 * surrogates (U+D800..U+DFFF) and values past U+10FFFF are refused; so is
 * a NUL byte inside a counted string.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length (1..4) of the valid UTF-8 sequence at p, which must have at least
 * one byte before end, or 0 if it is not valid (or cut short by end).
 * *cp, if not NULL, gets the code point. */
size_t ov_utf8_len(const unsigned char *p, const unsigned char *end,
                   uint32_t *cp);

/* True if s[0..n) is valid UTF-8 with no NUL byte. */
bool ov_utf8_valid(const char *s, size_t n);

/* True if the NUL-terminated s is valid UTF-8 (NULL is valid: no text). */
bool ov_utf8_valid_str(const char *s);

/* True if s is NULL, empty or white space alone: the ASCII spaces (space,
 * tab, line breaks), Unicode's other spaces (U+00A0, U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and the
 * invisible joiners a paste may bring (U+200B..U+200D, U+2060, U+FEFF).
 * Such a text says nothing, so it never stands for a required one.
 * Bytes that are not UTF-8 count as not blank (the UTF-8 check reports
 * them). */
bool ov_text_blank(const char *s);

/* The bytes of s that hold its first n characters (counted by UTF-8 lead
 * bytes, so a cut never splits one), and in *more whether any follow. */
size_t ov_utf8_prefix(const char *s, size_t n, bool *more);

#endif
