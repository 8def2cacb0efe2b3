// A worker thread: builds the pipeline once from the pipeline file, then turns each record it is
// sent into an outcome. A configuration error is reported once ('fatal') and the worker ends.
import { parentPort, workerData } from 'node:worker_threads';
import { buildPipeline, type Pipeline } from '../pipeline/runner.js';
import { ConfigError } from '../util/errors.js';
import { processRecord } from './record.js';
import type { FromWorker, ToWorker, WorkerData } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('src/batch/worker.ts runs as a worker thread');
const post = (m: FromWorker): void => port.postMessage(m);

let pipeline: Pipeline | undefined;
try {
  pipeline = buildPipeline((workerData as WorkerData).pipelineFile);
  post({ type: 'ready', config: pipeline.config, gazetteers: pipeline.resources.gazetteer.hashes });
} catch (e) {
  post({ type: 'fatal', message: (e as Error).message, config: e instanceof ConfigError });
  port.close();
}

if (pipeline) {
  const p = pipeline;
  port.on('message', (m: ToWorker) => {
    post({ type: 'result', ...processRecord(p, m.rec) });
  });
}
