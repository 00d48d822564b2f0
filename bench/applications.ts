// SPDX-License-Identifier: MIT
import type { BoardId } from 'kiln';

/**
 * An example application the bench builds and boots. Adding one (pi, a
 * network server) is a program under bench/programs/ plus an entry in
 * BENCH_APPLICATIONS; nothing else in the harness names an application.
 */
export interface BenchApplication {
  /** Short name used in tables, file names and --app. */
  readonly id: string;
  /** One line saying what it is. */
  readonly title: string;
  /** The Kiln program that defines its images, relative to the repository root. */
  readonly program: string;
  /** The image id the program gives each board; a board without one reports n/a. */
  readonly images: Readonly<Partial<Record<BoardId, string>>>;
  /**
   * The application's first console line: boot time is measured to it.
   * Lines the OS prints before it (e.g. `kiln: boot ticks N`) do not count.
   */
  readonly readyLine: RegExp;
  /**
   * Whether the application stays up and sleeps after readyLine (a server
   * waiting for work), so its idle host CPU can be measured. Applications
   * that exit right away have no idle figure.
   */
  readonly idles: boolean;
}

/** Every application the bench measures. */
export const BENCH_APPLICATIONS: readonly BenchApplication[] = [
  {
    id: 'hello',
    title: 'prints a greeting and exits',
    program: 'bench/programs/hello.ts',
    images: { 'qemu-virt': 'hello-qemu-virt', 'raspberry-pi-3b-plus': 'hello-raspberry-pi-3b-plus', 'ultra96-v2': 'hello-ultra96-v2' },
    readyLine: /^Hello from Kiln/,
    idles: false,
  },
  {
    id: 'pi',
    title: 'computes 1000 digits of pi (CPU-bound)',
    program: 'bench/programs/pi.ts',
    images: { 'qemu-virt': 'pi-qemu-virt', 'raspberry-pi-3b-plus': 'pi-raspberry-pi-3b-plus', 'ultra96-v2': 'pi-ultra96-v2' },
    readyLine: /^3\.14159/,
    idles: false,
  },
  {
    id: 'idle',
    title: 'sleeps in WFI (the power proxy)',
    program: 'bench/programs/idle.ts',
    images: { 'qemu-virt': 'idle-qemu-virt', 'raspberry-pi-3b-plus': 'idle-raspberry-pi-3b-plus', 'ultra96-v2': 'idle-ultra96-v2' },
    readyLine: /^timer-test: sleeping/,
    idles: true,
  },
];
