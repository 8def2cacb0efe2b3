// The default number of worker threads of `extract`. Each worker compiles the pipeline's hot code
// with V8's optimizing compiler on helper threads (about 3 CPU-seconds per worker, whatever the
// input), and the main thread reads, decompresses, journals and builds the corpus graph. So one core
// is left to them, and a small input gets only as many workers as it can repay: on the 2-vCPU
// machine measured (docs/bench.md), two workers were slower than one up to 35 MB of input and
// 4 % faster on 100 MB.
import { statSync } from 'node:fs';

/** Input bytes that repay one more worker's warm-up. */
export const BYTES_PER_WORKER = 16 * 1024 * 1024;
/** A gzipped corpus holds about this many times its size in JSONL. */
const GZIP_RATIO = 4;

/** Workers for `cores` cores and this much input (unknown for a stream: then the cores alone decide). */
export function defaultConcurrency(cores: number, inputBytes?: number): number {
  const byCores = Math.max(1, cores - 1);
  if (inputBytes === undefined) return byCores;
  return Math.max(1, Math.min(byCores, Math.ceil(inputBytes / BYTES_PER_WORKER)));
}

/** The JSONL/text bytes of these input files (a .gz file counted by its usual ratio). */
export function inputBytes(files: readonly string[]): number {
  let n = 0;
  for (const f of files) {
    const size = statSync(f).size;
    n += f.endsWith('.gz') ? size * GZIP_RATIO : size;
  }
  return n;
}
