/* SPDX-License-Identifier: MIT */
/*
 * The javascript application: runs a script with Duktape, with what
 * Debian's duk command line gives a script (print, alert, console,
 * require through Duktape.modSearch) and what an image adds: require()
 * finds modules in the image's file system, a global fs object reads and
 * writes its files, and setTimeout/setInterval run callbacks on Kiln's
 * event loop once the script has run.
 *
 * An error the script does not catch is printed as duk prints it (its
 * stack trace, on standard error) and main() returns 1; so does one
 * thrown by a timer's callback, which also drops the timers still
 * waiting.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <kiln/config.h>
#include <kiln/time.h>
#include <duktape.h>
#include <duk_console.h>
#include <duk_module_duktape.h>
#include <duk_print_alert.h>
#ifdef CONFIG_APP_JAVASCRIPT_TIMERS
#include <kiln/event.h>
#endif

/* Whether any error reached the top: main()'s status. */
static int failed;

/* Prints the error on top of the stack as duk does, and pops it. */
static void report_error(duk_context *ctx)
{
	fflush(stdout);
	fprintf(stderr, "%s\n", duk_safe_to_stacktrace(ctx, -1));
	fflush(stderr);
	duk_pop(ctx);
	failed = 1;
}

/* A whole file in the heap, NUL-terminated; NULL with errno set when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text = 0;
	size_t size = 0, used = 0, got;

	if (!f)
		return 0;
	for (;;) {
		if (size - used < 4096) {
			char *more = realloc(text, size + size / 2 + 4096);

			if (!more) {
				free(text);
				fclose(f);
				errno = ENOMEM;
				return 0;
			}
			text = more;
			size += size / 2 + 4096;
		}
		got = fread(text + used, 1, size - used - 1, f);
		if (got == 0)
			break;
		used += got;
	}
	if (ferror(f)) {
		int err = errno;

		free(text);
		fclose(f);
		errno = err;
		return 0;
	}
	fclose(f);
	text[used] = 0;
	*len = used;
	return text;
}

/* Throws an Error "what 'path': reason" for the errno of a failed call. */
static duk_ret_t throw_errno(duk_context *ctx, const char *what, const char *path)
{
	return duk_error(ctx, DUK_ERR_ERROR, "%s '%s': %s", what, path, strerror(errno));
}

/*
 * The fs object: a file is read as a string of its bytes, and written from
 * a string (as UTF-8) or a buffer's bytes.
 */

/* fs.readFile(path) -> string */
static duk_ret_t fs_read_file(duk_context *ctx)
{
	const char *path = duk_require_string(ctx, 0);
	size_t len;
	char *text = slurp(path, &len);

	if (!text)
		return throw_errno(ctx, "cannot read", path);
	duk_push_lstring(ctx, text, len);
	free(text);
	return 1;
}

/* Writes argument 1 to the file at argument 0, opened with @mode. */
static duk_ret_t fs_put(duk_context *ctx, const char *mode)
{
	const char *path = duk_require_string(ctx, 0);
	const void *data;
	duk_size_t len;
	FILE *f;
	int ok;

	if (duk_is_buffer_data(ctx, 1))
		data = duk_get_buffer_data(ctx, 1, &len);
	else
		data = duk_to_lstring(ctx, 1, &len);
	f = fopen(path, mode);
	if (!f)
		return throw_errno(ctx, "cannot open", path);
	ok = len == 0 || fwrite(data, 1, len, f) == len;
	if (fclose(f) != 0)
		ok = 0;
	if (!ok)
		return throw_errno(ctx, "cannot write", path);
	return 0;
}

/* fs.writeFile(path, data) */
static duk_ret_t fs_write_file(duk_context *ctx)
{
	return fs_put(ctx, "wb");
}

/* fs.appendFile(path, data) */
static duk_ret_t fs_append_file(duk_context *ctx)
{
	return fs_put(ctx, "ab");
}

/* fs.exists(path) -> boolean */
static duk_ret_t fs_exists(duk_context *ctx)
{
	struct stat st;

	duk_push_boolean(ctx, stat(duk_require_string(ctx, 0), &st) == 0);
	return 1;
}

