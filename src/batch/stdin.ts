// `extract --stdin`: JSONL documents on standard input, one document graph a line on standard
// output in input order, nothing else there; failures and the summary go to standard error.
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { readStdin } from '../io/inputs.js';
import { OutputError } from '../io/output-dir.js';
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
  // A reader that goes away (`| head`) ends the run quietly instead of crashing it.
  let closed: Error | undefined;
  const onError = (e: Error): void => {
    closed = e;
  };
  o.stdout.on('error', onError);
  try {
    await processInOrder(readStdin(o.stdin, { maxDocumentBytes: o.maxDocumentBytes }), pool, {
      concurrency: o.concurrency,
      onOutcome: async (r) => {
        tally.addEntry(r.entry);
        if (r.entry.status !== 'ok') o.stderr.write(`shabaka: ${r.entry.input} (${r.entry.id}): ${r.entry.status}: ${r.entry.reason}\n`);
        if (closed) throw new OutputError(`standard output closed: ${closed.message}`);
        if (r.line && !o.stdout.write(r.line)) await Promise.race([once(o.stdout, 'drain'), once(o.stdout, 'error')]);
      },
    });
  } finally {
    o.stdout.off('error', onError);
    await pool.close();
  }
  const c = tally.counts;
  o.stderr.write(`shabaka: ${c.ok + c.failed + c.skipped} documents: ${c.ok} ok, ${c.failed} failed, ${c.skipped} skipped\n`);
  return c.failed ? 1 : 0;
}
