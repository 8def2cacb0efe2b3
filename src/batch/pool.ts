// A pool of extraction workers (worker_threads). Each worker builds the pipeline once and is sent
// documents ahead (`depth`), so it never waits for the main thread, and runs those it holds in
// batches (src/batch/worker.ts). A worker that crashes (uncaught error, out of memory, exit) or
// runs past the time limit is replaced. The document it was working on is retried once on a fresh
// worker, then marked failed; when it was working on a batch, which document was to blame is not
// known, so each document of that batch is sent again to run alone, without counting an attempt.
// Documents queued behind are sent again without counting an attempt.
// Configuration errors and gazetteers that change under a running batch stop the pool (PoolError).
import { Worker } from 'node:worker_threads';
import type { OkRecord, Outcome } from './record.js';
import type { FromWorker, PipelineInfo, ToWorker, WorkerData } from './worker-protocol.js';

export interface PoolOptions {
  /** Number of worker threads. */
  size: number;
  pipelineFile: string;
  /** The worker module; @default the compiled src/batch/worker.ts beside this file */
  workerUrl?: URL;
  /** A document still running after this long is abandoned (its worker is replaced). @default 120000 */
  documentTimeoutMs?: number;
  /** Heap limit of each worker in MB: a runaway document crashes its worker, not the run. @default 1024 */
  workerMemoryMb?: number;
  /**
   * Documents sent to a worker before it has answered the first (it batches up to 16 of them):
   * enough to bridge a journal commit on the main thread (11 ms on average over ant-2018, 58 at
   * most; 64 documents are 30–40 ms of a worker's work). More only holds texts longer on the main
   * thread, past its young generation (peak RSS 290 MB at 64, 315 at 128). @default 64
   */
  depth?: number;
}

/** The pool cannot go on: bad configuration (exit 2) or a worker that cannot start. */
export class PoolError extends Error {
  constructor(
    message: string,
    readonly config: boolean,
  ) {
    super(message);
    this.name = 'PoolError';
  }
}

class WorkerCrash extends Error {}
/**
 * The worker died before it reached this document, or while on a batch that held it: send it again
 * (no attempt used), to run alone in the second case.
 */
class Requeue extends Error {
  constructor(readonly alone: boolean) {
    super('requeue');
  }
}

interface Task {
  resolve(o: Outcome): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Documents sent, in the order the worker handles them: the first are those it is working on. */
  tasks: Task[];
  /** How many of the first tasks form the batch the worker is working on (0: none started yet). */
  running: number;
  /** The time limit of the current batch (or of the wait for the worker to start one). */
  timer: NodeJS.Timeout | undefined;
  timedOut: boolean;
  /** Places promised by acquire to a document not yet sent. */
  reserved: number;
}

const sameInfo = (a: PipelineInfo, b: PipelineInfo): boolean => JSON.stringify(a) === JSON.stringify(b);

export class WorkerPool {
  private info_: PipelineInfo | undefined;
  private readonly waiters: { resolve(s: Slot): void; reject(e: Error): void }[] = [];
  private readonly slots = new Set<Slot>();
  private failure: PoolError | undefined;
  private closing = false;
  /** Workers that crashed or timed out during the run. */
  crashes = 0;

  private constructor(private readonly o: Required<Omit<PoolOptions, 'workerUrl'>> & { workerUrl: URL }) {}

