// `shabaka queue status`: how far a queued run is, from Redis alone.
import { openQueue, PENDING_STATES } from './queue-client.js';
import type { RunMeta, WorkerInfo } from './store.js';
import type { QueueTarget } from './target.js';

export interface QueueStatus {
  queue: string;
  run: Pick<RunMeta, 'created' | 'complete' | 'batches' | 'documents'> | null;
  /** Documents with a stored result. */
  done: number;
  jobs: Record<string, number>;
  workers: WorkerInfo[];
  pipeline: string | null;
  updated: string | null;
  finished: boolean;
}

export async function queueStatus(target: QueueTarget): Promise<QueueStatus> {
  const q = await openQueue(target);
  try {
    const run = await q.store.getRun();
    const jobs = await q.queue.getJobCounts(...PENDING_STATES, 'completed', 'failed');
    const pending = PENDING_STATES.reduce((s, k) => s + (jobs[k] ?? 0), 0);
    const done = await q.store.resultCount();
    const pin = await q.store.getPin();
    return {
      queue: target.name,
      run: run ? { created: run.created, complete: run.complete, batches: run.batches, documents: run.documents } : null,
      done,
      jobs,
      workers: Object.values(await q.store.workers()),
      pipeline: pin ? `${String(pin.pipeline['name'])} (shabaka ${pin.version})` : null,
      updated: (await q.store.updated()) ?? null,
      finished: !!run?.complete && (done >= run.documents || pending === 0),
    };
  } finally {
    await q.close();
  }
}

export function formatStatus(s: QueueStatus): string {
  if (!s.run) return `queue ${s.queue}: no run (\`shabaka queue add\` first)\n`;
  const pct = s.run.documents ? ((s.done / s.run.documents) * 100).toFixed(1) : '0.0';
  const jobs = Object.entries(s.jobs)
    .filter(([, n]) => n)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `queue ${s.queue}: ${s.done} of ${s.run.documents} documents done (${pct}%)${s.run.complete ? '' : ', still being added'}${s.finished ? ' — finished, ready to collect' : ''}`,
    `jobs: ${jobs || 'none left'} (of ${s.run.batches})`,
    `workers: ${s.workers.length} started (${s.workers.reduce((n, w) => n + w.concurrency, 0)} threads)${s.pipeline ? `, pipeline ${s.pipeline}` : ''}`,
    `added ${s.run.created}${s.updated ? `, last result ${s.updated}` : ''}`,
  ].join('\n') + '\n';
}