/* fs.size(path) -> number of bytes */
static duk_ret_t fs_size(duk_context *ctx)
{
	const char *path = duk_require_string(ctx, 0);
	struct stat st;

	if (stat(path, &st) != 0)
		return throw_errno(ctx, "cannot stat", path);
	duk_push_number(ctx, (duk_double_t)st.st_size);
	return 1;
}

/* fs.remove(path): a file, or an empty folder */
static duk_ret_t fs_remove(duk_context *ctx)
{
	const char *path = duk_require_string(ctx, 0);
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? rmdir(path) != 0 : unlink(path) != 0)
		return throw_errno(ctx, "cannot remove", path);
	return 0;
}

/* fs.rename(from, to) */
static duk_ret_t fs_rename(duk_context *ctx)
{
	const char *from = duk_require_string(ctx, 0);

	if (rename(from, duk_require_string(ctx, 1)) != 0)
		return throw_errno(ctx, "cannot rename", from);
	return 0;
}

/* fs.mkdir(path) */
static duk_ret_t fs_mkdir(duk_context *ctx)
{
	const char *path = duk_require_string(ctx, 0);

	if (mkdir(path, 0777) != 0)
		return throw_errno(ctx, "cannot make folder", path);
	return 0;
}

/* fs.readdir(path) -> the names in the folder (not . and ..), in the file system's order */
static duk_ret_t fs_readdir(duk_context *ctx)
{
	const char *path = duk_require_string(ctx, 0);
	DIR *dir = opendir(path);
	struct dirent *de;
	duk_uarridx_t n = 0;

	if (!dir)
		return throw_errno(ctx, "cannot open folder", path);
	duk_push_array(ctx);
	while ((de = readdir(dir)) != 0) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		duk_push_string(ctx, de->d_name);
		duk_put_prop_index(ctx, -2, n++);
	}
	closedir(dir);
	return 1;
}

static const duk_function_list_entry fs_functions[] = {
	{ "readFile", fs_read_file, 1 },
	{ "writeFile", fs_write_file, 2 },
	{ "appendFile", fs_append_file, 2 },
	{ "exists", fs_exists, 1 },
	{ "size", fs_size, 1 },
	{ "remove", fs_remove, 1 },
	{ "rename", fs_rename, 2 },
	{ "mkdir", fs_mkdir, 1 },
	{ "readdir", fs_readdir, 1 },
	{ 0, 0, 0 },
};

/*
 * Duktape.modSearch(id, require, exports, module): require() has made the
 * id absolute ("a/b" for require('./b') in module "a/c"); the module is
 * the file id + ".js" in the first folder of the module path that has it.
 * Its source is returned for require() to wrap and run; module.filename
 * names the file in stack traces.
 */
static duk_ret_t mod_search(duk_context *ctx)
{
	const char *id = duk_require_string(ctx, 0);
	const char *dirs = CONFIG_APP_JAVASCRIPT_MODULE_PATH;

	while (*dirs) {
		size_t n = strcspn(dirs, ":");
		size_t len;
		char *text;

		duk_push_sprintf(ctx, "%.*s/%s.js", (int)n, dirs, id);
		text = slurp(duk_get_string(ctx, -1), &len);
		if (text) {
			duk_dup_top(ctx);
			duk_put_prop_string(ctx, 3, "filename");
			duk_push_lstring(ctx, text, len);
			free(text);
			return 1;
		}
		duk_pop(ctx);
		dirs += n;
		if (*dirs == ':')
			dirs++;
	}
	return duk_error(ctx, DUK_ERR_ERROR, "cannot find module '%s' in %s", id, CONFIG_APP_JAVASCRIPT_MODULE_PATH);
}

#ifdef CONFIG_APP_JAVASCRIPT_TIMERS
/*
 * Timers. Each waiting timer is an event of Kiln's loop, and an entry of
 * the global stash's "kilnTimers" object, keyed by its id, holding the
 * callback and its arguments: [fn, arg...].
 */
