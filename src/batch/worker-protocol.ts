// Messages between the main thread and the extraction workers.
import type { ResolvedPipeline } from '../pipeline/config.js';
import type { OkRecord, Outcome } from './record.js';

export interface WorkerData {
  pipelineFile: string;
}

/** What a worker built: the resolved pipeline and the hashes of the gazetteers it loaded. */
export interface PipelineInfo {
  config: ResolvedPipeline;
  gazetteers: Readonly<Record<string, string>>;
}

/** `alone`: run this document by itself, not in a batch (it was in a batch when a worker crashed or hung). */
export type ToWorker = { type: 'doc'; rec: OkRecord; alone: boolean };

export type FromWorker =
  | ({ type: 'ready' } & PipelineInfo)
  | { type: 'fatal'; message: string; config: boolean }
  /** The worker starts on its next `count` documents, as one batch; their results follow in order. */
  | { type: 'started'; count: number }
  | ({ type: 'result' } & Outcome)
  /** The outcomes of a whole batch, in order (one message: each costs a clone and an event). */
  | { type: 'results'; outcomes: Outcome[] };
