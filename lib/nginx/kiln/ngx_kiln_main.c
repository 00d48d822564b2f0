/* SPDX-License-Identifier: MIT */
/*
 * NGINX's main() on Kiln. The boot sequence calls main() without
 * arguments, so NGINX's own main (core/nginx.c, compiled here unmodified
 * under another name) is called with the arguments image.ts gave
 * (kiln_process_args()); without any it reads NGX_CONF_PATH.
 *
 * Also a core module of Kiln's, ngx_kiln_module (listed last in
 * ngx_modules.c): when the process starts serving, after every listening
 * socket is open, it prints one line per socket on the console, so that
 * a person, a test or the bench knows the server is ready, and how much
 * of the heap it took to get there (live bytes and peak). It refuses a
 * configuration that asks for a master process or a daemon.
 */
#define main ngx_upstream_main
#include "nginx.c"
#undef main

#include <kiln/alloc.h>
#include <kiln/boot.h>
#include <kiln/process.h>
#include <kiln/time.h>

static ngx_int_t ngx_kiln_init_module(ngx_cycle_t *cycle);
static ngx_int_t ngx_kiln_init_process(ngx_cycle_t *cycle);

static ngx_core_module_t ngx_kiln_module_ctx = {
	ngx_string("kiln"),
	NULL,
	NULL
};

ngx_module_t ngx_kiln_module = {
	NGX_MODULE_V1,
	&ngx_kiln_module_ctx,       /* module context */
	NULL,                       /* module directives */
	NGX_CORE_MODULE,            /* module type */
	NULL,                       /* init master */
	ngx_kiln_init_module,       /* init module */
	ngx_kiln_init_process,      /* init process */
	NULL,                       /* init thread */
	NULL,                       /* exit thread */
	NULL,                       /* exit process */
	NULL,                       /* exit master */
	NGX_MODULE_V1_PADDING
};

/*
 * A configuration that asks for a master process or a daemon is refused
 * when it is read, in NGINX's words for a bad directive, rather than
 * failing later at fork().
 */
static ngx_int_t ngx_kiln_init_module(ngx_cycle_t *cycle)
{
	ngx_core_conf_t *ccf = (ngx_core_conf_t *)ngx_get_conf(cycle->conf_ctx, ngx_core_module);

	if (ccf->master) {
		ngx_log_error(NGX_LOG_EMERG, cycle->log, 0,
			      "\"master_process on\" is not possible in a Kiln image, which is one process: use \"master_process off;\"");
		return NGX_ERROR;
	}
	if (ccf->daemon) {
		ngx_log_error(NGX_LOG_EMERG, cycle->log, 0,
			      "\"daemon on\" is not possible in a Kiln image, which is one process: use \"daemon off;\"");
		return NGX_ERROR;
	}
	return NGX_OK;
}

/* Milliseconds from the image's first instruction. */
static unsigned long long ngx_kiln_ms_after_boot(void)
{
	uint64_t hz = kiln_time_hz();

	return (unsigned long long)((kiln_time_ticks() - kiln_boot_entry_ticks()) * 1000u / (hz ? hz : 1));
}

static ngx_int_t ngx_kiln_init_process(ngx_cycle_t *cycle)
{
	ngx_listening_t *ls = cycle->listening.elts;
	struct kiln_alloc_stats heap;
	ngx_uint_t i;

	kiln_alloc_total(&heap);
	for (i = 0; i < cycle->listening.nelts; i++) {
		fprintf(stderr, "nginx: listening on %.*s, %llu ms after boot, heap %zu bytes (peak %zu)\n",
			(int)ls[i].addr_text.len, (const char *)ls[i].addr_text.data,
			ngx_kiln_ms_after_boot(), heap.current, heap.peak);
	}
	return NGX_OK;
}

int main(void)
{
	static char *defaults[] = { "nginx", NULL };
	int argc;
	char **argv;

	kiln_process_args(&argc, &argv);
	if (argc < 1 || !argv || !argv[0]) {
		argc = 1;
		argv = defaults;
	}
	return ngx_upstream_main(argc, argv);
}
