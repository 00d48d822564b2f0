/* SPDX-License-Identifier: MIT */
/*
 * The module list NGINX's ./configure writes into objs/ngx_modules.c,
 * for what a static web server on Kiln needs: the core, the event core
 * with the poll module, and the HTTP modules that serve files (static,
 * index, autoindex, try_files), answer "return" (Kiln's module: NGINX's
 * rewrite module needs PCRE), log, and filter responses (headers,
 * not-modified, ranges, chunked). The order is ./configure's: it
 * decides the order of the filters, which run from the last to the
 * first. Kiln's own module comes last: it says on the console when
 * the server listens (kiln/ngx_kiln_main.c).
 */
#include <ngx_config.h>
#include <ngx_core.h>

extern ngx_module_t ngx_core_module;
extern ngx_module_t ngx_errlog_module;
extern ngx_module_t ngx_conf_module;
extern ngx_module_t ngx_events_module;
extern ngx_module_t ngx_event_core_module;
extern ngx_module_t ngx_poll_module;
extern ngx_module_t ngx_http_module;
extern ngx_module_t ngx_http_core_module;
extern ngx_module_t ngx_http_log_module;
extern ngx_module_t ngx_http_header_count_module;
extern ngx_module_t ngx_http_upstream_module;
extern ngx_module_t ngx_http_static_module;
extern ngx_module_t ngx_http_autoindex_module;
extern ngx_module_t ngx_http_index_module;
extern ngx_module_t ngx_http_try_files_module;
extern ngx_module_t ngx_http_kiln_return_module;
extern ngx_module_t ngx_http_write_filter_module;
extern ngx_module_t ngx_http_header_filter_module;
extern ngx_module_t ngx_http_chunked_filter_module;
extern ngx_module_t ngx_http_range_header_filter_module;
extern ngx_module_t ngx_http_postpone_filter_module;
extern ngx_module_t ngx_http_headers_filter_module;
extern ngx_module_t ngx_http_copy_filter_module;
extern ngx_module_t ngx_http_range_body_filter_module;
extern ngx_module_t ngx_http_not_modified_filter_module;
extern ngx_module_t ngx_kiln_module;

/* Each module's address, then its name, in the same order. */
#define KILN_NGX_MODULES(X)                       \
	X(ngx_core_module)                        \
	X(ngx_errlog_module)                      \
	X(ngx_conf_module)                        \
	X(ngx_events_module)                      \
	X(ngx_event_core_module)                  \
	X(ngx_poll_module)                        \
	X(ngx_http_module)                        \
	X(ngx_http_core_module)                   \
	X(ngx_http_log_module)                    \
	X(ngx_http_header_count_module)           \
	X(ngx_http_upstream_module)               \
	X(ngx_http_static_module)                 \
	X(ngx_http_autoindex_module)              \
	X(ngx_http_index_module)                  \
	X(ngx_http_try_files_module)              \
	X(ngx_http_kiln_return_module)                \
	X(ngx_http_write_filter_module)           \
	X(ngx_http_header_filter_module)          \
	X(ngx_http_chunked_filter_module)         \
	X(ngx_http_range_header_filter_module)    \
	X(ngx_http_postpone_filter_module)        \
	X(ngx_http_headers_filter_module)         \
	X(ngx_http_copy_filter_module)            \
	X(ngx_http_range_body_filter_module)      \
	X(ngx_http_not_modified_filter_module)     \
	X(ngx_kiln_module)

#define KILN_NGX_ADDRESS(m) &m,
#define KILN_NGX_NAME(m) #m,

ngx_module_t *ngx_modules[] = {
	KILN_NGX_MODULES(KILN_NGX_ADDRESS)
	NULL
};

char *ngx_module_names[] = {
	KILN_NGX_MODULES(KILN_NGX_NAME)
	NULL
};
