// `shabaka queue clear`: removes a run from Redis (BullMQ's jobs and shabaka's keys).
import { openQueue } from './queue-client.js';
import type { QueueTarget } from './target.js';

export async function queueClear(target: QueueTarget): Promise<void> {
  const q = await openQueue(target);
  try {
    // force: active jobs too; their workers' results land in keys deleted below or are dropped with them.
    await q.queue.obliterate({ force: true });
    await q.store.clear();
  } finally {
    await q.close();
  }
}
