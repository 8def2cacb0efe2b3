// Redis connections for the queue. BullMQ 6 leaves the driver to the application (ioredis is an
// optional peer of it) and its ESM build cannot load one by itself, so clients are made here.
// ioredis is imported dynamically: the rest of shabaka builds and runs where it is not installed,
// and the queue commands then say what is missing instead of failing at startup.
import { createRequire } from 'node:module';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The Redis commands the queue uses besides BullMQ's own (a subset of ioredis' client). */
export interface RedisClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, nx?: 'NX'): Promise<'OK' | null>;
  del(...keys: string[]): Promise<number>;
  hset(key: string, data: Record<string, string | Buffer>): Promise<number>;
  hget(key: string, field: string): Promise<string | null>;
  hgetall(key: string): Promise<Record<string, string>>;
  hlen(key: string): Promise<number>;
  hmgetBuffer(key: string, ...fields: string[]): Promise<(Buffer | null)[]>;
  scan(cursor: string, match: 'MATCH', pattern: string, count: 'COUNT', n: number): Promise<[string, string[]]>;
  quit(): Promise<'OK'>;
  disconnect(): void;
  on(event: 'error', listener: (e: Error) => void): unknown;
}

/** The queue cannot work: no driver, Redis unreachable, or a run that does not fit (exit status 2). */
export class QueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
  }
}

type RedisCtor = new (url: string, options: Record<string, unknown>) => RedisClient;

async function loadDriver(): Promise<RedisCtor> {
  // Resolved from this package, so it is the project's ioredis (a variable specifier keeps tsc from requiring it).
  const name = 'ioredis';
  let mod: { default?: RedisCtor } & Record<string, unknown>;
  try {
    mod = (await import(createRequire(import.meta.url).resolve(name))) as typeof mod;
  } catch {
    throw new QueueError('the queue needs the ioredis package (BullMQ\'s Redis driver): npm install ioredis');
  }
  const ctor = (mod.default ?? mod) as unknown;
  // ioredis is CommonJS: its constructor may sit one `default` deeper under ESM interop.
  return (typeof ctor === 'function' ? ctor : (ctor as { default: RedisCtor }).default) as RedisCtor;
}

/** The URL to use: the option, else $REDIS_URL, else the local default. */
export const redisUrl = (url?: string): string => url ?? process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;

/**
 * A connected client. `maxRetriesPerRequest: null` is what BullMQ requires of the connections
 * it blocks on. The first connection error is reported (a wrong URL should not hang); later ones
 * (Redis restarting) are retried by the client.
 */
export async function connectRedis(url: string): Promise<RedisClient> {
  const Redis = await loadDriver();
  const client = new Redis(url, { maxRetriesPerRequest: null });
  try {
    await new Promise<void>((resolve, reject) => {
      const c = client as unknown as { status: string; once(e: string, f: (x?: Error) => void): void };
      if (c.status === 'ready') return resolve();
      c.once('ready', () => resolve());
      c.once('error', (e) => reject(e ?? new Error('connection failed')));
      c.once('end', () => reject(new Error('connection closed')));
    });
  } catch (e) {
    client.disconnect();
    throw new QueueError(`cannot reach Redis at ${redactUrl(url)}: ${(e as Error).message}`);
  }
  // Later errors (a restart of Redis) are retried by the client; they must not crash the process.
  client.on('error', () => undefined);
  return client;
}

/** A URL without its password, for messages. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
