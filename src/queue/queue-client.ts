// Opening a queue: a Redis connection for shabaka's keys and BullMQ's Queue on the same target.
import { Queue } from 'bullmq';
import { connectRedis, type RedisClient } from './redis.js';
import { RunStore } from './store.js';
import type { QueueTarget } from './target.js';

export interface OpenQueue {
  queue: Queue;
  store: RunStore;
  redis: RedisClient;
  close(): Promise<void>;
}

/** Jobs still to be done (or being done): a run is finished only when all of these are zero. */
export const PENDING_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

export async function openQueue(target: QueueTarget): Promise<OpenQueue> {
  const redis = await connectRedis(target.url);
  // BullMQ uses the connection it is given as is (shared): closing it is ours to do.
  const queue = new Queue(target.name, { connection: redis as never, prefix: target.prefix });
  queue.on('error', () => undefined);
  return {
    queue,
    store: new RunStore(redis, target),
    redis,
    async close() {
      await queue.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export async function pendingJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts(...PENDING_STATES);
  return Object.values(counts).reduce((s, n) => s + n, 0);
}