  static async start(o: PoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool({
      size: o.size,
      pipelineFile: o.pipelineFile,
      workerUrl: o.workerUrl ?? new URL('./worker.js', import.meta.url),
      documentTimeoutMs: o.documentTimeoutMs ?? 120_000,
      workerMemoryMb: o.workerMemoryMb ?? 1024,
      depth: Math.max(1, o.depth ?? 64),
    });
    try {
      const infos = await Promise.all(Array.from({ length: o.size }, () => pool.spawn()));
      const first = infos[0]!;
      if (!infos.every((i) => sameInfo(i, first))) throw new PoolError('the gazetteers changed while the workers were starting; run again', false);
      pool.info_ = first;
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get info(): PipelineInfo {
    return this.info_!;
  }

  /** Documents the pool takes at once (workers × depth): how many a caller should keep in flight. */
  get capacity(): number {
    return this.o.size * this.o.depth;
  }

  /** Runs one document; never rejects for a crash (the outcome says failed), only when the pool stops. */
  async run(rec: OkRecord): Promise<Outcome> {
    let alone = false;
    for (let attempt = 1; ; attempt++) {
      const slot = await this.acquire();
      try {
        return await this.exec(slot, rec, alone);
      } catch (e) {
        if (e instanceof Requeue) {
          attempt--;
          alone ||= e.alone;
          continue;
        }
        if (!(e instanceof WorkerCrash)) throw e;
        if (attempt >= 2) {
          return { entry: { id: rec.doc.id, input: rec.input, status: 'failed', reason: `worker crashed twice on this document (last: ${e.message})` } };
        }
        alone = true;
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
  }

  private exec(slot: Slot, rec: OkRecord, alone: boolean): Promise<Outcome> {
    slot.reserved--;
    // The worker exited between acquire and now.
    if (!this.slots.has(slot)) return Promise.reject(new Requeue(false));
    return new Promise<Outcome>((resolve, reject) => {
      slot.tasks.push({ resolve, reject });
      if (slot.tasks.length === 1) this.startClock(slot);
      slot.worker.postMessage({ type: 'doc', rec, alone } satisfies ToWorker);
    });
  }

  /**
   * The time limit runs from when the worker starts a batch (or, until it does, from when it got
   * work): a batch of normal documents takes milliseconds, so one limit serves any batch size.
   */
  private startClock(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker.terminate();
    }, this.o.documentTimeoutMs);
    slot.timer.unref();
  }

  /** The worker answered its first document. */
  private finish(slot: Slot, out: Outcome): void {
    const t = slot.tasks.shift();
    if (!t) return;
    slot.running = Math.max(0, slot.running - 1);
    if (!slot.tasks.length) clearTimeout(slot.timer);
    else if (slot.running === 0) this.startClock(slot);
    t.resolve(out);
  }

  /** The least busy live worker with room, if any. */
  private free(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) {
      const load = s.tasks.length + s.reserved;
      if (s.ready && load < this.o.depth && (!best || load < best.tasks.length + best.reserved)) best = s;
    }
    return best;
  }

  private acquire(): Promise<Slot> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.wake();
    });
  }

  /** Hands free places to waiting documents. */
  private wake(): void {
    while (this.waiters.length) {
      const s = this.free();
      if (!s) return;
      s.reserved++;
      this.waiters.shift()!.resolve(s);
    }
  }

  private fail(e: PoolError): void {
    this.failure ??= e;
    for (const w of this.waiters.splice(0)) w.reject(this.failure);
  }

  private spawn(): Promise<PipelineInfo> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.o.workerUrl, {
        workerData: { pipelineFile: this.o.pipelineFile } satisfies WorkerData,
        resourceLimits: { maxOldGenerationSizeMb: this.o.workerMemoryMb },
      });
      const slot: Slot = { worker, ready: false, tasks: [], running: 0, timer: undefined, timedOut: false, reserved: 0 };
      this.slots.add(slot);
      let lastError: Error | undefined;
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          slot.ready = true;
          const info: PipelineInfo = { config: m.config, gazetteers: m.gazetteers };
          resolve(info);
          if (this.info_ && !sameInfo(info, this.info_)) {
            this.fail(new PoolError('the gazetteers or the pipeline changed during the run (a restarted worker loaded different files); resume when they are settled', false));
            return;
          }
          this.wake();
        } else if (m.type === 'fatal') {
          const err = new PoolError(m.message, m.config);
          reject(err);
          this.fail(err);
        } else if (m.type === 'started') {
          slot.running = m.count;
          this.startClock(slot);
        } else if (m.type === 'results') {
          for (const o of m.outcomes) this.finish(slot, o);
          this.wake();
        } else {
          const out: Outcome = { entry: m.entry };
          if (m.line !== undefined) out.line = m.line;
          if (m.summary !== undefined) out.summary = m.summary;
          this.finish(slot, out);
          this.wake();
        }
      });
      worker.on('error', (e) => {
        lastError = e;
      });
      worker.on('exit', (code) => {
        this.slots.delete(slot);
        if (this.closing) return;
        if (!slot.ready) {
          const err = new PoolError(`a worker stopped while starting: ${lastError?.message ?? `exit code ${code}`}`, false);
          reject(err);
          this.fail(err);
          return;
        }
        this.crashes++;
        this.spawn().catch((e: unknown) => this.fail(e instanceof PoolError ? e : new PoolError(String(e), false)));
        clearTimeout(slot.timer);
        const tasks = slot.tasks.splice(0);
        // A batch of several: which one was to blame is not known, so each runs again alone.
        const batch = slot.running > 1 ? tasks.splice(0, slot.running) : [];
        for (const b of batch) b.reject(new Requeue(true));
        const [t, ...behind] = tasks;
        if (t && !batch.length) {
          const why = slot.timedOut ? `timed out after ${this.o.documentTimeoutMs / 1000} s` : lastError ? `${lastError.name}: ${lastError.message}` : `worker exited with code ${code}`;
          t.reject(new WorkerCrash(why));
        } else if (t) t.reject(new Requeue(false));
        for (const b of behind) b.reject(new Requeue(false));
      });
    });
  }
}
