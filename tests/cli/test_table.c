/* cli/table: UTF-8 widths, truncation with an ellipsis, fitting 80
 * columns. */
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "cli/table.h"

static void check_trunc(const char *s, size_t w, const char *want)
{
	char *got = ov_utf8_truncate(s, w);
	char name[128];

	snprintf(name, sizeof name, "truncate '%s' to %zu", s, w);
	tap_is_str(got, want, name);
	free(got);
}

/* Print t into memory and return the longest line's width. */
static size_t widest(const ov_table *t, size_t width, char **text)
{
	char *buf = NULL, *lines;
	size_t len = 0, max = 0;
	FILE *f = open_memstream(&buf, &len);

	ov_table_print(t, f, width);
	fclose(f);
	lines = strdup(buf);
	for (char *l = strtok(lines, "\n"); l; l = strtok(NULL, "\n"))
		if (ov_utf8_width(l) > max)
			max = ov_utf8_width(l);
	free(lines);
	*text = buf;
	return max;
}

static void check_term(const char *s, bool one_line, const char *want,
		       const char *name)
{
	char *got = ov_term_text(s, one_line);

	tap_is_str(got, want, name);
	free(got);
}

/* Control characters in their visible form (issue 6, item 10). */
static void term_checks(void)
{
	check_term("plain caf\xc3\xa9 \xe2\x80\xa6", false,
		   "plain caf\xc3\xa9 \xe2\x80\xa6", "text and UTF-8 kept");
	check_term(NULL, false, "", "NULL is empty");
	check_term("a\nb\tc", false, "a\nb\tc", "newline and tab kept");
	check_term("a\r\nb", false, "a\nb", "CRLF is a newline");
	check_term("a\rb", false, "a b", "a lone CR is a space");
	check_term("a\nb\tc\rd", true, "a b c d", "one line: all spaces");
	check_term("\x1b[31mred\x1b[0m", false, "\\x1B[31mred\\x1B[0m",
		   "ESC made visible");
	check_term("\x1b]0;title\x07", true, "\\x1B]0;title\\x07",
		   "an OSC and BEL made visible");
	check_term("x\x7f\x01", false, "x\\x7F\\x01", "DEL and C0");
	check_term("\xc2\x9b" "2J \xc2\x80 \xc2\x9f \xc2\xa0", false,
		   "\\u009B2J \\u0080 \\u009F \xc2\xa0",
		   "C1 controls made visible, U+00A0 kept");
	check_term("bad \x9b\xff\xc3", false, "bad \\x9B\\xFF\\xC3",
		   "bytes that are not UTF-8 shown as \\xHH");
	check_term("\xed\xa0\x80 \xc0\xaf", false,
		   "\\xED\\xA0\\x80 \\xC0\\xAF",
		   "surrogates and overlongs are not UTF-8");
	{
		static const char *const h[] = {"A", "B"};
		const char *r[] = {"\x1b[2J", "ok"};
		ov_table *t = ov_table_new(2, h);
		char *text = NULL;

		ov_table_add(t, r);
		widest(t, 80, &text);
		tap_ok(text && !strchr(text, '\x1b') &&
			       strstr(text, "\\x1B[2J"),
		       "a table cell shows ESC visibly");
		free(text);
		ov_table_free(t);
	}
}

int main(void)
{
	static const char *const head[] = {"Ref", "Area", "Owner"};
	const char *row1[] = {"SF-2017-R01",
			      "Leadership and governance of the response to "
			      "modern slavery across every part of the force",
			      "Detective Superintendent Nick Walton"};
	const char *row2[] = {"X", "Café “quoted”\tand\nnewline", NULL};
	ov_table *t;
	char *text;

	tap_is_int(ov_utf8_width("café"), 4, "width counts code points");
	tap_is_int(ov_utf8_width("“”…"), 3, "three-byte characters are one");
	tap_is_int(ov_utf8_width(NULL), 0, "NULL is empty");
	check_trunc("abcdef", 6, "abcdef");
	check_trunc("abcdef", 4, "abc…");
	check_trunc("cafés", 4, "caf…");
	check_trunc("ééééé", 3, "éé…");
	check_trunc("abc", 0, "");
	check_trunc("abcdef", 1, "…");

	t = ov_table_new(3, head);
	ov_table_flex(t, 1);
	ov_table_add(t, row1);
	ov_table_add(t, row2);
	tap_is_int(ov_table_rows(t), 2, "two rows");
	tap_ok(widest(t, 80, &text) <= 80, "the table fits 80 columns");
	tap_ok(strstr(text, "Detective Superintendent Nick Walton") != NULL,
	       "the fixed column is kept whole");
	tap_ok(strstr(text, "…") != NULL, "the flexible column is cut");
	tap_ok(strstr(text, "Café “quoted” and newline") != NULL,
	       "tabs and newlines in a cell become spaces");
	tap_ok(strstr(text, "Ref          Area") == text,
	       "the header is padded to the column width");
	free(text);
	tap_ok(widest(t, 200, &text) > 80, "a wide limit leaves it whole");
	tap_ok(strstr(text, "every part of the force") != NULL,
	       "with the full text");
	free(text);
	ov_table_free(t);

	{
		static const char *const h2[] = {"No.", "Question", "Grade"};
		const char *r1[] = {"2", "Investigating crime & catching "
				    "criminals",
				    "Requires improvement (carried from PEEL "
				    "2017)"};
		const char *r2[] = {"3", "Supercalifragilisticexpialidocious",
				    "Good"};

		t = ov_table_new(3, h2);
		ov_table_wrap(t, 1);
		ov_table_wrap(t, 2);
		ov_table_add(t, r1);
		ov_table_add(t, r2);
		tap_ok(widest(t, 40, &text) <= 40, "wrapped columns fit");
		tap_ok(strstr(text, "\n2    Investigating") != NULL,
		       "a wrapped row starts on one line");
		tap_ok(strstr(text, "catching") && strstr(text, "criminals") &&
			       strstr(text, "(carried") && strstr(text, "2017)"),
		       "and no word of it is lost");
		tap_ok(strstr(text, "…") == NULL, "wrapping cuts nothing short");
		tap_ok(strstr(text, " \n") == NULL, "no line ends in a blank");
		tap_ok(strstr(text, "Supercal") != NULL &&
			       strstr(text, "\n     us\n") != NULL,
		       "a word wider than its column is broken, not lost");
		free(text);
		ov_table_free(t);
	}
	ov_table_free(NULL);
	term_checks();
	return tap_done();
}
