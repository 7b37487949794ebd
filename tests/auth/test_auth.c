/*
 * The crypto of signing in (auth/auth.h): password hashes and their
 * check, the weak-password judge, tokens, their stored form and the CSRF
 * token derived from them.  argon2id at the INTERACTIVE limits is slow
 * under valgrind, so this makes two hashes and checks four.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "tap.h"

static const char strong[] = "correct horse battery staple";

static void test_hash(void)
{
	char h1[OV_AUTH_HASH_LEN], h2[OV_AUTH_HASH_LEN];

	tap_is_int(ov_auth_hash(strong, h1), 0, "hash a password");
	tap_ok(strncmp(h1, "$argon2id$", 10) == 0, "... with argon2id");
	/* The fixed hash ov_auth_verify_none checks against was made with
	 * these limits: if libsodium's INTERACTIVE limits change, this
	 * fails, and auth.c's dummy_hash must be made again. */
	tap_ok(strncmp(h1, "$argon2id$v=19$m=65536,t=2,p=1$", 31) == 0,
	       "... at the limits the unknown-login hash was made with");
	tap_ok(!ov_auth_needs_rehash(h1), "... which are today's");
	tap_is_int(ov_auth_hash(strong, h2), 0, "hash it again");
	tap_ok(strcmp(h1, h2) != 0, "... a different salt, another hash");
	tap_ok(ov_auth_verify(h1, strong), "the password matches its hash");
	tap_ok(ov_auth_verify(h2, strong), "... and the other hash");
	tap_ok(!ov_auth_verify(h1, "correct horse battery stapler"),
	       "another password does not");
	tap_ok(!ov_auth_verify(NULL, strong), "a NULL hash matches nothing");
	tap_ok(!ov_auth_verify("", strong), "an empty hash matches nothing");
	tap_ok(!ov_auth_verify("$argon2id$v=19$m=65536,t=2,p=1$junk", strong),
	       "a malformed hash matches nothing");
	tap_ok(!ov_auth_verify(h1, NULL), "a NULL password matches nothing");
	tap_ok(ov_auth_needs_rehash("$argon2id$v=19$m=4096,t=3,p=1$"
				    "c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo"),
	       "a hash at other limits needs a rehash");
	tap_ok(ov_auth_needs_rehash(NULL), "... and so does none");
	ov_auth_verify_none(strong);
	tap_ok(1, "checking against no account returns");
}

static void is_weak(const char *pw, const char *reason, const char *name)
{
	const char *why = NULL;
	int rc = ov_auth_weak(pw, &why);

	tap_ok(rc == 1 && why && strstr(why, reason), name);
	if (rc != 1 || !why || !strstr(why, reason))
		printf("#   rc %d, why: %s\n", rc, why ? why : "(null)");
}

static void is_strong(const char *pw, const char *name)
{
	const char *why = NULL;
	int rc = ov_auth_weak(pw, &why);

	tap_ok(rc == 0 && !why, name);
	if (rc != 0)
		printf("#   rc %d, why: %s\n", rc, why ? why : "(null)");
}

static void test_weak(void)
{
	char *big = malloc(OV_AUTH_MAX_BYTES + 2);

	is_strong(strong, "a long passphrase is strong");
	is_strong("kX9#mQ2$vL7!", "twelve mixed characters are enough");
	is_strong("Zebra-\xc3\x9cn\xc3\xaf" "c\xc3\xb8" "d\xc3\xa9-42",
		  "non-ASCII characters are fine");
	is_weak("kX9#mQ2$vL7", "shorter than 12",
		"eleven characters are too short");
	is_weak("", "shorter than 12", "the empty password is too short");
	/* Eleven é: 22 bytes, 11 characters. */
	is_weak("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
		"shorter than 12",
		"length is counted in characters, not bytes");
	is_weak("administrator", "dictionary word",
		"a dictionary word is refused, cracklib says why");
	is_weak("Administrator1", "dictionary word",
		"... dressed up, too");
	is_weak("aaaaaaaaaaaaaa", "DIFFERENT characters",
		"one character repeated is refused");
	is_weak("123456789012", "simplistic", "a run of digits is refused");
	is_weak("abcdefghijkl\xff\xfe", "not valid UTF-8",
		"bytes that are not UTF-8 are refused");
	is_weak("abcdefghijkl\xc0\xaf", "not valid UTF-8",
		"... an overlong form too");
	is_weak("abcdefghijkl\xed\xa0\x80", "not valid UTF-8",
		"... and a surrogate");
	is_weak("abcdefghijkl\xe2\x82", "not valid UTF-8",
		"... and a sequence cut short");
	memset(big, 'x', OV_AUTH_MAX_BYTES + 1);
	big[OV_AUTH_MAX_BYTES + 1] = '\0';
	is_weak(big, "longer than 1024 bytes",
		"more than 1024 bytes is refused");
	free(big);
}

/* FascistCheck is not thread-safe: four threads judging at once must each
 * get the answer one thread gets. */
static void *judge_many(void *arg)
{
	long bad = 0;

	(void)arg;
	for (int i = 0; i < 25; i++) {
		const char *why;

		bad += ov_auth_weak(strong, &why) != 0;
		bad += ov_auth_weak("administrator", &why) != 1;
	}
	return (void *)bad;
}

