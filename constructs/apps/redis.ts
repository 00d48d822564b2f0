// SPDX-License-Identifier: MIT
import { dirname, resolve } from 'node:path';
import { Application } from '../component.ts';
import { callerOrigin } from '../private/origin.ts';
import { assertProps } from '../private/props.ts';
import { contributeToProcess } from '../process.ts';
import { KilnError, type Problem } from '../../synth/errors.ts';
import type { FileSpec } from '../../synth/spec/image-spec.ts';

/** What Redis evicts when `maxmemory` is reached (redis.conf's `maxmemory-policy`). */
export type RedisMaxmemoryPolicy =
  | 'noeviction'
  | 'allkeys-lru' | 'allkeys-lfu' | 'allkeys-random'
  | 'volatile-lru' | 'volatile-lfu' | 'volatile-random' | 'volatile-ttl';

/** A size in bytes, or with Redis's units: '16mb', '512kb', '1gb'. */
export type RedisSize = number | `${number}${'b' | 'k' | 'kb' | 'm' | 'mb' | 'g' | 'gb'}`;

/** What a Redis construct is given. */
export interface RedisProps {
  /**
   * The guest's TCP port; `kiln run --forward 6379:6379` reaches it.
   * @default 6379
   */
  readonly port?: number;
  /**
   * The most memory Redis's data may use (redis.conf `maxmemory`), in
   * bytes or with a unit; 0 is no limit (the heap's size is then the
   * limit, and a full heap is an out-of-memory crash).
   * @default 0
   */
  readonly maxmemory?: RedisSize;
  /**
   * What Redis does when a write would pass `maxmemory`.
   * @default 'noeviction' (the write answers an OOM error)
   */
  readonly maxmemoryPolicy?: RedisMaxmemoryPolicy;
  /**
   * Redis's log level on the console.
   * @default 'notice'
   */
  readonly loglevel?: 'debug' | 'verbose' | 'notice' | 'warning';
  /**
   * A whole redis.conf instead of the typed options (embedded as
   * /etc/redis/redis.conf). Kiln adds nothing to it.
   * @default none
   */
  readonly conf?: string;
  /**
   * A host file to embed as /etc/redis/redis.conf: relative to the
   * folder of the file that creates the Redis, or absolute.
   * @default none
   */
  readonly confFile?: string;
}

const POLICIES: readonly RedisMaxmemoryPolicy[] = [
  'noeviction', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl',
];

/**
 * Redis: Redis 7.0.15, built unmodified from Debian's redis source, on
 * one thread with the ae event loop on select(), serving over lwIP. The
 * construct writes /etc/redis/redis.conf: persistence off (`save ""`,
 * `appendonly no`), since there is no fork() to save in the background,
 * the typed port and memory limit, the log on the console. BGSAVE
 * answers an error and the server keeps running; Redis prints
 * `Ready to accept connections` when it serves.
 *
 * ```ts
 * new Image(app, 'cache', { board: new QemuVirt() })
 *   .scheduler(CooperativeScheduler)
 *   .use(new Redis({ maxmemory: '16mb', maxmemoryPolicy: 'allkeys-lru' }));
 * ```
 */
export class Redis<const P extends RedisProps = {}> extends Application<'Redis', { network: true; threads: true; files: true }> {
  /** Where the configuration is written, and what redis-server is given. */
  static readonly CONF_PATH = '/etc/redis/redis.conf';

