// The jobs of a queued run: consecutive input records in batches. A job names the input position
// of its first record, so every result lands at a fixed position whichever worker (or retry)
// produced it.
import { z } from 'zod';
import { InputDocument, type InputRecord } from '../io/inputs.js';

export const JobRecord = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), input: z.string(), doc: InputDocument, bytes: z.number().int().nonnegative() }),
  z.strictObject({ ok: z.literal(false), input: z.string(), id: z.string(), reason: z.string(), bytes: z.number().int().nonnegative() }),
]);

export const JobData = z.strictObject({
  /** Input position (0-based, over all input files) of the first record. */
  first: z.number().int().nonnegative(),
  records: z.array(JobRecord).min(1),
});
export type JobData = z.infer<typeof JobData>;

export interface Batch {
  /** 0-based batch number; the job id is derived from it, so adding a batch twice adds one job. */
  index: number;
  data: JobData;
}

export const jobId = (index: number): string => `b${index}`;

export interface BatchOptions {
  /** Records per job. */
  size: number;
  /** A job is closed once its documents reach this many bytes (a larger document travels alone). */
  maxBytes: number;
}

/** Groups records, in input order, into batches of at most `size` records and about `maxBytes`. */
export async function* batchRecords(records: AsyncIterable<InputRecord>, o: BatchOptions): AsyncGenerator<Batch> {
  let index = 0;
  let position = 0;
  let current: InputRecord[] = [];
  let bytes = 0;
  const close = (): Batch => {
    const b: Batch = { index: index++, data: { first: position - current.length, records: current as JobData['records'] } };
    current = [];
    bytes = 0;
    return b;
  };
  for await (const rec of records) {
    if (current.length && bytes + rec.bytes > o.maxBytes) yield close();
    current.push(rec);
    position++;
    bytes += rec.bytes;
    if (current.length >= o.size) yield close();
  }
  if (current.length) yield close();
}
