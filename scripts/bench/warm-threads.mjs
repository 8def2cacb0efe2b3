// Steady-state scaling: W worker threads in one process, each running the same N documents R
// rounds; prints each round's wall time per worker. Round 1 includes JIT warm-up; later rounds don't.
//   node scripts/bench/warm-threads.mjs [W] [N] [R]
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { bundlePipeline, repoRoot } from './compile.mjs';
import { loadDocs } from './corpus.mjs';

if (isMainThread) {
  const [W, N, R] = [Number(process.argv[2] ?? 2), Number(process.argv[3] ?? 3000), Number(process.argv[4] ?? 3)];
  process.chdir(repoRoot);
  const bundle = await bundlePipeline();
  const docs = await loadDocs(join(repoRoot, '../shared/corpora/ant-2018.jsonl.gz'), N);
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0);
  const ws = Array.from({ length: W }, () => new Worker(new URL(import.meta.url), { workerData: { bundle, docs } }));
  const ready = ws.map((w) => new Promise((r) => w.once('message', r)));
  await Promise.all(ready);
  for (let r = 0; r < R; r++) {
    const t = performance.now();
    const times = await Promise.all(ws.map((w) => new Promise((res) => { w.once('message', res); w.postMessage('go'); })));
    const wall = performance.now() - t;
    console.log(`W=${W} round ${r + 1}: wall ${wall.toFixed(0)} ms, per worker ${times.map((x) => x.toFixed(0)).join(' ')} ms, ${((W * bytes) / 1e3 / wall).toFixed(2)} MB/s`);
  }
  await Promise.all(ws.map((w) => w.terminate()));
} else {
  const { buildPipeline } = await import(pathToFileURL(workerData.bundle).href);
  const p = buildPipeline(join(repoRoot, 'pipelines/news-ar.json'));
  parentPort.postMessage('ready');
  parentPort.on('message', () => {
    const t = performance.now();
    for (let i = 0; i < workerData.docs.length; i += 16) {
      for (const g of p.processBatch(workerData.docs.slice(i, i + 16).map((d) => ({ meta: { id: d.id }, text: d.text })))) JSON.stringify(g);
    }
    parentPort.postMessage(performance.now() - t);
  });
}