  constructor(given?: P & RedisProps) {
    const origin = callerOrigin();
    assertProps('Redis', given, { maxmemoryPolicy: 'string', loglevel: 'string', conf: 'string', confFile: 'string' }, origin);
    const props: RedisProps = given ?? {};
    super({ kind: 'redis', name: 'Redis', requires: { network: true, threads: true, files: true } });
    const files: FileSpec[] = [];
    const typed = props.port !== undefined || props.maxmemory !== undefined || props.maxmemoryPolicy !== undefined || props.loglevel !== undefined;
    if (props.conf !== undefined && props.confFile !== undefined) {
      throw new KilnError([{ message: 'Redis takes conf or confFile, not both', origin }]);
    }
    if ((props.conf !== undefined || props.confFile !== undefined) && typed) {
      throw new KilnError([{ message: 'Redis takes either a raw conf/confFile or the typed options (port, maxmemory, maxmemoryPolicy, loglevel), not both', origin, hint: 'put the settings in the raw redis.conf' }]);
    }
    if (props.conf !== undefined) files.push({ at: Redis.CONF_PATH, content: props.conf });
    else if (props.confFile !== undefined) {
      files.push({ at: Redis.CONF_PATH, from: resolve(origin.file ? dirname(resolve(origin.file)) : process.cwd(), props.confFile) });
    } else {
      const problems = redisProblems(props);
      if (problems.length) throw new KilnError(problems.map((p) => ({ ...p, origin })));
      files.push({ at: Redis.CONF_PATH, content: renderRedisConf(props) });
    }
    contributeToProcess(this, { files, args: ['redis-server', Redis.CONF_PATH] });
  }
}

/** The mistakes in typed Redis options. */
export function redisProblems(props: RedisProps): Problem[] {
  const problems: Problem[] = [];
  if (props.port !== undefined && (!Number.isInteger(props.port) || props.port < 1 || props.port > 65535)) {
    problems.push({ message: `Redis port ${props.port} is not a TCP port from 1 to 65535` });
  }
  const m = props.maxmemory;
  if (typeof m === 'number' && (!Number.isSafeInteger(m) || m < 0)) problems.push({ message: `Redis maxmemory ${m} is not a whole number of bytes` });
  if (m !== undefined && typeof m !== 'number' && typeof m !== 'string') problems.push({ message: 'Redis maxmemory is not a number of bytes or a size such as \'16mb\'' });
  if (typeof m === 'string' && !/^\d+(b|k|kb|m|mb|g|gb)$/i.test(m)) problems.push({ message: `Redis maxmemory "${m}" is not a size such as '16mb', '512kb' or '1gb'` });
  if (props.maxmemoryPolicy !== undefined && !POLICIES.includes(props.maxmemoryPolicy)) {
    problems.push({ message: `Redis maxmemoryPolicy "${props.maxmemoryPolicy}" is not one of ${POLICIES.join(', ')}` });
  }
  if (props.loglevel !== undefined && !['debug', 'verbose', 'notice', 'warning'].includes(props.loglevel)) {
    problems.push({ message: `Redis loglevel "${props.loglevel}" is not one of debug, verbose, notice, warning` });
  }
  return problems;
}

/**
 * The redis.conf the typed options make. `protected-mode no`: the image
 * has no loopback client to protect it for, and QEMU's user networking
 * connects from 10.0.2.2, which protected mode would refuse.
 */
export function renderRedisConf(props: RedisProps): string {
  return [
    '# Written by Kiln\'s Redis construct.',
    'bind 0.0.0.0',
    'protected-mode no',
    `port ${props.port ?? 6379}`,
    'daemonize no',
    'logfile ""',
    `loglevel ${props.loglevel ?? 'notice'}`,
    'dir /',
    '# No fork(): no background saves, no AOF rewrite; persistence off.',
    'save ""',
    'appendonly no',
    'io-threads 1',
    '# The descriptor table has 96 entries; Redis keeps 32 for itself.',
    'maxclients 64',
    '# The check for the arm64 Linux kernels whose copy-on-write after fork() could',
    '# corrupt a background save: a Kiln image never forks, and has no such kernel.',
    'ignore-warnings ARM64-COW-BUG',
    `maxmemory ${props.maxmemory ?? 0}`,
    `maxmemory-policy ${props.maxmemoryPolicy ?? 'noeviction'}`,
    '',
  ].join('\n');
}
