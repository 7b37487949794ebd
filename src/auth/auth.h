#ifndef OV_AUTH_AUTH_H
#define OV_AUTH_AUTH_H
/*
 * The crypto of signing in, and nothing else: no storage, no rules about
 * who may do what or how long a session lives (those are app/accounts.c's).
 * libsodium does the work: argon2id password hashes, random tokens, BLAKE2b
 * digests; cracklib judges weak passwords.
 *
 * Call ov_auth_init() (any number of times, from any thread) and see it
 * return 0 before any other function here.  Every function is then safe
 * to call from several threads at once.  Results are written into the
 * caller's buffers of the sizes below; nothing here allocates.  The caller
 * wipes its own copies of passwords and tokens (ov_auth_wipe).
 */
#include <stdbool.h>
#include <stddef.h>

/* A token as text: 32 random bytes, base64url without padding (43
 * characters), and the NUL. */
#define OV_AUTH_TOKEN_LEN 44
/* A token's stored form: its BLAKE2b-256 digest in lower-case hex, and the
 * NUL. */
#define OV_AUTH_DIGEST_LEN 65
/* A password hash: crypto_pwhash_str's text ("$argon2id$v=19$m=...") with
 * its NUL; at most this long (libsodium's crypto_pwhash_STRBYTES). */
#define OV_AUTH_HASH_LEN 128
/* The weak-password check's length bounds: at least this many characters
 * (UTF-8 code points), at most this many bytes. */
#define OV_AUTH_MIN_CHARS 12
#define OV_AUTH_MAX_BYTES 1024

/* Initialise libsodium once (thread-safe).  0, or -1 if it cannot be used
 * (no secure random source); then nothing else here may be called. */
int ov_auth_init(void);

/* Hash password with argon2id at libsodium's INTERACTIVE limits (a fresh
 * random salt each time) into out.  0, or -1 when the memory the hash
 * needs cannot be had (a runtime failure). */
int ov_auth_hash(const char *password, char out[OV_AUTH_HASH_LEN]);
/* Whether password matches hash (a string ov_auth_hash made; anything
 * else, including NULL, matches nothing).  Takes the time of one hash. */
bool ov_auth_verify(const char *hash, const char *password);
/* Spend the time ov_auth_verify would, against a fixed hash that matches
 * no password: for a sign-in with an unknown login, so that how long the
 * answer takes does not tell which logins exist. */
void ov_auth_verify_none(const char *password);
/* Whether hash was made with other limits than today's INTERACTIVE ones
 * (or is not a hash ov_auth_hash makes). */
bool ov_auth_needs_rehash(const char *hash);

/* Judge password.  Returns 0 when it may be used; 1 when it is weak, with
 * *why saying why in a few words ("it is too short", "it is based on a
 * dictionary word": cracklib's reasons); -1 when it cannot be judged (the
 * dictionary is missing), with *why saying so.  *why is a static string.
 * Weak: not valid UTF-8, fewer than OV_AUTH_MIN_CHARS code points, more
 * than OV_AUTH_MAX_BYTES bytes, or refused by cracklib's FascistCheck
 * (the dictionary is GetDefaultCracklibDict()'s).  FascistCheck is not
 * thread-safe: calls to it are serialised here.  cracklib copies the
 * password into buffers of its own that this cannot wipe. */
int ov_auth_weak(const char *password, const char **why);

/* A new random token (32 bytes from libsodium's CSPRNG) as text. */
void ov_auth_token(char out[OV_AUTH_TOKEN_LEN]);
/* Whether s has the form of a token (43 base64url characters). */
bool ov_auth_token_valid(const char *s);
/* The stored form of a token: BLAKE2b-256 of its text, in hex.  A
 * database that leaks its sessions table leaks no usable cookie. */
void ov_auth_token_digest(const char *token, char out[OV_AUTH_DIGEST_LEN]);
/* The CSRF token of a session token: keyed BLAKE2b-256 of a fixed label
 * with the token's text as the key, base64url.  0, or -1 if token does not
 * have a token's form (out is then empty). */
int ov_auth_csrf(const char *token, char out[OV_AUTH_TOKEN_LEN]);
/* Whether given is the CSRF token of token, compared in constant time
 * (NULL or malformed: false). */
bool ov_auth_csrf_ok(const char *token, const char *given);
/* Whether two strings are equal, in time that depends on their lengths
 * only (NULL equals nothing). */
bool ov_auth_equal(const char *a, const char *b);

/* Overwrite n bytes at p in a way the compiler may not drop
 * (sodium_memzero).  p may be NULL when n is 0. */
void ov_auth_wipe(void *p, size_t n);
/* Wipe the string s (its bytes up to the NUL) and free it; NULL is fine. */
void ov_auth_free_secret(char *s);

#endif
