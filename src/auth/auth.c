/* The crypto of signing in (auth/auth.h), on libsodium and cracklib. */
#include "auth/auth.h"

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
/* crack.h uses size_t without including what defines it: <stddef.h>
 * above. */
#include <crack.h>

#include "util/utf8.h"

_Static_assert(OV_AUTH_HASH_LEN == crypto_pwhash_STRBYTES,
               "OV_AUTH_HASH_LEN is libsodium's crypto_pwhash_STRBYTES");
_Static_assert(
    OV_AUTH_TOKEN_LEN ==
        sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
    "a token is 32 bytes in base64url without padding, and NUL");
_Static_assert(OV_AUTH_DIGEST_LEN == 2 * 32 + 1,
               "a digest is 32 bytes in hex, and NUL");

#define TOKEN_BYTES 32
#define TOKEN_CHARS (OV_AUTH_TOKEN_LEN - 1)
#define B64URL sodium_base64_VARIANT_URLSAFE_NO_PADDING

/* The label the CSRF token is a MAC of.  Changing it invalidates every
 * open form, nothing else. */
static const char csrf_label[] = "oversight csrf v1";

/* A hash made once by crypto_pwhash_str at the INTERACTIVE limits from 32
 * random bytes that were then thrown away: no password matches it, and
 * checking one against it costs what checking a real hash does.  A
 * constant, not made at start-up, so the first unknown login is not slower
 * than the rest (tests/auth checks that its limits are today's). */
static const char dummy_hash[] =
    "$argon2id$v=19$m=65536,t=2,p=1$YfTJRz/kSDZP0eRltx7Rrw$"
    "oWCUfpJ4WH+zZmv+hv/iA4fL880+qzZwOxWs0aPKuIg";

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_rc = -1;

static void init_sodium(void)
{
	init_rc = sodium_init() < 0 ? -1 : 0;
}

int ov_auth_init(void)
{
	if (pthread_once(&init_once, init_sodium) != 0)
		return -1;
	return init_rc;
}

/* ---- passwords ---- */

