/* SPDX-License-Identifier: MIT */
/*
 * The sqlite application: runs an SQL script against a database and
 * prints what it prints the way Debian's sqlite3 3.40 shell does when the
 * script is its standard input, in its default list mode, so the two can
 * be compared line for line, errors included.
 *
 * The script is read line by line as the shell reads it. Lines gather
 * until the last one ends in a semicolon outside any string, identifier or
 * comment and sqlite3_complete() says the text is whole (so a CREATE
 * TRIGGER body, whose statements end in semicolons too, stays in one
 * piece up to its END;). The gathered text is then prepared and run one
 * statement after the other (sqlite3_prepare_v2() hands back where the
 * next one starts); at the first error the rest of it is skipped, as the
 * shell skips it. A line starting with "." while nothing is gathered is a
 * shell command, one starting with "#" a comment. Errors are the shell's:
 * "Parse error near line N: ..." (with the text around the error),
 * "Runtime error near line N: ... (CODE)".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kiln/config.h>
#include <kiln/time.h>
#include <sqlite3.h>

/* The state the shell keeps between lines. */
struct shell {
	sqlite3 *db;
	int headers;	/* .headers: print column names before a statement's first row */
	int bail;	/* .bail: stop at the first error */
	int errors;	/* errors so far; main() returns 1 if any */
};

/*
 * What scan_line() learnt of the text so far: the low byte is the
 * character that ends the string, identifier or comment the text is in
 * (0 outside one: ' " ` ] or * for a C comment), SCAN_DARK that the
 * line holds something besides blanks and comments, SCAN_SEMI that the
 * last such thing was a semicolon.
 */
#define SCAN_INSIDE 0xffu
#define SCAN_DARK 0x100u
#define SCAN_SEMI 0x200u

/* Nothing but blanks and comments, possibly semicolons, outside quotes. */
static int scan_blank(unsigned state)
{
	return (state & ~SCAN_SEMI) == 0;
}

/* Outside quotes and comments, the last thing a semicolon. */
static int scan_ends_statement(unsigned state)
{
	return (state & ~SCAN_DARK) == SCAN_SEMI;
}

/*
 * Classifies one line, going on from @state (the previous lines'), as
 * the shell does before it looks at a line: a quick scan, not SQLite's
 * tokenizer, which sqlite3_complete() then confirms.
 */
static unsigned scan_line(const char *s, unsigned state)
{
	char wait = (char)(state & SCAN_INSIDE);
	char c;

	while ((c = *s++) != 0) {
		if (wait) {
			if (c != wait)
				continue;
			if (wait == '*') {
				if (*s != '/')
					continue;
				s++;
			} else if (wait != ']' && *s == wait) {
				s++;	/* a doubled quote stands for itself */
				continue;
			}
			wait = 0;
			state &= ~SCAN_INSIDE;
			continue;
		}
		if (isspace((unsigned char)c))
			continue;
		if (c == '-' && *s == '-')
			return state;	/* the rest of the line is a comment */
		if (c == ';') {
			state |= SCAN_SEMI;
			continue;
		}
		if (c == '/' && *s == '*') {
			s++;
			wait = '*';
			state = (state & ~SCAN_INSIDE) | '*';
			continue;
		}
		if (c == '\'' || c == '"' || c == '`' || c == '[') {
			wait = c == '[' ? ']' : c;
			state = SCAN_DARK | (unsigned char)wait;
			continue;
		}
		state = (state & ~SCAN_SEMI) | SCAN_DARK;
	}
	return state;
}

/* A line that is "/" or "go" alone (Oracle's and SQL Server's), which the shell takes for ";". */
static int terminator_line(const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	if (*line == '/')
		line++;
	else if (tolower((unsigned char)line[0]) == 'g' && tolower((unsigned char)line[1]) == 'o')
		line += 2;
	else
		return 0;
	return scan_line(line, 0) == 0;
}

/* Whether @sql followed by a semicolon would be whole (no string or comment left open). */
static int complete_with_semicolon(char *sql, size_t len)
{
	int whole;

	if (!sql)
		return 1;
	sql[len] = ';';
	sql[len + 1] = 0;
	whole = sqlite3_complete(sql);
	sql[len] = 0;
	return whole;
}

