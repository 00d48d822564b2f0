/* SPDX-License-Identifier: MIT */
/*
 * The sqlite application: runs an SQL script against a database and
 * prints what the statements return the way the sqlite3 shell does in
 * its default list mode, so the two can be compared line for line.
 *
 * Statements are prepared one after the other from the script's text
 * (sqlite3_prepare_v2 hands back where the next one starts). Between
 * statements, a line starting with "." is a shell command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kiln/config.h>
#include <kiln/time.h>
#include <sqlite3.h>

static int headers;
static int errors;

/* The script, whole, NUL-terminated; NULL with a message when it cannot be read. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = 0;
	long len;

	if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(text = malloc((size_t)len + 1)) || fread(text, 1, (size_t)len, f) != (size_t)len) {
		fprintf(stderr, "Error: cannot read %s\n", path);
		free(text);
		text = 0;
	} else {
		text[len] = 0;
	}
	if (f)
		fclose(f);
	return text;
}

static int line_of(const char *script, const char *at)
{
	int line = 1;

	for (const char *p = script; p < at; p++)
		line += *p == '\n';
	return line;
}

/* A shell command: the rest of the line at @p. Returns where the next line starts. */
static const char *command(const char *script, const char *p)
{
	const char *end = strchr(p, '\n');
	size_t len = end ? (size_t)(end - p) : strlen(p);
	char line[256];

	if (len >= sizeof(line))
		len = sizeof(line) - 1;
	memcpy(line, p, len);
	line[len] = 0;
	while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
		line[--len] = 0;
	if (!strcmp(line, ".headers on")) {
		headers = 1;
	} else if (!strcmp(line, ".headers off")) {
		headers = 0;
	} else if (!strncmp(line, ".print", 6) && (line[6] == ' ' || !line[6])) {
		printf("%s\n", line[6] ? line + 7 : "");
	} else {
		fprintf(stderr, "Error: near line %d: unknown command: %s\n", line_of(script, p), line);
		errors++;
	}
	return end ? end + 1 : p + strlen(p);
}

/* Runs one prepared statement, printing each row in list mode. */
static void run(sqlite3 *db, sqlite3_stmt *stmt, const char *script, const char *at)
{
	int columns = sqlite3_column_count(stmt);
	int first = 1;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (first && headers) {
			for (int i = 0; i < columns; i++)
				printf("%s%s", i ? "|" : "", sqlite3_column_name(stmt, i));
			putchar('\n');
		}
		first = 0;
		for (int i = 0; i < columns; i++) {
			const unsigned char *text = sqlite3_column_text(stmt, i);

			printf("%s%s", i ? "|" : "", text ? (const char *)text : "");
		}
		putchar('\n');
	}
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "Error: near line %d: %s\n", line_of(script, at), sqlite3_errmsg(db));
		errors++;
	}
}

static void run_script(sqlite3 *db, const char *script)
{
	const char *p = script;

	while (*p) {
		sqlite3_stmt *stmt = 0;
		const char *next;

		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '.') {
			p = command(script, p);
			continue;
		}
		if (sqlite3_prepare_v2(db, p, -1, &stmt, &next) != SQLITE_OK) {
			fprintf(stderr, "Error: near line %d: %s\n", line_of(script, p), sqlite3_errmsg(db));
			errors++;
			/* Skip to the end of the statement the shell would have read, as it does. */
			next = strchr(p, ';');
			next = next ? next + 1 : p + strlen(p);
		} else if (stmt) {
			run(db, stmt, script, p);
			sqlite3_finalize(stmt);
		}
		p = next;
	}
}

int main(void)
{
	const char *database = CONFIG_APP_SQLITE_DATABASE;
	char *script = slurp(CONFIG_APP_SQLITE_SCRIPT);
	uint64_t start, ticks;
	sqlite3 *db;

	if (!script)
		return 1;
	start = kiln_time_ticks();
	if (sqlite3_open_v2(database, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0) != SQLITE_OK) {
		fprintf(stderr, "Error: unable to open database \"%s\": %s\n", database, sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	run_script(db, script);
	sqlite3_close(db);
	ticks = kiln_time_ticks() - start;
#ifdef CONFIG_APP_SQLITE_TIMING
	fflush(stdout);
	fprintf(stderr, "kiln: sqlite: script ran in %llu ticks of a %llu Hz counter\n", (unsigned long long)ticks,
		(unsigned long long)kiln_time_hz());
#else
	(void)ticks;
#endif
	free(script);
	return errors ? 1 : 0;
}
