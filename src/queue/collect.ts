// `shabaka queue collect`: the results of a finished run, in input order, written as a local
// `extract` writes them: documents.jsonl and graph.json byte for byte, manifest.json the same but
// for run metadata (time, concurrency, the queue). Documents of a job that failed for good (all
// its attempts used) are in the manifest as failed, with the job's reason.
import type { Job } from 'bullmq';
import type { ManifestEntry } from '../batch/manifest.js';
import { Tally } from '../batch/tally.js';
import { CorpusGraphBuilder, summarizeDocument } from '../graph/corpus-graph.js';
import { EXPORT_FILES, writeExports, type ExportFormat } from '../graph/export-formats.js';
import type { DocumentGraph } from '../graph/schema.js';
import { AtomicFileWriter } from '../io/atomic.js';
import { OutputDir } from '../io/output-dir.js';
import { writeGraphJson } from '../graph/graph-file.js';
import { JobData } from './jobs.js';
import { openQueue, pendingJobs, type OpenQueue } from './queue-client.js';
import { QueueError } from './redis.js';
import type { RunMeta } from './store.js';
import { describeTarget, type QueueTarget } from './target.js';

export interface CollectOptions {
  target: QueueTarget;
  out: string;
  exports: readonly ExportFormat[];
  /** Wait for the run to finish instead of refusing an unfinished one. */
  wait: boolean;
  /** @default 2000 */
  pollMs?: number;
  stderr: NodeJS.WritableStream;
}

/** Results fetched per round trip. */
const PAGE = 200;
const FINAL_FILES = ['documents.jsonl', 'graph.json', 'manifest.json', ...EXPORT_FILES];

/** Waits until every document has a result or no job is left to produce one. */
async function finishedRun(q: OpenQueue, o: CollectOptions): Promise<{ run: RunMeta; done: number }> {
  let lastSaid = 0;
  for (;;) {
    const run = await q.store.getRun();
    if (!run) throw new QueueError(`${describeTarget(o.target)} holds no run (\`shabaka queue add\` first)`);
    const done = await q.store.resultCount();
    const pending = await pendingJobs(q.queue);
    if (run.complete && (done >= run.documents || pending === 0)) return { run, done };
    const where = `${done} of ${run.complete ? run.documents : `${run.documents}+ (still being added)`} documents done, ${pending} jobs to go`;
    if (!o.wait) throw new QueueError(`${describeTarget(o.target)} is not finished: ${where}; see \`shabaka queue status\`, or collect with --wait`);
    if (Date.now() - lastSaid > 30_000) {
      o.stderr.write(`shabaka: collect: waiting: ${where}\n`);
      lastSaid = Date.now();
    }
    await new Promise((r) => setTimeout(r, o.pollMs ?? 2000));
  }
}

/** Input position → manifest entry, for the records of jobs that failed for good. */
async function failedJobEntries(q: OpenQueue): Promise<{ entries: Map<number, ManifestEntry>; jobs: number }> {
  const out = new Map<number, ManifestEntry>();
  const jobs = (await q.queue.getFailed(0, -1)) as Job[];
  for (const job of jobs) {
    const d = JobData.safeParse(job.data);
    if (!d.success) continue;
    d.data.records.forEach((rec, i) => {
      const reason = `queue job ${job.id} failed after ${job.attemptsMade} attempt(s): ${job.failedReason}`;
      out.set(d.data.first + i, { id: rec.ok ? rec.doc.id : rec.id, input: rec.input, status: 'failed', reason });
    });
  }
  return { entries: out, jobs: jobs.length };
}

export async function queueCollect(o: CollectOptions): Promise<number> {
  const q = await openQueue(o.target);
  try {
    const { run, done } = await finishedRun(q, o);
    const failed = done < run.documents ? await failedJobEntries(q) : { entries: new Map<number, ManifestEntry>(), jobs: 0 };
    const failedJobs = failed.entries;
    const pin = await q.store.getPin();
    if (!pin) throw new QueueError(`${describeTarget(o.target)}: no worker has recorded its pipeline; nothing was processed`);
    const workers = Object.values(await q.store.workers());
    const updated = await q.store.updated();

    const out = OutputDir.open(o.out);
    out.removeTemporaries('.');
    for (const f of FINAL_FILES) out.remove(f);
    const builder = new CorpusGraphBuilder();
    const tally = new Tally();
    const entries: ManifestEntry[] = [];
    const docs = out.guard(() => new AtomicFileWriter(out.path('documents.jsonl'), out.ops), 'documents.jsonl');
    try {
      for (let from = 0; from < run.documents; from += PAGE) {
        const page = await q.store.results(from, Math.min(PAGE, run.documents - from));
        page.forEach((r, i) => {
          const pos = from + i;
          if (!r) {
            const f = failedJobs.get(pos);
            if (!f) throw new QueueError(`${describeTarget(o.target)}: no result for input position ${pos} and no failed job holds it; run the workers again`);
            entries.push(f);
            tally.addEntry(f);
            return;
          }
          if (r.outcome.line) {
            const line = r.outcome.line;
            out.guard(() => docs.write(line), 'documents.jsonl');
            const g = JSON.parse(line) as DocumentGraph;
            if (g.document.id !== r.id) throw new QueueError(`the result at input position ${pos} is for document "${g.document.id}", expected "${r.id}"`);
            const summary = summarizeDocument(g);
            builder.addSummary(summary);
            tally.addGraph(summary);
          }
          entries.push(r.outcome.entry);
          tally.addEntry(r.outcome.entry);
        });
      }
      out.guard(() => docs.commit(), 'documents.jsonl');
    } catch (e) {
      docs.abort();
      throw e;
    }

    const graph = builder.build();
    writeGraphJson(out, graph);
    const exported = writeExports(graph, o.exports, out);
    const seconds = updated ? Math.max(0, (Date.parse(updated) - Date.parse(run.created)) / 1000) : 0;
    // The same fields, in the same order, as a local run's manifest (src/batch/run.ts); run metadata differs.
    const header = {
      schema: 'shabaka/manifest@1',
      version: pin.version,
      pipeline: pin.pipeline,
      gazetteers: pin.gazetteers,
      lexicons: pin.lexicons,
      inputs: run.inputs,
      limits: run.limits,
      concurrency: workers.reduce((s, w) => s + w.concurrency, 0),
      resumed: false,
      seconds,
      counts: tally.counts,
      stats: graph.stats,
      exports: exported,
      queue: { name: o.target.name, jobs: run.batches, batchSize: run.batchSize, workers: workers.length, failedJobs: failed.jobs },
    };
    out.writeStreamAtomic('manifest.json', (write) => {
      write(`${JSON.stringify(header).slice(0, -1)},"documents":[`);
      entries.forEach((e, i) => write(`${i ? ',' : ''}\n${JSON.stringify(e)}`));
      write('\n]}\n');
    });
    const c = tally.counts;
    o.stderr.write(
      `shabaka: collected ${entries.length} documents (${c.ok} ok, ${c.failed} failed, ${c.skipped} skipped) from ${describeTarget(o.target)}: ` +
        `${graph.stats.entities} entities, ${graph.stats.relations} relations → ${out.root}\n`,
    );
    return c.failed ? 1 : 0;
  } finally {
    await q.close();
  }
}
