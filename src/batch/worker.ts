// A worker thread: builds the pipeline (or the language router) once from its file, then turns each record it is
// sent into an outcome. A configuration error is reported once ('fatal') and the worker ends.
import { parentPort, workerData } from 'node:worker_threads';
import { buildProcessor, type Processor } from '../pipeline/processor.js';
import { ConfigError } from '../util/errors.js';
import { processRecord } from './record.js';
import type { FromWorker, ToWorker, WorkerData } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('src/batch/worker.ts runs as a worker thread');
const post = (m: FromWorker): void => port.postMessage(m);

let pipeline: Processor | undefined;
try {
  const built = buildProcessor((workerData as WorkerData).pipelineFile);
  pipeline = built.processor;
  post({ type: 'ready', config: built.config, gazetteers: built.gazetteers });
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
