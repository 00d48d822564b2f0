/* SPDX-License-Identifier: MIT */
/*
 * Boot sequence: TLS, device binding, main(), exit().
 */
#include <stdlib.h>
#include <kiln/boot.h>

void kiln_arm64_tls_init(void);
int main(int argc, char **argv);

void kiln_boot_main(void)
{
	static char name[] = "kiln";
	static char *argv[] = { name, 0 };

	kiln_arm64_tls_init();
	kiln_platform_bind();
	exit(main(1, argv));
}
