// The state of a queued run kept in Redis beside its BullMQ queue, under `<prefix>:<name>:shabaka:`:
//   run       what `queue add` put in (inputs, limits, batches, documents) and whether it finished
//   pipeline  version, pipeline and data hashes of the first worker; every later worker must match
//   workers   one field per worker process (host, pid, concurrency, start), for status and manifest
//   results   one field per input position: gzip of {id, entry, line}. A retried or duplicated job
//             writes the same fields with the same bytes, so a document is never counted twice.
//   updated   when the last result was stored
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Outcome } from '../batch/record.js';
import type { RedisClient } from './redis.js';
import type { QueueTarget } from './target.js';

export const RunMeta = z.strictObject({
  schema: z.literal('shabaka/queue-run@1'),
  version: z.string(),
  created: z.iso.datetime(),
  inputs: z.array(z.strictObject({ file: z.string(), size: z.number(), mtimeMs: z.number() })),
  limits: z.strictObject({ maxDocumentBytes: z.number().int().positive() }),
  batchSize: z.number().int().positive(),
  /** Set once every input record is on the queue. */
  complete: z.boolean(),
  batches: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
});
export type RunMeta = z.infer<typeof RunMeta>;

export const PipelinePin = z.strictObject({
  version: z.string(),
  /** The resolved pipeline of the first worker, as a local run's manifest records it. */
  /** (A record, not an object schema, so its keys keep their order: the manifest must match a local run's.) */
  pipeline: z.record(z.string(), z.unknown()),
  gazetteers: z.record(z.string(), z.string()),
  lexicons: z.record(z.string(), z.string()),
});
export type PipelinePin = z.infer<typeof PipelinePin>;

export const WorkerInfo = z.strictObject({ host: z.string(), pid: z.number(), concurrency: z.number(), started: z.iso.datetime() });
export type WorkerInfo = z.infer<typeof WorkerInfo>;

const StoredOutcome = z.strictObject({
  id: z.string(),
  entry: z.strictObject({ id: z.string(), input: z.string(), status: z.enum(['ok', 'failed', 'skipped']), reason: z.string().optional() }),
  line: z.string().optional(),
});

/** What decides the output, without the paths (they may differ between machines). */
export const pinKey = (p: PipelinePin): string =>
  JSON.stringify({ version: p.version, name: p.pipeline['name'], lang: p.pipeline['lang'], stages: p.pipeline['stages'], gazetteers: p.gazetteers, lexicons: p.lexicons });

const parseJson = <T>(schema: z.ZodType<T>, raw: string, what: string): T => {
  const r = schema.safeParse(JSON.parse(raw));
  if (!r.success) throw new Error(`${what} in Redis is not what this version of shabaka writes: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
};

export class RunStore {
  private readonly base: string;
  constructor(
    readonly redis: RedisClient,
    target: QueueTarget,
  ) {
    this.base = `${target.prefix}:${target.name}:shabaka:`;
  }

  private key(k: 'run' | 'pipeline' | 'workers' | 'results' | 'updated'): string {
    return this.base + k;
  }

  async getRun(): Promise<RunMeta | undefined> {
    const raw = await this.redis.get(this.key('run'));
    return raw === null ? undefined : parseJson(RunMeta, raw, 'the run record');
  }

  async putRun(run: RunMeta): Promise<void> {
    await this.redis.set(this.key('run'), JSON.stringify(run));
  }

  /** Records `pin` if no worker did yet; returns the pin in force (the first worker's). */
  async pin(pin: PipelinePin): Promise<PipelinePin> {
    if ((await this.redis.set(this.key('pipeline'), JSON.stringify(pin), 'NX')) === 'OK') return pin;
    return (await this.getPin())!;
  }

  async getPin(): Promise<PipelinePin | undefined> {
    const raw = await this.redis.get(this.key('pipeline'));
    return raw === null ? undefined : parseJson(PipelinePin, raw, 'the pipeline record');
  }

  async registerWorker(id: string, info: WorkerInfo): Promise<void> {
    await this.redis.hset(this.key('workers'), { [id]: JSON.stringify(info) });
  }

  async workers(): Promise<Record<string, WorkerInfo>> {
    const all = await this.redis.hgetall(this.key('workers'));
    return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, parseJson(WorkerInfo, v, `worker ${k}`)]));
  }

  /** Stores the outcomes of consecutive records from input position `first`, in one command. */
  async putResults(first: number, items: readonly { id: string; outcome: Outcome }[]): Promise<void> {
    const data: Record<string, Buffer> = {};
    items.forEach(({ id, outcome }, i) => {
      data[String(first + i)] = gzipSync(JSON.stringify({ id, entry: outcome.entry, ...(outcome.line !== undefined ? { line: outcome.line } : {}) }));
    });
    await this.redis.hset(this.key('results'), data);
    await this.redis.set(this.key('updated'), new Date().toISOString());
  }

  async resultCount(): Promise<number> {
    return this.redis.hlen(this.key('results'));
  }

  async updated(): Promise<string | undefined> {
    return (await this.redis.get(this.key('updated'))) ?? undefined;
  }

  /** Outcomes at positions from..from+count-1 (undefined where none is stored yet). */
  async results(from: number, count: number): Promise<({ id: string; outcome: Outcome } | undefined)[]> {
    const fields = Array.from({ length: count }, (_, i) => String(from + i));
    const raw = await this.redis.hmgetBuffer(this.key('results'), ...fields);
    return raw.map((b, i) => {
      if (!b) return undefined;
      const s = parseJson(StoredOutcome, gunzipSync(b).toString('utf8'), `the result at position ${from + i}`);
      const outcome: Outcome = { entry: { id: s.entry.id, input: s.entry.input, status: s.entry.status, ...(s.entry.reason !== undefined ? { reason: s.entry.reason } : {}) } };
      if (s.line !== undefined) outcome.line = s.line;
      return { id: s.id, outcome };
    });
  }

  /** Deletes shabaka's keys of this queue (BullMQ's are the queue's to obliterate). */
  async clear(): Promise<void> {
    await this.redis.del(this.key('run'), this.key('pipeline'), this.key('workers'), this.key('results'), this.key('updated'));
  }
}