int ov_auth_hash(const char *password, char out[OV_AUTH_HASH_LEN])
{
	if (crypto_pwhash_str(out, password, strlen(password),
	                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* crypto_pwhash_str_verify is declared to take a buffer of
 * crypto_pwhash_STRBYTES; a stored string can be shorter, so it is copied
 * into one, zero-padded. */
bool ov_auth_verify(const char *hash, const char *password)
{
	char buf[OV_AUTH_HASH_LEN] = {0};
	size_t n;

	if (!hash || !password)
		return false;
	n = strlen(hash);
	if (n >= sizeof buf)
		return false;
	memcpy(buf, hash, n);
	return crypto_pwhash_str_verify(buf, password, strlen(password)) == 0;
}

void ov_auth_verify_none(const char *password)
{
	/* The result is always false; the call is for its time. */
	(void)ov_auth_verify(dummy_hash, password ? password : "");
}

bool ov_auth_needs_rehash(const char *hash)
{
	char buf[OV_AUTH_HASH_LEN] = {0};
	size_t n = hash ? strlen(hash) : sizeof buf;

	if (n >= sizeof buf)
		return true;
	memcpy(buf, hash, n);
	return crypto_pwhash_str_needs_rehash(
	           buf, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	           crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

/* The number of code points of s, or -1 if s is not valid UTF-8
 * (util/utf8.h). */
static long utf8_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
	long n = 0;

	while (p < e) {
		size_t k = ov_utf8_len(p, e, NULL);

		if (k == 0)
			return -1;
		p += k;
		n++;
	}
	return n;
}

static pthread_mutex_t crack_lock = PTHREAD_MUTEX_INITIALIZER;

/* cracklib's dictionary is three files, PATH.pwd, .pwi and .hwm.
 * FascistCheck prints to stderr when it cannot open them, and older
 * cracklibs exit (Debian #682735): look first. */
static bool dict_present(const char *path)
{
	static const char *const ext[] = {".pwd", ".pwi", ".hwm"};
	char name[4096];

	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t n = strlen(path);

		if (n + strlen(ext[i]) + 1 > sizeof name)
			return false;
		memcpy(name, path, n);
		strcpy(name + n, ext[i]);
		if (access(name, R_OK) != 0)
			return false;
	}
	return true;
}

int ov_auth_weak(const char *password, const char **why)
{
	const char *dict, *verdict;
	long chars;

	if (strlen(password) > OV_AUTH_MAX_BYTES) {
		*why = "it is longer than 1024 bytes";
		return 1;
	}
	chars = utf8_chars(password);
	if (chars < 0) {
		*why = "it is not valid UTF-8";
		return 1;
	}
	if (chars < OV_AUTH_MIN_CHARS) {
		*why = "it is shorter than 12 characters";
		return 1;
	}
	pthread_mutex_lock(&crack_lock);
	dict = GetDefaultCracklibDict();
	if (!dict || !*dict)
		dict = "/var/cache/cracklib/cracklib_dict";
	if (!dict_present(dict)) {
		pthread_mutex_unlock(&crack_lock);
		*why = "cracklib's dictionary is missing (install "
		       "cracklib-runtime)";
		return -1;
	}
	/* The reasons are string constants of cracklib's: they outlive the
	 * lock. */
	verdict = FascistCheck(password, dict);
	pthread_mutex_unlock(&crack_lock);
	if (verdict) {
		*why = verdict;
		return 1;
	}
	*why = NULL;
	return 0;
}

_Static_assert(OV_AUTH_MAX_BYTES == 1024, "the message above says 1024");
_Static_assert(OV_AUTH_MIN_CHARS == 12, "the message above says 12");

/* ---- tokens ---- */

void ov_auth_token(char out[OV_AUTH_TOKEN_LEN])
{
	unsigned char raw[TOKEN_BYTES];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, OV_AUTH_TOKEN_LEN, raw, sizeof raw, B64URL);
	sodium_memzero(raw, sizeof raw);
}

static bool b64url_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool ov_auth_token_valid(const char *s)
{
	size_t i = 0;

	if (!s)
		return false;
	for (; i < TOKEN_CHARS; i++)
		if (!b64url_char(s[i]))
			return false;
	/* 32 bytes are 256 bits in 43 characters of 6: the last one holds
	 * 4 bits, so its low 2 must be zero (the one form libsodium reads
	 * back). */
	return s[i] == '\0' && strchr("AEIMQUYcgkosw048", s[TOKEN_CHARS - 1]);
}

void ov_auth_token_digest(const char *token, char out[OV_AUTH_DIGEST_LEN])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof h, (const unsigned char *)token,
	                   strlen(token), NULL, 0);
	sodium_bin2hex(out, OV_AUTH_DIGEST_LEN, h, sizeof h);
}

int ov_auth_csrf(const char *token, char out[OV_AUTH_TOKEN_LEN])
{
	unsigned char mac[32];

	out[0] = '\0';
	if (!ov_auth_token_valid(token))
		return -1;
	_Static_assert(TOKEN_CHARS >= crypto_generichash_KEYBYTES_MIN &&
	                   TOKEN_CHARS <= crypto_generichash_KEYBYTES_MAX,
	               "a token's text is a BLAKE2b key");
	crypto_generichash(mac, sizeof mac, (const unsigned char *)csrf_label,
	                   sizeof csrf_label - 1, (const unsigned char *)token,
	                   TOKEN_CHARS);
	sodium_bin2base64(out, OV_AUTH_TOKEN_LEN, mac, sizeof mac, B64URL);
	sodium_memzero(mac, sizeof mac);
	return 0;
}

bool ov_auth_equal(const char *a, const char *b)
{
	size_t n;

	if (!a || !b)
		return false;
	n = strlen(a);
	if (n != strlen(b))
		return false;
	return sodium_memcmp(a, b, n) == 0;
}

bool ov_auth_csrf_ok(const char *token, const char *given)
{
	char want[OV_AUTH_TOKEN_LEN];
	bool ok;

	if (!given || ov_auth_csrf(token, want) != 0)
		return false;
	ok = ov_auth_equal(want, given);
	sodium_memzero(want, sizeof want);
	return ok;
}

void ov_auth_wipe(void *p, size_t n)
{
	if (p && n)
		sodium_memzero(p, n);
}

void ov_auth_free_secret(char *s)
{
	if (!s)
		return;
	sodium_memzero(s, strlen(s));
	free(s);
}