/*
 * Prints the text around a parse error and points at it, as the shell
 * does: @sql is the statement that failed and what follows it, @offset
 * where in it SQLite found the error.
 */
static void print_error_context(const char *sql, int offset)
{
	size_t len;

	if (offset < 0)
		return;
	/* At most 50 bytes before the error, cut at a character boundary. */
	while (offset > 50) {
		offset--;
		sql++;
		while ((*sql & 0xc0) == 0x80) {
			sql++;
			offset--;
		}
	}
	len = strlen(sql);
	if (len > 78) {
		len = 78;
		while ((sql[len] & 0xc0) == 0x80)
			len--;
	}
	fputs("\n  ", stderr);
	for (size_t i = 0; i < len; i++)
		fputc(isspace((unsigned char)sql[i]) ? ' ' : sql[i], stderr);
	if (offset < 25)
		fprintf(stderr, "\n  %*s^--- error here", offset, "");
	else
		fprintf(stderr, "\n  %*serror here ---^", offset - 14, "");
}

/* Reports an error the way the shell's runOneSqlLine() does. */
static void report(struct shell *sh, const char *kind, int line, int rc, const char *sql)
{
	fprintf(stderr, "%s near line %d: %s", kind, line, sqlite3_errmsg(sh->db));
	if (rc > 1)
		fprintf(stderr, " (%d)", rc);
	if (sql)
		print_error_context(sql, sqlite3_error_offset(sh->db));
	fputc('\n', stderr);
	sh->errors++;
}

