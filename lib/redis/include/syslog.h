/* SPDX-License-Identifier: MIT */
/*
 * <syslog.h> for Redis ("syslog-enabled yes"). A Kiln image has no
 * syslog daemon: kiln/sys_kiln.c's syslog() writes the message on the
 * console, as Redis's own log does.
 */
#ifndef KILN_REDIS_SYSLOG_H
#define KILN_REDIS_SYSLOG_H

#define LOG_EMERG   0
#define LOG_ALERT   1
#define LOG_CRIT    2
#define LOG_ERR     3
#define LOG_WARNING 4
#define LOG_NOTICE  5
#define LOG_INFO    6
#define LOG_DEBUG   7

#define LOG_PID     0x01
#define LOG_NDELAY  0x08
#define LOG_NOWAIT  0x10

#define LOG_USER    (1 << 3)
#define LOG_LOCAL0  (16 << 3)
#define LOG_LOCAL1  (17 << 3)
#define LOG_LOCAL2  (18 << 3)
#define LOG_LOCAL3  (19 << 3)
#define LOG_LOCAL4  (20 << 3)
#define LOG_LOCAL5  (21 << 3)
#define LOG_LOCAL6  (22 << 3)
#define LOG_LOCAL7  (23 << 3)

void openlog(const char *ident, int option, int facility);
void syslog(int priority, const char *format, ...) __attribute__((format(printf, 2, 3)));
void closelog(void);

#endif
