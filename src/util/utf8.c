/* UTF-8 (util/utf8.h): the one decoder the faces, the checks and the
 * writers share. */
#include "util/utf8.h"

#include <string.h>

size_t ov_utf8_len(const unsigned char *p, const unsigned char *end,
                   uint32_t *cp)
{
	uint32_t c = p[0];
	size_t n;

	if (c < 0x80) {
		n = 1;
		goto done;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07;
	else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
done:
	if (cp)
		*cp = c;
	return n;
}

bool ov_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;

	while (p < e) {
		size_t k;

		if (*p == 0)
			return false;
		if (*p < 0x80) {
			p++;
			continue;
		}
		k = ov_utf8_len(p, e, NULL);
		if (k == 0)
			return false;
		p += k;
	}
	return true;
}

bool ov_utf8_valid_str(const char *s)
{
	return !s || ov_utf8_valid(s, strlen(s));
}

static bool blank_cp(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200D) || c == 0x2028 ||
	       c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x2060 ||
	       c == 0x3000 || c == 0xFEFF;
}

bool ov_text_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *e;

	if (!s)
		return true;
	e = p + strlen(s);
	while (p < e) {
		uint32_t c;
		size_t k = ov_utf8_len(p, e, &c);

		if (k == 0 || !blank_cp(c))
			return false;
		p += k;
	}
	return true;
}

size_t ov_utf8_prefix(const char *s, size_t n, bool *more)
{
	size_t i = 0, c = 0;

	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && c++ == n)
			break;
	*more = s[i] != '\0';
	return i;
}
