// Which queue a command talks to: a Redis URL, a queue name and a key prefix. Several runs can
// share one Redis under different names (or prefixes); tests use a prefix of their own.

export interface QueueTarget {
  url: string;
  /** The BullMQ queue name. @default "shabaka" */
  name: string;
  /** The Redis key prefix of the queue and of shabaka's own keys. @default "shabaka" */
  prefix: string;
}

export const DEFAULT_QUEUE = 'shabaka';
export const DEFAULT_PREFIX = 'shabaka';

/** Names end up inside Redis keys, where ':' separates parts. */
export function checkName(kind: string, v: string): string {
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(v)) throw new Error(`expected a ${kind} of letters, digits, '_', '.' or '-' (at most 100), got "${v}"`);
  return v;
}

export const describeTarget = (t: QueueTarget): string => `queue "${t.name}" (prefix "${t.prefix}")`;
