/*
 * The reader's fast path (src/io/json_fast.c) against the corners of JSON
 * text: what it decodes must come out as jansson would decode it, and what
 * jansson refuses must still be refused, with jansson's message.
 */
#include <stdlib.h>
#include <string.h>

#include "io/json.h"
#include "tap.h"
#include "util/mem.h"

/* A valid document whose force name is the JSON text `name`. */
static char *doc_with_name(const char *name)
{
	return ov_xasprintf("{\"format\": \"oversight/1\", \"forces\": "
			    "[{\"code\": \"WMP\", \"name\": %s}]}\n",
			    name);
}

/* A valid document whose assessment year is the JSON text `year`. */
static char *doc_with_year(const char *year)
{
	return ov_xasprintf(
		"{\"format\":\"oversight/1\",\"forces\":[{\"code\":\"WMP\","
		"\"name\":\"W\"}],\"assessments\":[{\"id\":\"a1\",\"force\":"
		"\"WMP\",\"year\":%s,\"date\":\"2018-11-01\",\"label\":\"L\","
		"\"scale\":\"peel-2014\",\"questions\":[{\"key\":\"q1\","
		"\"number\":1,\"text\":\"T\",\"grade\":\"good\"}]}]}",
		year);
}

static ov_dataset *read_text(const char *text, ov_diag *d)
{
	ov_dataset *ds = NULL;

	ov_json_read_buf("t.json", text, strlen(text), &ds, d);
	return ds;
}

static void decodes(const char *name, const char *want, const char *what)
{
	ov_diag d = OV_DIAG_INIT;
	char *text = doc_with_name(name);
	ov_dataset *ds = read_text(text, &d);

	if (!tap_ok(ds && ds->n_forces == 1, what))
		ov_diag_print(&d, stdout, "# ");
	else
		tap_is_str(ds->forces[0].name, want, what);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(text);
}

/* Reading fails and the first message is msg exactly. */
static void refused(char *text, const char *msg, const char *what)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = read_text(text, &d);

	tap_ok(ds == NULL, what);
	tap_is_str(d.n ? d.msg[0] : "", msg, what);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(text);
}

static void test_decoding(void)
{
	decodes("\"plain\"", "plain", "a plain string");
	decodes("\"a\\\"b\\\\c\\/d\\n\\t\"", "a\"b\\c/d\n\t",
		"the short escapes");
	decodes("\"caf\\u00e9 \\u20ac\"", "caf\xc3\xa9 \xe2\x82\xac",
		"\\u escapes to UTF-8");
	decodes("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80",
		"a surrogate pair to one character");
	decodes("\"caf\xc3\xa9 \xf0\x9f\x98\x80\"", "caf\xc3\xa9 \xf0\x9f\x98\x80",
		"UTF-8 as it stands");
	decodes(" \"x\"\r\n\t", "x", "white space around a value");
}

static void test_refusals(void)
{
	refused(doc_with_name("\"\\ud83d\""),
		"t.json:1:69: invalid Unicode '\\uD83D' near '\"\\ud83d\"'",
		"a lone high surrogate");
	refused(doc_with_name("\"\\ude00\""),
		"t.json:1:69: invalid Unicode '\\uDE00' near '\"\\ude00\"'",
		"a lone low surrogate");
	refused(doc_with_name("\"\\u0000\""),
		"t.json:1:69: \\u0000 is not allowed without JSON_ALLOW_NUL "
		"near '\"\\u0000\"'",
		"an escaped NUL");
	refused(doc_with_name("\"\\q\""),
		"t.json:1:64: invalid escape near '\"\\q'",
		"an unknown escape");
	refused(doc_with_name("\"\xc0\xaf\""),
		"t.json:1:62: unable to decode byte 0xc0 near '\"'",
		"overlong UTF-8");
	refused(doc_with_name("\"\xed\xa0\x80\""),
		"t.json:1:62: unable to decode byte 0xed near '\"'",
		"a UTF-8 surrogate");
	refused(doc_with_name("\"\xf4\x90\x80\x80\""),
		"t.json:1:62: unable to decode byte 0xf4 near '\"'",
		"UTF-8 beyond U+10FFFF");
	refused(doc_with_name("\"a\x01\""),
		"t.json:1:63: control character 0x1 near '\"a'",
		"a raw control character");
	refused(doc_with_name("\"x\", \"name\": \"y\""),
		"t.json:1:72: duplicate object key near '\"name\"'",
		"a duplicate key");
	refused(doc_with_name("\"x\"} ]} x"),
		"t.json:1:70: end of file expected near 'x'",
		"text after the document");
	refused(doc_with_year("02018"),
		"t.json:1:109: invalid token near '0'",
		"a leading zero");
	refused(doc_with_year("2018.0"),
		"t.json: $.assessments[0].year: expected an integer from 1900 "
		"to 2199, got a number with a fraction",
		"a fraction");
	refused(doc_with_year("2e3"),
		"t.json: $.assessments[0].year: expected an integer from 1900 "
		"to 2199, got a number with a fraction",
		"an exponent");
	refused(doc_with_year("99999999999999999999"),
		"t.json:1:128: too big integer near '99999999999999999999'",
		"a huge integer");
	refused(doc_with_year("-2018"),
		"t.json: $.assessments[0].year: expected an integer from 1900 "
		"to 2199, got -2018",
		"a negative year");
}

int main(void)
{
	test_decoding();
	test_refusals();
	return tap_done();
}
