// The Redis a queue build runs on, named by one URL (redis://[user:password@]host:port/db, or
// rediss:// for TLS), and the queue options a build checks before it starts. No BullMQ here:
// importing samut must not load it (queue/engine.ts and worker.ts are loaded only when used). The password is needed to connect and must never be shown: every URL that
// reaches a log line, a progress line or the manifest goes through maskRedisUrl first.
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'bullmq';

/** The BullMQ queue samut's coordinator and workers meet on, unless told otherwise. */
export const DEFAULT_QUEUE_NAME = 'samut';

/** The URL with its password (and a username, which can be a secret too) replaced by `***`; a URL
 * that does not parse is not echoed at all, since it may hold a password. */
export function maskRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username) parsed.username = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable Redis URL)';
  }
}

/** ioredis options for the URL; a TypeError naming `option` when it is not a Redis URL. Commands
 * wait for Redis to come back (maxRetriesPerRequest null) instead of failing the build. */
export function redisConnection(url: string, option = 'queue'): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Expected \`${option}\` to be a redis:// or rediss:// URL, got ${maskRedisUrl(url)}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new TypeError(`Expected \`${option}\` to be a redis:// or rediss:// URL, got ${maskRedisUrl(url)}`);
  }
  const dbText = parsed.pathname.replace(/^\//u, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new TypeError(`Expected \`${option}\`'s path to be a database number, got ${maskRedisUrl(url)}`);
  const host = parsed.hostname.replace(/^\[|\]$/gu, '');
  return {
    host,
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    // TLS checks the certificate against the host; SNI takes a host name only, never an address.
    ...(parsed.protocol === 'rediss:' ? { tls: isIP(host) === 0 ? { servername: host } : {} } : {}),
    maxRetriesPerRequest: null,
  };
}

export interface QueueEngineOptions {
  /** redis://[user:password@]host:port/db, or rediss:// (TLS). */
  url: string;
  /** The BullMQ queue's name. @default 'samut' */
  name?: string;
  /** Largest source sent through Redis, in bytes; a larger one is sent as its path (or URL), which
   * every worker must be able to read. @default 64 MiB */
  inlineMaxBytes?: number;
}

/** Throws a TypeError naming the option: called before a build touches anything. */
export function checkQueueOptions(options: QueueEngineOptions): void {
  redisConnection(options.url, 'queue.url');
  const cap = options.inlineMaxBytes;
  if (cap !== undefined && (!Number.isInteger(cap) || cap < 0)) {
    throw new TypeError(`Expected \`queue.inlineMaxBytes\` to be an integer >= 0, got \`${cap}\` (${typeof cap})`);
  }
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name === '' || options.name.includes(':'))) {
    throw new TypeError(`Expected \`queue.name\` to be a non-empty name without ":", got \`${String(options.name)}\``);
  }
}
