// A benchmark worker: builds the pipeline once, then turns batches of raw JSONL lines into
// document graphs (serialized, as `extract` does) and reports counts, bytes and stage times.
// Runs as a worker thread or as a child process (fork): the same messages either way.
import { parentPort as threadPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { threadCpuMs } from './thread-cpu.mjs';

const parentPort = threadPort ?? { postMessage: (m) => process.send(m), on: (e, f) => process.on(e, f) };
const { bundle, pipeline: pipelineFile } = threadPort ? workerData : JSON.parse(process.env.SHABAKA_BENCH_WORKER);
const t0 = performance.now();
const { buildPipeline } = await import(pathToFileURL(bundle).href);
const p = buildPipeline(pipelineFile);
parentPort.postMessage({ type: 'ready', startupMs: performance.now() - t0, threadCpuMs: threadPort ? threadCpuMs() : null });

parentPort.on('message', (m) => {
  if (m.type === 'finish') {
    // A child process reports its own CPU time and peak RSS (a thread's are the parent's).
    parentPort.postMessage({ type: 'stages', stages: p.stageTimes(), usage: threadPort ? null : process.resourceUsage(), threadCpuMs: threadPort ? threadCpuMs() : null });
    return;
  }
  let docs = 0, bytes = 0, outBytes = 0, failed = 0;
  // The batch of lines goes through the pipeline as one batch (Pipeline.processBatch), as extract's workers do.
  const batch = m.lines.map((line) => {
    const d = JSON.parse(line);
    const meta = { id: d.id };
    if (d.source !== undefined) meta.source = d.source;
    if (d.published !== undefined) meta.published = d.published;
    bytes += Buffer.byteLength(d.text, 'utf8');
    docs++;
    return { meta, text: d.text };
  });
  for (const g of p.processBatch(batch)) {
    if (g instanceof Error) failed++;
    else outBytes += JSON.stringify(g).length + 1;
  }
  parentPort.postMessage({ type: 'done', docs, bytes, outBytes, failed });
});