struct js_timer {
	struct kiln_event ev;		/* first: the event is the timer */
	duk_context *ctx;
	double id;
	uint64_t interval_ns;		/* 0 for setTimeout */
	struct js_timer *next;		/* all waiting timers */
};

static struct js_timer *timers;
static double last_timer_id;

/* Pushes the stash's timer table. */
static void push_timer_table(duk_context *ctx)
{
	duk_push_global_stash(ctx);
	if (!duk_get_prop_string(ctx, -1, "kilnTimers")) {
		duk_pop(ctx);
		duk_push_object(ctx);
		duk_dup_top(ctx);
		duk_put_prop_string(ctx, -3, "kilnTimers");
	}
	duk_remove(ctx, -2);
}

/* Takes @t out of the loop, the list and the table, and frees it. */
static void drop_timer(struct js_timer *t)
{
	struct js_timer **p = &timers;

	kiln_event_cancel(&t->ev);
	while (*p != t)
		p = &(*p)->next;
	*p = t->next;
	push_timer_table(t->ctx);
	duk_push_number(t->ctx, t->id);
	duk_del_prop(t->ctx, -2);
	duk_pop(t->ctx);
	free(t);
}

/* Calls fn(args...) from the table entry on top of the stack, and pops it; in protected mode. */
static duk_ret_t call_entry(duk_context *ctx, void *udata)
{
	duk_idx_t entry = duk_get_top_index(ctx);
	duk_size_t n = duk_get_length(ctx, entry), i;

	(void)udata;
	for (i = 0; i < n; i++)
		duk_get_prop_index(ctx, entry, (duk_uarridx_t)i);
	duk_call(ctx, (duk_idx_t)n - 1);
	return 0;
}

/* The event of a timer that is due: run its callback; an interval is queued again first. */
static void timer_fired(struct kiln_event *ev)
{
	struct js_timer *t = (struct js_timer *)ev;
	duk_context *ctx = t->ctx;

	push_timer_table(ctx);
	duk_push_number(ctx, t->id);
	duk_get_prop(ctx, -2);
	duk_remove(ctx, -2);
	if (t->interval_ns) {
		/*
		 * The next beat is one interval after this one was due, so that
		 * a late loop keeps the order the delays give; a beat already
		 * missed altogether is skipped (one interval from now).
		 */
		uint64_t next = t->ev.due_ns + t->interval_ns;
		uint64_t now = kiln_time_now_ns();

		kiln_event_post_at(&t->ev, next > now ? next : now + t->interval_ns);
	} else
		drop_timer(t);
	if (duk_safe_call(ctx, call_entry, 0, 1, 1) != DUK_EXEC_SUCCESS) {
		report_error(ctx);
		while (timers)
			drop_timer(timers);
		return;
	}
	duk_pop(ctx);
}

/* setTimeout(fn, ms, args...) and setInterval(fn, ms, args...) -> id */
static duk_ret_t add_timer(duk_context *ctx, int repeat)
{
	duk_idx_t top = duk_get_top(ctx), i;
	double ms = top > 1 ? duk_to_number(ctx, 1) : 0;
	uint64_t delay_ns;
	struct js_timer *t;

	duk_require_function(ctx, 0);
	if (!(ms >= 1))
		ms = repeat ? 1 : 0;	/* NaN, negative: at once (an interval: every millisecond) */
	if (ms > 2147483647.0)
		ms = 2147483647.0;	/* as browsers cap it */
	delay_ns = (uint64_t)ms * 1000000u;
	t = calloc(1, sizeof(*t));
	if (!t)
		return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory for a timer");
	t->ctx = ctx;
	t->id = ++last_timer_id;
	t->interval_ns = repeat ? delay_ns : 0;
	t->ev.fn = timer_fired;
	t->next = timers;
	timers = t;

	push_timer_table(ctx);
	duk_push_number(ctx, t->id);
	duk_push_array(ctx);
	duk_dup(ctx, 0);
	duk_put_prop_index(ctx, -2, 0);
	for (i = 2; i < top; i++) {
		duk_dup(ctx, i);
		duk_put_prop_index(ctx, -2, (duk_uarridx_t)(i - 1));
	}
	duk_put_prop(ctx, -3);
	kiln_event_post_after(&t->ev, delay_ns);
	duk_push_number(ctx, t->id);
	return 1;
}

