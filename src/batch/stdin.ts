// `extract --stdin`: JSONL documents on standard input, one document graph a line on standard
// output in input order, nothing else there; failures and the summary go to standard error.
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { readStdin } from '../io/inputs.js';
import { processInOrder } from './ordered.js';
import { WorkerPool } from './pool.js';
import { Tally } from './tally.js';

export interface StdinOptions {
  pipeline: string;
  concurrency: number;
  maxDocumentBytes: number;
  documentTimeoutMs?: number;
  workerMemoryMb?: number;
  workerUrl?: URL;
  stdin: Readable;
  stdout: Writable;
  stderr: NodeJS.WritableStream;
}

export async function runStdin(o: StdinOptions): Promise<number> {
  const poolOptions = { size: o.concurrency, pipelineFile: o.pipeline } as Parameters<typeof WorkerPool.start>[0];
  if (o.workerUrl) poolOptions.workerUrl = o.workerUrl;
  if (o.documentTimeoutMs) poolOptions.documentTimeoutMs = o.documentTimeoutMs;
  if (o.workerMemoryMb) poolOptions.workerMemoryMb = o.workerMemoryMb;
  const pool = await WorkerPool.start(poolOptions);
  const tally = new Tally();
  try {
    await processInOrder(readStdin(o.stdin, { maxDocumentBytes: o.maxDocumentBytes }), pool, {
      concurrency: o.concurrency,
      onOutcome: async (r) => {
        tally.addEntry(r.entry);
        if (r.entry.status !== 'ok') o.stderr.write(`shabaka: ${r.entry.input} (${r.entry.id}): ${r.entry.status}: ${r.entry.reason}\n`);
        if (r.line && !o.stdout.write(r.line)) await once(o.stdout, 'drain');
      },
    });
  } finally {
    await pool.close();
  }
  const c = tally.counts;
  o.stderr.write(`shabaka: ${c.ok + c.failed + c.skipped} documents: ${c.ok} ok, ${c.failed} failed, ${c.skipped} skipped\n`);
  return c.failed ? 1 : 0;
}
