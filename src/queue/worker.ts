// `shabaka worker`: takes jobs from the queue and runs their documents through a pool of
// extraction threads (src/batch/pool.ts: each thread builds the pipeline once; a document that
// crashes or hangs its thread is retried once, then failed). BullMQ brings the rest: a job whose
// worker dies loses its lock and is taken again by another worker (stalled-job recovery); a job
// that throws is retried with backoff. Results are stored by input position, so a job done twice
// is stored once.
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { hashFiles } from '../batch/identity.js';
import { LEXICON_FILES } from '../pipeline/resources.js';
import { PoolError, WorkerPool, type PoolOptions } from '../batch/pool.js';
import { unreadableOutcome, type Outcome } from '../batch/record.js';
import { VERSION } from '../version.js';
import { JobData } from './jobs.js';
import { openQueue, pendingJobs } from './queue-client.js';
import { connectRedis, QueueError } from './redis.js';
import { pinKey, type PipelinePin } from './store.js';
import { describeTarget, type QueueTarget } from './target.js';

export interface QueueWorkerOptions {
  target: QueueTarget;
  pipeline: string;
  /** Extraction threads, and jobs taken at a time. */
  concurrency: number;
  documentTimeoutMs?: number;
  workerMemoryMb?: number;
  workerUrl?: URL;
  /** How long a job stays ours without a lock renewal; a dead worker's job is taken again after it. @default 30000 */
  lockDurationMs?: number;
  /** Stop once the run is added completely and no job is waiting, delayed or active. */
  untilDone?: boolean;
  /** One line per job started and finished. */
  verbose?: boolean;
  /** Aborting stops the worker after its current jobs. */
  signal?: AbortSignal;
  stderr: NodeJS.WritableStream;
}

export async function runQueueWorker(o: QueueWorkerOptions): Promise<number> {
  const say = (s: string): void => void o.stderr.write(`shabaka: worker: ${s}\n`);
  const poolOptions: PoolOptions = { size: o.concurrency, pipelineFile: o.pipeline };
  if (o.workerUrl) poolOptions.workerUrl = o.workerUrl;
  if (o.documentTimeoutMs) poolOptions.documentTimeoutMs = o.documentTimeoutMs;
  if (o.workerMemoryMb) poolOptions.workerMemoryMb = o.workerMemoryMb;
  const q = await openQueue(o.target);
  let pool: WorkerPool | undefined;
  let worker: Worker | undefined;
  let workerRedis: Awaited<ReturnType<typeof connectRedis>> | undefined;
  let failure: Error | undefined;
  try {
    pool = await WorkerPool.start(poolOptions);
    const info = pool.info;
    const mine: PipelinePin = { version: VERSION, pipeline: { ...info.config }, gazetteers: { ...info.gazetteers }, lexicons: hashFiles(info.config.lexiconDir, LEXICON_FILES) };
    const pinned = await q.store.pin(mine);
    if (pinKey(pinned) !== pinKey(mine)) {
      throw new QueueError(`this worker's version, pipeline or data differ from the run's (pinned by its first worker: ${String(pinned.pipeline['name'])}, version ${pinned.version}); results must come from one configuration`);
    }
    const id = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;
    await q.store.registerWorker(id, { host: hostname(), pid: process.pid, concurrency: o.concurrency, started: new Date().toISOString() });

    const p = pool;
    const process_ = async (job: Job): Promise<{ documents: number }> => {
      const parsed = JobData.safeParse(job.data);
      // Data this version cannot read: retrying will not help, so the job fails for good.
      if (!parsed.success) throw new UnrecoverableError(`job data not understood: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const { first, records } = parsed.data;
      if (o.verbose) say(`job ${job.id} started: documents ${first}–${first + records.length - 1} (attempt ${job.attemptsMade + 1})`);
      const outcomes = await Promise.all(
        records.map(async (rec) => ({ id: rec.ok ? rec.doc.id : rec.id, outcome: rec.ok ? await p.run(rec) : unreadableOutcome(rec) }) satisfies { id: string; outcome: Outcome }),
      );
      await q.store.putResults(first, outcomes);
      if (o.verbose) say(`job ${job.id} done`);
      return { documents: records.length };
    };

    const lockDuration = o.lockDurationMs ?? 30_000;
    workerRedis = await connectRedis(o.target.url);
    const w = new Worker(o.target.name, process_, {
      connection: workerRedis as never,
      prefix: o.target.prefix,
      concurrency: o.concurrency,
      lockDuration,
      // Checking for stalled jobs as often as a lock lasts bounds the wait for a dead worker's job.
      stalledInterval: lockDuration,
      // A job that killed two workers is more likely the cause than the victim: it fails (its documents are marked failed).
      maxStalledCount: 2,
      autorun: false,
    });
    worker = w;
    w.on('error', (e) => say(`Redis: ${e.message}`));
    w.on('failed', (job, e) => {
      if (e instanceof PoolError) failure ??= e;
      say(`job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${e.message}`);
      if (failure) void w.close();
    });
    say(`${o.concurrency} extraction thread(s) ready; taking jobs from ${describeTarget(o.target)}`);

    const stop = (): void => void w.close();
    // A signal during startup (building the pipeline takes seconds) stops the worker before its first job.
    if (o.signal?.aborted) return 0;
    o.signal?.addEventListener('abort', stop, { once: true });
    let timer: NodeJS.Timeout | undefined;
    if (o.untilDone) {
      // Checked on a timer too: a dead worker's job comes back only after its lock expires.
      const check = async (): Promise<void> => {
        try {
          const run = await q.store.getRun();
          if (run?.complete && (await pendingJobs(q.queue)) === 0) stop();
        } catch {
          /* Redis unreachable for a moment: the next check decides */
        }
      };
      w.on('drained', () => void check());
      w.on('completed', () => void check());
      timer = setInterval(() => void check(), Math.min(lockDuration, 5000));
    }
    await w.run();
    if (timer) clearInterval(timer);
    o.signal?.removeEventListener('abort', stop);
    if (failure) throw failure;
    say(`stopped (${pool.crashes} extraction thread restarts)`);
    return 0;
  } catch (e) {
    if (e instanceof QueueError || e instanceof PoolError) {
      say(e.message);
      return 2;
    }
    throw e;
  } finally {
    await worker?.close().catch(() => undefined);
    await pool?.close();
    await workerRedis?.quit().catch(() => workerRedis?.disconnect());
    await q.close();
  }
}
