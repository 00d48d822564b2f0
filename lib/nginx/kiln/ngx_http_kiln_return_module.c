/* SPDX-License-Identifier: MIT */
/*
 * The "return" directive, in place of NGINX's rewrite module. That
 * module holds "return" together with "rewrite", "if" and "set", and
 * cannot be compiled without PCRE, which this build does not have
 * (ngx_auto_config.h). This module gives "return" alone, with the
 * syntax and the answers nginx.org documents for it:
 *
 *   return CODE [TEXT];   return CODE URL;   return URL;
 *
 * in a server or a location block. A code below 400 with no text, or
 * one from 400 up, is answered with NGINX's own page for it; a redirect
 * code (301, 302, 303, 307, 308) sends TEXT as the Location; another
 * code with TEXT sends TEXT as the body; 444 closes the connection
 * without an answer. A bare URL (http://, https:// or $scheme) is a 302.
 * TEXT and URL may hold variables.
 *
 * As in the rewrite module, a server's "return" runs before any
 * location is chosen, a location's once it is, and a location does not
 * inherit one from the block around it; the first "return" in a block
 * is the one that answers, so a later one is refused as a duplicate.
 */
#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

typedef struct {
	ngx_uint_t status;              /* 0: no "return" in this block */
	ngx_http_complex_value_t *text; /* body, or Location for a redirect */
} ngx_http_kiln_return_conf_t;

static void *ngx_http_kiln_return_create_conf(ngx_conf_t *cf);
static char *ngx_http_kiln_return(ngx_conf_t *cf, ngx_command_t *cmd, void *conf);
static ngx_int_t ngx_http_kiln_return_init(ngx_conf_t *cf);

static ngx_command_t ngx_http_kiln_return_commands[] = {
	{ ngx_string("return"),
	  NGX_HTTP_SRV_CONF | NGX_HTTP_LOC_CONF | NGX_CONF_TAKE12,
	  ngx_http_kiln_return,
	  NGX_HTTP_LOC_CONF_OFFSET,
	  0,
	  NULL },
	ngx_null_command
};

static ngx_http_module_t ngx_http_kiln_return_module_ctx = {
	NULL,                               /* preconfiguration */
	ngx_http_kiln_return_init,          /* postconfiguration */
	NULL,                               /* create main configuration */
	NULL,                               /* init main configuration */
	NULL,                               /* create server configuration */
	NULL,                               /* merge server configuration */
	ngx_http_kiln_return_create_conf,   /* create location configuration */
	NULL                                /* merge: never inherited */
};

ngx_module_t ngx_http_kiln_return_module = {
	NGX_MODULE_V1,
	&ngx_http_kiln_return_module_ctx,
	ngx_http_kiln_return_commands,
	NGX_HTTP_MODULE,
	NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	NGX_MODULE_V1_PADDING
};

static void *ngx_http_kiln_return_create_conf(ngx_conf_t *cf)
{
	return ngx_pcalloc(cf->pool, sizeof(ngx_http_kiln_return_conf_t));
}

/* Whether a lone argument is a URL to redirect to rather than a code. */
static int ngx_http_kiln_return_is_url(ngx_str_t *v)
{
	static const char *const prefixes[] = { "http://", "https://", "$scheme" };
	size_t i, n;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		n = ngx_strlen(prefixes[i]);
		if (v->len >= n && ngx_strncmp(v->data, prefixes[i], n) == 0)
			return 1;
	}
	return 0;
}

static char *ngx_http_kiln_return(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
	ngx_http_kiln_return_conf_t *rc = conf;
	ngx_http_compile_complex_value_t ccv;
	ngx_str_t *value = cf->args->elts, *text = NULL;
	ngx_int_t n;

	if (rc->status)
		return "is duplicate";

	n = ngx_atoi(value[1].data, value[1].len);
	if (n == NGX_ERROR) {
		if (cf->args->nelts != 2 || !ngx_http_kiln_return_is_url(&value[1])) {
			ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "invalid return code \"%V\"", &value[1]);
			return NGX_CONF_ERROR;
		}
		rc->status = NGX_HTTP_MOVED_TEMPORARILY;
		text = &value[1];
	} else {
		if (n > 999) {
			ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "invalid return code \"%V\"", &value[1]);
			return NGX_CONF_ERROR;
		}
		rc->status = (ngx_uint_t)n;
		if (cf->args->nelts == 3)
			text = &value[2];
	}
	if (!text)
		return NGX_CONF_OK;

	rc->text = ngx_palloc(cf->pool, sizeof(ngx_http_complex_value_t));
	if (!rc->text)
		return NGX_CONF_ERROR;
	ngx_memzero(&ccv, sizeof(ccv));
	ccv.cf = cf;
	ccv.value = text;
	ccv.complex_value = rc->text;
	if (ngx_http_compile_complex_value(&ccv) != NGX_OK)
		return NGX_CONF_ERROR;
	return NGX_CONF_OK;
}

static ngx_int_t ngx_http_kiln_return_handler(ngx_http_request_t *r)
{
	ngx_http_kiln_return_conf_t *rc = ngx_http_get_module_loc_conf(r, ngx_http_kiln_return_module);

	if (!rc->status)
		return NGX_DECLINED;
	if (rc->status == NGX_HTTP_CLOSE)
		return NGX_HTTP_CLOSE;
	if (rc->text || rc->status < NGX_HTTP_BAD_REQUEST)
		return ngx_http_send_response(r, rc->status, NULL, rc->text);
	return rc->status;
}

/* Both phases the rewrite module runs in: the server's, then the location's. */
static ngx_int_t ngx_http_kiln_return_init(ngx_conf_t *cf)
{
	ngx_http_core_main_conf_t *cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);
	ngx_http_handler_pt *h;

	h = ngx_array_push(&cmcf->phases[NGX_HTTP_SERVER_REWRITE_PHASE].handlers);
	if (!h)
		return NGX_ERROR;
	*h = ngx_http_kiln_return_handler;
	h = ngx_array_push(&cmcf->phases[NGX_HTTP_REWRITE_PHASE].handlers);
	if (!h)
		return NGX_ERROR;
	*h = ngx_http_kiln_return_handler;
	return NGX_OK;
}
