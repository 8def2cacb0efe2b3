// Runs input records through the worker pool and hands their outcomes back in input order.
// p-queue schedules the documents over the workers; a window bounds how far reading may run
// ahead of the first unfinished document, so memory stays bounded whatever the input size.
import PQueue from 'p-queue';
import type { InputRecord } from '../io/inputs.js';
import { ResumeError } from './journal.js';
import type { WorkerPool } from './pool.js';
import { admitRecord, unreadableOutcome, type Outcome } from './record.js';

export interface OrderedOptions {
  concurrency: number;
  /** Records already committed by an interrupted run: read (for duplicate ids) but not processed. */
  skip?: number;
  /** Called once the skipped records are behind us. */
  onSkipped?: () => void;
  /** Receives each outcome in input order; may wait (back-pressure from the output). */
  onOutcome(out: Outcome, rec: InputRecord): void | Promise<void>;
}

export async function processInOrder(records: AsyncIterable<InputRecord>, pool: WorkerPool, o: OrderedOptions): Promise<void> {
  // As many documents in flight as the pool takes at once (each worker is sent a few ahead).
  const inFlight = Math.max(o.concurrency, pool.capacity);
  const queue = new PQueue({ concurrency: inFlight });
  // Reading runs a quarter ahead of what the pool holds: enough to keep it fed, and a record held
  // longer (0.3 s at 4× ahead) outlives two young-generation collections, so every document's text
  // would reach the old generation and wait there for a full one (with the pool's depth of 64, see
  // pool.ts: extract's peak RSS 500 → 290 MB on ant-2018).
  const window = Math.max(4, inFlight + (inFlight >> 2));
  const pending: { rec: InputRecord; out: Promise<Outcome> }[] = [];
  const seen = new Set<string>();
  const skip = o.skip ?? 0;
  let n = 0;
  if (skip === 0) o.onSkipped?.();
  const drainOne = async (): Promise<void> => {
    const head = pending.shift()!;
    await o.onOutcome(await head.out, head.rec);
  };
  for await (const raw of records) {
    n++;
    const rec = admitRecord(raw, seen);
    if (n <= skip) {
      if (n === skip) o.onSkipped?.();
      continue;
    }
    const out = rec.ok ? queue.add(() => pool.run(rec)) : Promise.resolve(unreadableOutcome(rec));
    // Awaited in order below; this only keeps a rejection (pool stopped) from going unhandled meanwhile.
    out.catch(() => undefined);
    pending.push({ rec, out });
    while (pending.length >= window) await drainOne();
  }
  if (n < skip) throw new ResumeError(`cannot resume: the inputs hold ${n} records, fewer than the ${skip} the journal has committed`);
  while (pending.length) await drainOne();
}
