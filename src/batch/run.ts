// A batch run: inputs → worker pool → outcomes in input order → journal chunks → final files
// (documents.jsonl, graph.json, manifest.json, exports), each written atomically once complete.
import { existsSync, readFileSync } from 'node:fs';
import { CorpusGraphBuilder, summarizeDocument, type DocumentSummary } from '../graph/corpus-graph.js';
import { EXPORT_FILES, writeExports, type ExportFormat } from '../graph/export-formats.js';
import type { DocumentGraph } from '../graph/schema.js';
import type { FileOps } from '../io/atomic.js';
import { expandInputs, readInputs } from '../io/inputs.js';
import { OutputDir } from '../io/output-dir.js';
import { writeGraphJson } from '../graph/graph-file.js';
import { runIdentity } from './identity.js';
import { Journal, JOURNAL_DIR, type RunIdentity } from './journal.js';
import type { Counts } from './manifest.js';
import { processInOrder } from './ordered.js';
import { WorkerPool } from './pool.js';
import { ProgressReport } from './progress.js';
import type { Outcome } from './record.js';
import { formatSummary } from './summary.js';
import { Tally } from './tally.js';

export interface BatchOptions {
  inputs: readonly string[];
  out: string;
  pipeline: string;
  /** Worker threads. */
  concurrency: number;
  resume: boolean;
  maxDocumentBytes: number;
  /** Records per journal chunk: the most work a kill can lose. */
  chunkSize: number;
  exports: readonly ExportFormat[];
  documentTimeoutMs?: number;
  workerMemoryMb?: number;
  workerUrl?: URL;
  /** File operations for the output (tests inject failures). */
  ops?: FileOps;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const FINAL_FILES = ['documents.jsonl', 'graph.json', 'manifest.json', ...EXPORT_FILES];
const CHUNK_BYTES = 16 << 20;
/** Failures printed one by one; the rest are only counted (all are in the manifest). */
const MAX_FAILURE_LINES = 20;

export async function runBatch(o: BatchOptions): Promise<number> {
  const started = Date.now();
  const files = expandInputs(o.inputs);
  const out = o.ops ? OutputDir.open(o.out, o.ops) : OutputDir.open(o.out);
  const poolOptions = { size: o.concurrency, pipelineFile: o.pipeline } as Parameters<typeof WorkerPool.start>[0];
  if (o.workerUrl) poolOptions.workerUrl = o.workerUrl;
  if (o.documentTimeoutMs) poolOptions.documentTimeoutMs = o.documentTimeoutMs;
  if (o.workerMemoryMb) poolOptions.workerMemoryMb = o.workerMemoryMb;
  const pool = await WorkerPool.start(poolOptions);
  try {
    return await runWithPool(o, files, out, pool, started);
  } finally {
    await pool.close();
  }
}

async function runWithPool(o: BatchOptions, files: string[], out: OutputDir, pool: WorkerPool, started: number): Promise<number> {
  const identity = runIdentity(files, pool.info, o.maxDocumentBytes);
  const journal = new Journal(out);
  out.removeTemporaries('.', JOURNAL_DIR);
  const builder = new CorpusGraphBuilder();
  const tally = new Tally();
  const say = (s: string): void => void o.stderr.write(`shabaka: ${s}\n`);
  const addSummary = (g: DocumentSummary): void => {
    builder.addSummary(g);
    tally.addGraph(g);
  };
  const addGraphLine = (line: string): void => addSummary(summarizeDocument(JSON.parse(line) as DocumentGraph));

  let skip = 0;
  if (o.resume && !journal.exists()) {
    const done = completedRun(out, identity);
    if (done) {
      say(`${out.root} already holds the complete result of this run (${done.ok} ok, ${done.failed} failed, ${done.skipped} skipped); nothing to resume`);
      return done.failed ? 1 : 0;
    }
  }
  if (o.resume && journal.exists()) {
    skip = journal.resume(identity).records;
    for (const buf of journal.documentChunks()) for (const line of buf.toString('utf8').split('\n')) if (line) addGraphLine(line);
    for (const e of journal.manifestEntries()) tally.addEntry(e);
    say(`resuming ${out.root}: ${skip} documents already committed in ${journal.committed.chunks} chunks`);
  } else {
    if (o.resume) say(`nothing to resume in ${out.root}; starting a new run`);
    // Stale results of an earlier run must not sit beside a run in progress.
    for (const f of FINAL_FILES) out.remove(f);
    journal.begin(identity);
  }

  const counter = { bytes: 0 };
  const totalRaw = identity.inputs.reduce((s, f) => s + f.size, 0);
  let progress: ProgressReport | undefined;
  const session = { documents: 0, textBytes: 0 };
  let chunkBytes = 0;
  let failuresShown = 0;
  const commit = (): void => {
    journal.commit();
    chunkBytes = 0;
  };
  const accept = (r: Outcome, bytes: number): void => {
    // Written to the chunk's files at once: a line held until the commit would outlive V8's young
    // generation and fill the old one with garbage (peak RSS grew with the corpus).
    journal.append(r.line || undefined, `${JSON.stringify(r.entry)}\n`);
    if (r.line) {
      chunkBytes += r.line.length;
      if (r.summary) addSummary(r.summary);
      else addGraphLine(r.line);
    }
    tally.addEntry(r.entry);
    session.documents++;
    session.textBytes += bytes;
    if (r.entry.status === 'failed' && failuresShown++ < MAX_FAILURE_LINES) {
      say(`${r.entry.input}: ${r.entry.reason}${failuresShown === MAX_FAILURE_LINES ? ' (further failures: see manifest.json)' : ''}`);
    }
    if (journal.pending >= o.chunkSize || chunkBytes >= CHUNK_BYTES) commit();
    progress?.update({ documents: session.documents, rawBytes: counter.bytes, textBytes: session.textBytes });
  };

  await processInOrder(readInputs(files, { maxDocumentBytes: o.maxDocumentBytes, counter }), pool, {
    concurrency: o.concurrency,
    skip,
    onSkipped: () => {
      progress = new ProgressReport({ stream: o.stderr, totalRawBytes: totalRaw, startRawBytes: counter.bytes });
    },
    onOutcome: (r, rec) => accept(r, rec.bytes),
  });
  commit();
  progress?.stop();
  // The workers' heaps (the pipeline, its vocabulary) are not needed for the final files: freed
  // before the corpus graph is built and written, the run's memory peak.
  await pool.close();

  // Final files, from the journal (so a resumed run and an uninterrupted one write the same bytes).
  const graph = builder.build();
  out.writeStreamAtomic('documents.jsonl', (write) => {
    for (const buf of journal.documentChunks()) write(buf);
  });
  writeGraphJson(out, graph);
  const exported = writeExports(graph, o.exports, out);
  const seconds = (Date.now() - started) / 1000;
  const header = {
    schema: 'shabaka/manifest@1',
    version: identity.version,
    pipeline: identity.pipeline,
    gazetteers: identity.gazetteers,
    lexicons: identity.lexicons,
    inputs: identity.inputs,
    limits: identity.limits,
    concurrency: o.concurrency,
    resumed: skip > 0,
    seconds,
    counts: tally.counts,
    stats: graph.stats,
    exports: exported,
  };
  out.writeStreamAtomic('manifest.json', (write) => {
    write(`${JSON.stringify(header).slice(0, -1)},"documents":[`);
    let first = true;
    for (const e of journal.manifestEntries()) {
      write(`${first ? '' : ','}\n${JSON.stringify(e)}`);
      first = false;
    }
    write('\n]}\n');
  });
  journal.finish();

  o.stderr.write(
    formatSummary({
      counts: tally.counts,
      stats: graph.stats,
      mentionsByType: tally.mentionsByType,
      relationInstancesByType: tally.relationInstancesByType,
      failureReasons: tally.failureReasons,
      seconds,
      sessionDocuments: session.documents,
      sessionTextBytes: session.textBytes,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      workerCrashes: pool.crashes,
      resumedFrom: skip,
    }),
  );
  say(`wrote ${['documents.jsonl', 'graph.json', 'manifest.json', ...exported].join(', ')} to ${out.root}`);
  return tally.counts.failed ? 1 : 0;
}

/** The counts of a finished run in `out` made with the same identity, if there is one. */
function completedRun(out: OutputDir, identity: RunIdentity): Counts | undefined {
  try {
    const m = JSON.parse(readFileSync(out.path('manifest.json'), 'utf8')) as Partial<Record<keyof RunIdentity, unknown>> & { counts?: Counts };
    const same = (Object.keys(identity) as (keyof RunIdentity)[]).every((k) => JSON.stringify(m[k]) === JSON.stringify(identity[k]));
    return same && m.counts && existsSync(out.path('documents.jsonl')) && existsSync(out.path('graph.json')) ? m.counts : undefined;
  } catch {
    return undefined;
  }
}
