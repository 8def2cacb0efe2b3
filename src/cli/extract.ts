// `shabaka extract`: inputs → documents.jsonl, graph.json, manifest.json (+ exports) in the output
// directory, or --stdin → document graphs on stdout. Known failures of the run as a whole (bad
// inputs on the command line, an unusable output directory, broken configuration, a journal that
// cannot be resumed) print one clear line and give exit status 2; the output stays consistent.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JOURNAL_DIR, ResumeError } from '../batch/journal.js';
import { PoolError } from '../batch/pool.js';
import { runBatch } from '../batch/run.js';
import { runStdin } from '../batch/stdin.js';
import type { ExportFormat } from '../graph/export-formats.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, expandInputs, InputPathError } from '../io/inputs.js';
import { defaultConcurrency, inputBytes } from '../batch/concurrency.js';
import { OutputError } from '../io/output-dir.js';
import { writeReport } from '../report/write.js';

export interface ExtractOptions {
  inputs: string[];
  out: string;
  pipeline: string;
  stdin: boolean;
  /** @default one core fewer than the machine has, and fewer for a small input (batch/concurrency.ts) */
  concurrency?: number;
  resume?: boolean;
  /** @default 5 MB */
  maxDocumentBytes?: number;
  /** @default 1000 */
  chunkSize?: number;
  exports?: ExportFormat[];
  /** @default 120 */
  documentTimeoutSeconds?: number;
  workerMemoryMb?: number;
  /** Write report.html after the run. @default true */
  report?: boolean;
}

/** Errors that end the run as a whole with exit status 2 (everything else is a bug: also 2, with a stack). */
const RUN_ERRORS = [InputPathError, OutputError, PoolError, ResumeError] as const;

export async function runExtract(o: ExtractOptions): Promise<number> {
  try {
    const common = {
      pipeline: resolve(o.pipeline),
      concurrency: o.concurrency ?? defaultConcurrency(availableParallelism(), o.stdin ? undefined : inputBytes(expandInputs(o.inputs))),
      maxDocumentBytes: o.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
      documentTimeoutMs: (o.documentTimeoutSeconds ?? 120) * 1000,
      ...(o.workerMemoryMb ? { workerMemoryMb: o.workerMemoryMb } : {}),
    };
    if (o.stdin) return await runStdin({ ...common, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
    const code = await runBatch({
      ...common,
      inputs: o.inputs,
      out: o.out,
      resume: o.resume ?? false,
      chunkSize: o.chunkSize ?? 1000,
      exports: o.exports ?? [],
      stderr: process.stderr,
    });
    if (o.report !== false) await report(o.out);
    return code;
  } catch (e) {
    if (RUN_ERRORS.some((k) => e instanceof k)) {
      process.stderr.write(`shabaka: ${(e as Error).message}\n`);
      if (e instanceof OutputError && !o.stdin && existsSync(join(resolve(o.out), JOURNAL_DIR, 'progress.json'))) process.stderr.write(`shabaka: committed work is kept in ${resolve(o.out)}; fix the cause and run again with --resume\n`);
      return 2;
    }
    throw e;
  }
}

/** The HTML report of the run; a report that cannot be written never changes the exit status. */
async function report(out: string): Promise<void> {
  try {
    const r = await writeReport(out);
    process.stderr.write(`shabaka: report → ${r.file}\n`);
  } catch (e) {
    process.stderr.write(`shabaka: report not written: ${(e as Error).message}\n`);
  }
}