/* Steps one prepared statement, printing each row in list mode. */
static void print_rows(struct shell *sh, sqlite3_stmt *stmt)
{
	int columns = sqlite3_column_count(stmt);
	int first = 1;

	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if (first && sh->headers) {
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
}

/*
 * Runs the statements of @sql (whole, as gathered from the lines starting
 * at @line) until the first error, which ends it: the shell drops the
 * rest of what it gathered.
 */
static void run_sql(struct shell *sh, const char *sql, int line)
{
	while (*sql) {
		sqlite3_stmt *stmt = 0;
		const char *tail = sql;
		int rc;

		rc = sqlite3_prepare_v2(sh->db, sql, -1, &stmt, &tail);
		if (rc != SQLITE_OK) {
			report(sh, "Parse error", line, rc, sql);
			return;
		}
		if (stmt) {
			print_rows(sh, stmt);
			/* The step's error, if any, is what finalizing returns. */
			rc = sqlite3_finalize(stmt);
			if (rc != SQLITE_OK) {
				report(sh, "Runtime error", line, rc, 0);
				return;
			}
		}
		sql = tail;
		while (isspace((unsigned char)*sql))
			sql++;
	}
}

/* The shell's reading of an on/off argument: a number (decimal, or hex after 0x), on/yes or off/no. */
static int boolean_arg(const char *arg)
{
	int hex = arg[0] == '0' && arg[1] == 'x';
	size_t digits = hex ? 2 + strspn(arg + 2, "0123456789abcdefABCDEF") : strspn(arg, "0123456789");

	if (digits && !arg[digits])
		return (strtoull(arg + (hex ? 2 : 0), 0, hex ? 16 : 10) & 0xffffffffu) != 0;
	if (!sqlite3_stricmp(arg, "on") || !sqlite3_stricmp(arg, "yes"))
		return 1;
	if (!sqlite3_stricmp(arg, "off") || !sqlite3_stricmp(arg, "no"))
		return 0;
	fprintf(stderr, "ERROR: Not a boolean value: \"%s\". Assuming \"no\".\n", arg);
	return 0;
}

/* Turns the shell's backslash escapes (\t, \n, \\, \NNN octal...) in @s into the characters, in place. */
static void unescape(char *s)
{
	static const char from[] = "abtnvfr\"'\\";
	static const char to[] = "\a\b\t\n\v\f\r\"'\\";
	char *out = s;

	while (*s) {
		char c = *s++;

		if (c == '\\' && *s) {
			const char *k = strchr(from, *s);

			c = *s++;
			if (k) {
				c = to[k - from];
			} else if (c >= '0' && c <= '7') {
				c -= '0';
				for (int i = 0; i < 2 && *s >= '0' && *s <= '7'; i++)
					c = (char)((c << 3) + *s++ - '0');
			}
		}
		*out++ = c;
	}
	*out = 0;
}

/* The sqlite3 3.40 shell's commands, to tell the ones this runner lacks from typing mistakes. */
static const char *const shell_commands[] = {
	"archive", "auth", "backup", "bail", "binary", "cd", "changes", "check", "clone", "connection",
	"databases", "dbconfig", "dbinfo", "dump", "echo", "eqp", "excel", "exit", "expert", "explain",
	"filectrl", "fullschema", "headers", "help", "import", "imposter", "indexes", "limit", "lint",
	"load", "log", "mode", "nonce", "nullvalue", "once", "open", "output", "parameter", "print",
	"progress", "prompt", "quit", "read", "recover", "restore", "save", "scanstats", "schema",
	"selftest", "separator", "session", "sha3sum", "shell", "show", "stats", "system", "tables",
	"testcase", "testctrl", "timeout", "timer", "trace", "vfsinfo", "vfslist", "vfsname", "width",
};

/*
 * A shell command (@line starts with "."), split into words as the shell
 * splits it. Returns nonzero when it failed, which counts as an error.
 */
static int command(struct shell *sh, char *line)
{
	char *word[52];
	int words = 0;
	char *p = line + 1;
	size_t n;

	while (*p && words < (int)(sizeof(word) / sizeof(word[0]))) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		if (*p == '\'' || *p == '"') {
			char quote = *p++;

			word[words++] = p;
			while (*p && *p != quote) {
				if (*p == '\\' && quote == '"' && p[1])
					p++;
				p++;
			}
			if (*p)
				*p++ = 0;
			if (quote == '"')
				unescape(word[words - 1]);
		} else {
			word[words++] = p;
			while (*p && !isspace((unsigned char)*p))
				p++;
			if (*p)
				*p++ = 0;
			unescape(word[words - 1]);
		}
	}
	if (!words)
		return 0;
	n = strlen(word[0]);
	/* Abbreviations as the shell takes them: any prefix of headers, three letters of bail and print. */
	if (n >= 3 && !strncmp(word[0], "bail", n)) {
		if (words != 2) {
			fputs("Usage: .bail on|off\n", stderr);
			return 1;
		}
		sh->bail = boolean_arg(word[1]);
	} else if (!strncmp(word[0], "headers", n)) {
		if (words != 2) {
			fputs("Usage: .headers on|off\n", stderr);
			return 1;
		}
		sh->headers = boolean_arg(word[1]);
	} else if (n >= 3 && !strncmp(word[0], "print", n)) {
		for (int i = 1; i < words; i++)
			printf("%s%s", i > 1 ? " " : "", word[i]);
		putchar('\n');
	} else {
		for (size_t i = 0; i < sizeof(shell_commands) / sizeof(shell_commands[0]); i++) {
			if (!strcmp(word[0], shell_commands[i])) {
				fprintf(stderr, "Error: .%s is a sqlite3 shell command Kiln's runner does not have (it has .bail, .headers, .print)\n",
					word[0]);
				return 1;
			}
		}
		fprintf(stderr, "Error: unknown command or invalid arguments:  \"%s\". Enter \".help\" for help\n", word[0]);
		return 1;
	}
	return 0;
}

/* Text gathered from lines until it holds whole statements. */
struct gathered {
	char *text;
	size_t len;
	size_t room;
	int line;	/* where it started */
};

/* Adds @line to @g (leading blanks dropped from the first line, "\n" between lines). */
static int gather(struct gathered *g, const char *line, int number)
{
	size_t len = strlen(line);

	if (!g->len) {
		while (isspace((unsigned char)*line)) {
			line++;
			len--;
		}
		g->line = number;
	}
	/* Room for the newline, the line, and the ";" and NUL complete_with_semicolon() adds. */
	if (g->len + len + 3 > g->room) {
		size_t room = g->len + g->len / 2 + len + 100;
		char *text = realloc(g->text, room);

		if (!text)
			return -1;
		g->text = text;
		g->room = room;
	}
	if (g->len)
		g->text[g->len++] = '\n';
	memcpy(g->text + g->len, line, len + 1);
	g->len += len;
	return 0;
}

