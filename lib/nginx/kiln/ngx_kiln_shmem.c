/* SPDX-License-Identifier: MIT */
/*
 * NGINX's shared memory (in place of os/unix/ngx_shmem.c). NGINX shares
 * memory between its master and worker processes with mmap() or System
 * V segments; a Kiln image is one process, so a zone is heap memory,
 * page-aligned and zeroed as a fresh mapping is. The event module takes
 * one at start for its counters and the accept mutex.
 */
#include <ngx_config.h>
#include <ngx_core.h>

ngx_int_t ngx_shm_alloc(ngx_shm_t *shm)
{
	void *p = NULL;

	if (posix_memalign(&p, ngx_pagesize ? ngx_pagesize : 4096, shm->size) != 0 || !p) {
		ngx_log_error(NGX_LOG_ALERT, shm->log, ngx_errno,
			      "shared memory zone of %uz bytes: out of memory", shm->size);
		return NGX_ERROR;
	}
	ngx_memzero(p, shm->size);
	shm->addr = p;
	return NGX_OK;
}

void ngx_shm_free(ngx_shm_t *shm)
{
	free(shm->addr);
	shm->addr = NULL;
}