static duk_ret_t set_timeout(duk_context *ctx)
{
	return add_timer(ctx, 0);
}

static duk_ret_t set_interval(duk_context *ctx)
{
	return add_timer(ctx, 1);
}

/* clearTimeout(id), clearInterval(id): an unknown id is no error */
static duk_ret_t clear_timer(duk_context *ctx)
{
	double id = duk_to_number(ctx, 0);
	struct js_timer *t;

	for (t = timers; t; t = t->next) {
		if (t->id == id) {
			drop_timer(t);
			break;
		}
	}
	return 0;
}

static const duk_function_list_entry timer_functions[] = {
	{ "setTimeout", set_timeout, DUK_VARARGS },
	{ "setInterval", set_interval, DUK_VARARGS },
	{ "clearTimeout", clear_timer, 1 },
	{ "clearInterval", clear_timer, 1 },
	{ 0, 0, 0 },
};
#endif /* CONFIG_APP_JAVASCRIPT_TIMERS */

/* Compiles and runs the program on top of the stack ([ source filename ]), in protected mode. */
static duk_ret_t run_program(duk_context *ctx, void *udata)
{
	(void)udata;
	duk_compile(ctx, 0);
	duk_call(ctx, 0);
	return 0;
}

/* An error outside any protected call (the heap cannot go on). */
static void fatal(void *udata, const char *msg)
{
	(void)udata;
	fflush(stdout);
	fprintf(stderr, "*** FATAL ERROR: %s\n", msg ? msg : "no message");
	fflush(stderr);
	abort();
}

int main(void)
{
	const char *path = CONFIG_APP_JAVASCRIPT_SCRIPT_PATH;
	duk_context *ctx;
	uint64_t start, ticks;
	size_t len;
	char *source;

	ctx = duk_create_heap(0, 0, 0, 0, fatal);
	if (!ctx) {
		fprintf(stderr, "javascript: cannot create the Duktape heap\n");
		return 1;
	}
	duk_print_alert_init(ctx, 0);
	duk_console_init(ctx, DUK_CONSOLE_FLUSH);
	duk_module_duktape_init(ctx);
	duk_get_global_string(ctx, "Duktape");
	duk_push_c_function(ctx, mod_search, 4);
	duk_put_prop_string(ctx, -2, "modSearch");
	duk_pop(ctx);
	duk_push_object(ctx);
	duk_put_function_list(ctx, -1, fs_functions);
	duk_put_global_string(ctx, "fs");
#ifdef CONFIG_APP_JAVASCRIPT_TIMERS
	duk_push_global_object(ctx);
	duk_put_function_list(ctx, -1, timer_functions);
	duk_pop(ctx);
#endif

	source = slurp(path, &len);
	if (!source) {
		fprintf(stderr, "javascript: cannot read %s: %s\n", path, strerror(errno));
		duk_destroy_heap(ctx);
		return 1;
	}
	start = kiln_time_ticks();
	duk_push_lstring(ctx, source, len);
	free(source);
	duk_push_string(ctx, path);
	if (duk_safe_call(ctx, run_program, 0, 2, 1) != DUK_EXEC_SUCCESS)
		report_error(ctx);
	else
		duk_pop(ctx);
#ifdef CONFIG_APP_JAVASCRIPT_TIMERS
	if (!failed)
		kiln_event_run();
#endif
	ticks = kiln_time_ticks() - start;
	fflush(stdout);
#ifdef CONFIG_APP_JAVASCRIPT_TIMING
	fprintf(stderr, "kiln: javascript: script ran in %llu ticks of a %llu Hz counter\n", (unsigned long long)ticks,
		(unsigned long long)kiln_time_hz());
#else
	(void)ticks;
#endif
	duk_destroy_heap(ctx);
	return failed;
}