/*
 * Runs @script the way the shell runs its standard input (its
 * process_input()): line by line, stopping after the first error when
 * bail is on.
 */
static void run_script(struct shell *sh, char *script)
{
	static char semicolon[] = ";";
	struct gathered g = { 0 };
	unsigned state = 0;
	int number = 0;
	char *next = script;

	while (*next && (!sh->errors || !sh->bail)) {
		char *line = next;
		char *end = strchr(line, '\n');

		/* The line without its "\n" (or "\r\n"), as fgets() and the shell give it. */
		if (end) {
			next = end + 1;
			if (end > line && end[-1] == '\r')
				end--;
			*end = 0;
		} else {
			next = line + strlen(line);
		}
		number++;
		if (!(state & SCAN_INSIDE) && terminator_line(line) && complete_with_semicolon(g.text, g.len))
			line = semicolon;
		state = scan_line(line, state);
		if (scan_blank(state) && !g.len) {
			state = 0;
			continue;
		}
		if ((line[0] == '.' || line[0] == '#') && !g.len) {
			if (line[0] == '.' && command(sh, line))
				sh->errors++;
			state = 0;
			continue;
		}
		if (gather(&g, line, number)) {
			fputs("Error: out of memory\n", stderr);
			sh->errors++;
			break;
		}
		if (g.len && scan_ends_statement(state) && sqlite3_complete(g.text)) {
			run_sql(sh, g.text, g.line);
			g.len = 0;
			state = 0;
		} else if (g.len && scan_blank(state)) {
			g.len = 0;
			state = 0;
		}
	}
	/* What is left may be incomplete: SQLite says so. */
	if (g.len)
		run_sql(sh, g.text, g.line);
	free(g.text);
}

/* Standard input to its end (the console's Ctrl-D), NUL-terminated; NULL with a message on failure. */
static char *slurp_stdin(void)
{
	size_t len = 0, cap = 4096, n;
	char *text = malloc(cap), *more;

	while (text && (n = fread(text + len, 1, cap - 1 - len, stdin)) > 0) {
		len += n;
		if (len + 1 < cap)
			continue;
		more = realloc(text, cap * 2);
		if (!more)
			free(text);
		text = more;
		cap *= 2;
	}
	if (!text || ferror(stdin)) {
		fprintf(stderr, "Error: cannot read standard input\n");
		free(text);
		return 0;
	}
	text[len] = 0;
	return text;
}

/* The script, whole, NUL-terminated; NULL with a message when it cannot be read. "-" is standard input. */
static char *slurp(const char *path)
{
	FILE *f;
	char *text = 0;
	long len;

	if (!strcmp(path, "-"))
		return slurp_stdin();
	f = fopen(path, "rb");
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

int main(void)
{
	const char *database = CONFIG_APP_SQLITE_DATABASE;
	char *script = slurp(CONFIG_APP_SQLITE_SCRIPT);
	struct shell sh = { 0 };
	uint64_t start, ticks;

#ifdef CONFIG_APP_SQLITE_BAIL
	sh.bail = 1;
#endif
	if (!script)
		return 1;
	start = kiln_time_ticks();
	if (sqlite3_open_v2(database, &sh.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0) != SQLITE_OK) {
		fprintf(stderr, "Error: unable to open database \"%s\": %s\n", database, sqlite3_errmsg(sh.db));
		sqlite3_close(sh.db);
		return 1;
	}
	run_script(&sh, script);
	sqlite3_close(sh.db);
	ticks = kiln_time_ticks() - start;
#ifdef CONFIG_APP_SQLITE_TIMING
	fflush(stdout);
	fprintf(stderr, "kiln: sqlite: script ran in %llu ticks of a %llu Hz counter\n", (unsigned long long)ticks,
		(unsigned long long)kiln_time_hz());
#else
	(void)ticks;
#endif
	free(script);
	return sh.errors ? 1 : 0;
}
