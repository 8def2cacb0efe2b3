// `shabaka queue add`: reads the inputs on this machine, in input order, and puts them on the
// queue as jobs of consecutive records. Ids are checked for duplicates here, in input order, as a
// local run does; unreadable records travel as jobs too, so the manifest accounts for them in place.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { admitRecord } from '../batch/record.js';
import { expandInputs, readInputs } from '../io/inputs.js';
import { VERSION } from '../version.js';
import { batchRecords, jobId, type Batch } from './jobs.js';
import { openQueue } from './queue-client.js';
import { QueueError } from './redis.js';
import type { RunMeta } from './store.js';
import { describeTarget, type QueueTarget } from './target.js';

export interface AddOptions {
  target: QueueTarget;
  inputs: readonly string[];
  /** Documents per job. @default 50 */
  batchSize: number;
  /** A job is closed at this many document bytes. @default 8 MB */
  maxBatchBytes?: number;
  maxDocumentBytes: number;
  /** Tries per job before it is failed (its documents then fail in the manifest). @default 5 */
  attempts?: number;
  stderr: NodeJS.WritableStream;
}

/** Jobs sent to Redis per round trip. */
const BULK = 25;

const sameRun = (a: RunMeta, b: RunMeta): boolean =>
  JSON.stringify([a.version, a.inputs, a.limits, a.batchSize]) === JSON.stringify([b.version, b.inputs, b.limits, b.batchSize]);

export async function queueAdd(o: AddOptions): Promise<{ batches: number; documents: number }> {
  const files = expandInputs(o.inputs);
  const run: RunMeta = {
    schema: 'shabaka/queue-run@1',
    version: VERSION,
    created: new Date().toISOString(),
    inputs: files.map((f) => {
      const st = statSync(f);
      return { file: resolve(f), size: st.size, mtimeMs: st.mtimeMs };
    }),
    limits: { maxDocumentBytes: o.maxDocumentBytes },
    batchSize: o.batchSize,
    complete: false,
    batches: 0,
    documents: 0,
  };
  const q = await openQueue(o.target);
  try {
    const old = await q.store.getRun();
    if (old?.complete) {
      throw new QueueError(`${describeTarget(o.target)} already holds a run of ${old.documents} documents (added ${old.created}); collect it, then \`shabaka queue clear\`, or use another --queue`);
    }
    if (old && !sameRun(old, run)) throw new QueueError(`${describeTarget(o.target)} holds an unfinished \`queue add\` of other inputs; \`shabaka queue clear\` it first, or use another --queue`);
    // An interrupted add is simply repeated: job ids come from batch numbers, so BullMQ ignores the ones it has.
    if (old) run.created = old.created;
    await q.store.putRun(run);
    const attempts = o.attempts ?? 5;
    const opts = { attempts, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: false };
    let pending: Batch[] = [];
    const flush = async (): Promise<void> => {
      if (!pending.length) return;
      await q.queue.addBulk(pending.map((b) => ({ name: 'batch', data: b.data, opts: { ...opts, jobId: jobId(b.index) } })));
      pending = [];
    };
    const seen = new Set<string>();
    async function* admitted(): AsyncGenerator<Parameters<typeof admitRecord>[0]> {
      for await (const rec of readInputs(files, { maxDocumentBytes: o.maxDocumentBytes })) yield admitRecord(rec, seen);
    }
    for await (const b of batchRecords(admitted(), { size: o.batchSize, maxBytes: o.maxBatchBytes ?? 8 << 20 })) {
      pending.push(b);
      run.batches++;
      run.documents += b.data.records.length;
      if (pending.length >= BULK) await flush();
    }
    await flush();
    run.complete = true;
    await q.store.putRun(run);
    o.stderr.write(`shabaka: queued ${run.documents} documents in ${run.batches} jobs on ${describeTarget(o.target)}\n`);
    return { batches: run.batches, documents: run.documents };
  } finally {
    await q.close();
  }
}
