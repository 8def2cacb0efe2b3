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

export type ToWorker = { type: 'doc'; rec: OkRecord };

export type FromWorker =
  | ({ type: 'ready' } & PipelineInfo)
  | { type: 'fatal'; message: string; config: boolean }
  | ({ type: 'result' } & Outcome);
