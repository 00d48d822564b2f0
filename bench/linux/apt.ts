// SPDX-License-Identifier: MIT
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * apt for arm64 packages from the host's own Debian sources, with a
 * private state folder (package lists, cache, an empty dpkg status), so the
 * host's dpkg architectures and package lists are left as they are.
 *
 * The sources (and their signing keys) are the host's: only Dir::State,
 * Dir::Cache and the architecture are overridden.
 */
export class Arm64Apt {
  private updated = false;

  /** @param stateDir a folder of the bench's cache, created on first use */
  constructor(private readonly stateDir: string) {}

  /** Fetches the arm64 package lists into the private state (once per instance). */
  async update(): Promise<void> {
    if (this.updated) return;
    mkdirSync(join(this.stateDir, 'lists', 'partial'), { recursive: true });
    mkdirSync(join(this.stateDir, 'cache', 'archives', 'partial'), { recursive: true });
    writeFileSync(join(this.stateDir, 'status'), '');
    await this.apt('apt-get', ['-qq', 'update']);
    this.updated = true;
  }

  /** The version apt would pick for a package, or undefined when the lists do not have it. */
  async candidate(pkg: string): Promise<string | undefined> {
    await this.update();
    const { stdout } = await this.apt('apt-cache', ['policy', pkg]);
    const version = /^\s*Candidate:\s*(\S+)/m.exec(stdout)?.[1];
    return version && version !== '(none)' ? version : undefined;
  }

  /** One field (e.g. Depends) of a package version's record. */
  async field(pkg: string, version: string, name: string): Promise<string | undefined> {
    await this.update();
    const { stdout } = await this.apt('apt-cache', ['show', `${pkg}=${version}`]);
    return new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1]?.trim();
  }

  /**
   * Downloads one exact package version and moves it to `dest`.
   *
   * @throws when the archive no longer has that version (Debian keeps only
   *   the current point release and security update of each package)
   */
  async download(pkg: string, version: string, dest: string): Promise<void> {
    await this.update();
    const tmp = join(this.stateDir, 'download');
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    try {
      await this.apt('apt-get', ['-qq', 'download', `${pkg}=${version}`], tmp);
    } catch (err) {
      throw new Error(`apt-get download ${pkg}=${version} (arm64) failed: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`);
    }
    const got = readdirSync(tmp).filter((f) => f.endsWith('.deb'));
    if (got.length !== 1) throw new Error(`apt-get download ${pkg}=${version} left ${got.length} .deb files`);
    renameSync(join(tmp, got[0]), dest);
    rmSync(tmp, { recursive: true, force: true });
  }

  private apt(tool: 'apt-get' | 'apt-cache', args: readonly string[], cwd?: string) {
    const s = this.stateDir;
    const options = [
      `Dir::State=${s}`,
      `Dir::State::Lists=${join(s, 'lists')}`,
      `Dir::State::status=${join(s, 'status')}`,
      `Dir::Cache=${join(s, 'cache')}`,
      'APT::Architecture=arm64',
      'APT::Architectures::=arm64',
      // Downloads land in the bench's own folder, which apt's sandbox user may not be able to write.
      'APT::Sandbox::User=root',
    ].flatMap((o) => ['-o', o]);
    return run(tool, [...options, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
  }
}