static void test_weak_threads(void)
{
	pthread_t t[4];
	long bad = 0;
	int started = 0;

	for (int i = 0; i < 4; i++)
		started += pthread_create(&t[i], NULL, judge_many, NULL) == 0;
	for (int i = 0; i < started; i++) {
		void *r;

		pthread_join(t[i], &r);
		bad += (long)r;
	}
	tap_ok(started == 4 && bad == 0,
	       "four threads judging at once get the same answers");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

#define ALPHA "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"

static void test_tokens(void)
{
	enum { N = 1000 };
	char (*t)[OV_AUTH_TOKEN_LEN] = calloc(N, sizeof *t);
	int formed = 1, dup = 0;

	for (int i = 0; i < N; i++) {
		ov_auth_token(t[i]);
		formed &= strlen(t[i]) == 43 && ov_auth_token_valid(t[i]);
	}
	tap_ok(formed, "1000 tokens: 43 characters of base64url each");
	qsort(t, N, sizeof *t, cmp_str);
	for (int i = 1; i < N; i++)
		dup += strcmp(t[i - 1], t[i]) == 0;
	tap_is_int(dup, 0, "... all different");
	free(t);
	tap_ok(ov_auth_token_valid(ALPHA "OPQ"),
	       "a token's form is 43 of [A-Za-z0-9_-]");
	tap_ok(!ov_auth_token_valid(ALPHA "OP"),
	       "42 characters are not a token");
	tap_ok(!ov_auth_token_valid(ALPHA "OPQR"),
	       "... nor 44");
	tap_ok(!ov_auth_token_valid(ALPHA "+PQ"),
	       "... nor one with '+' (not base64url)");
	tap_ok(!ov_auth_token_valid(ALPHA "OPR"),
	       "... nor one whose last character holds bits past 256");
	tap_ok(!ov_auth_token_valid(NULL) && !ov_auth_token_valid(""),
	       "... nor NULL or empty");
}

static void test_digest_csrf(void)
{
	/* Known answers from Python's hashlib.blake2b (digest_size=32; the
	 * CSRF token keyed with the token's text, over "oversight csrf v1",
	 * base64url without padding). */
	const char *tok = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
	const char *tok2 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	char dg[OV_AUTH_DIGEST_LEN], c1[OV_AUTH_TOKEN_LEN],
		c2[OV_AUTH_TOKEN_LEN], bad[OV_AUTH_TOKEN_LEN];

	ov_auth_token_digest(tok, dg);
	tap_is_str(dg, "5de4f7533d6e6a4a5c78c1763c3cc963"
		       "2c60f6707b201fcfc5206247825a129e",
		   "a token's stored form is BLAKE2b-256 in hex");
	ov_auth_token_digest(tok2, dg);
	tap_is_str(dg, "6342b384e5d6294c5df1110132b93b97"
		       "b395a2ff4cca498af637b3e06b3095dd",
		   "... another token's");
	tap_is_int(ov_auth_csrf(tok, c1), 0, "derive a CSRF token");
	tap_is_str(c1, "0_QiRFxPj74yqFtYQWuCiYr16NjtwGkasU79evHf-KQ",
		   "... keyed BLAKE2b of the label, base64url");
	tap_is_int(ov_auth_csrf(tok2, c2), 0, "... of another token");
	tap_is_str(c2, "Btn8gm_hmacQSjZwrYm0ctIiJuwjbYnyu7gpcmQ_Hlo",
		   "... a different one");
	tap_ok(ov_auth_token_valid(c1), "... of a token's form");
	tap_ok(ov_auth_csrf_ok(tok, c1), "the right CSRF token is accepted");
	tap_ok(!ov_auth_csrf_ok(tok, c2), "another session's is refused");
	c1[42] = c1[42] == 'A' ? 'B' : 'A';
	tap_ok(!ov_auth_csrf_ok(tok, c1), "... one character changed");
	c1[42] = '\0';
	tap_ok(!ov_auth_csrf_ok(tok, c1), "... one character short");
	tap_ok(!ov_auth_csrf_ok(tok, "") && !ov_auth_csrf_ok(tok, NULL),
	       "... empty or none");
	tap_is_int(ov_auth_csrf("not a token", bad), -1,
		   "no CSRF token for a malformed token");
	tap_ok(bad[0] == '\0', "... the output is empty");
	tap_ok(!ov_auth_csrf_ok("not a token", ""), "... and nothing matches");
	tap_ok(ov_auth_equal("same", "same") &&
		       !ov_auth_equal("same", "samf") &&
		       !ov_auth_equal("same", "sam") &&
		       !ov_auth_equal(NULL, "x") && !ov_auth_equal("x", NULL),
	       "equal: same bytes and length only");
}

static void test_wipe(void)
{
	char buf[] = "secret";
	char *heap = strdup("also secret");
	int zero = 1;

	ov_auth_wipe(buf, sizeof buf);
	for (size_t i = 0; i < sizeof buf; i++)
		zero &= buf[i] == 0;
	tap_ok(zero, "wipe zeroes the bytes");
	ov_auth_wipe(NULL, 0);
	ov_auth_free_secret(heap);
	ov_auth_free_secret(NULL);
	tap_ok(1, "free_secret takes a string and NULL");
}

int main(void)
{
	tap_is_int(ov_auth_init(), 0, "init");
	tap_is_int(ov_auth_init(), 0, "... twice is fine");
	test_hash();
	test_weak();
	test_weak_threads();
	test_tokens();
	test_digest_csrf();
	test_wipe();
	return tap_done();
}
