#include "web/http.h"
#include <stdlib.h>
#include <string.h>
#include "app/accounts.h"
const char *ov_role_code(enum ov_role r) { static const char *c[] = {"viewer","owner","editor","admin"}; return c[r]; }
void ov_form_token(char out[OV_TOKEN_LEN]) { memset(out, 'a', OV_TOKEN_LEN-1); out[OV_TOKEN_LEN-1]=0; }
bool ov_token_equal(const char *a, const char *b) { return a && b && !strcmp(a,b); }
bool ov_session_csrf_ok(const ov_session *s, const char *g) { return !strcmp(s->csrf, g); }
int ov_app_login(ov_app *a, const char *l, const char *p, const char *ad, int64_t now, ov_session *out, ov_diag *d) { (void)a;(void)p;(void)ad;(void)now; memset(out,0,sizeof *out); strcpy(out->token,"tok"); strcpy(out->csrf,"csrf"); out->who.login=strdup(l); out->who.role=OV_ROLE_ADMIN; (void)d; return 0; }
int ov_app_session(ov_app *a, const char *t, int64_t now, ov_session *out, ov_diag *d) { (void)a;(void)now; memset(out,0,sizeof *out); if (strcmp(t,"tok")) { ov_diag_at(d, OV_PROB_UNAUTH, NULL, "x"); return -1; } strcpy(out->token,"tok"); strcpy(out->csrf,"csrf"); out->who.login=strdup("admin"); out->who.role=OV_ROLE_ADMIN; return 0; }
int ov_app_logout(ov_app *a, const char *t, ov_diag *d) { (void)a;(void)t;(void)d; return 0; }
void ov_session_release(ov_session *s) { free(s->who.login); s->who.login = NULL; }
int ov_app_authorize(ov_app *a, const ov_account *w, enum ov_right r, const char *ref, ov_diag *d) { (void)a;(void)w;(void)r;(void)ref;(void)d; return 0; }
