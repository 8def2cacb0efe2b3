// Per-stage times of one pipeline in one process: the same documents R times over, and the
// minimum of each stage across rounds (the least disturbed by other jobs on a shared machine).
//   node scripts/bench/stages.mjs [--docs 2000] [--rounds 5] [--corpus F] [--pipeline P]
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { bundlePipeline, repoRoot } from './compile.mjs';
import { loadDocs } from './corpus.mjs';

const { values: o } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    corpus: { type: 'string', default: join(repoRoot, '../shared/corpora/ant-2018.jsonl.gz') },
    pipeline: { type: 'string', default: 'pipelines/news-ar.json' },
  },
});
process.chdir(repoRoot);
const docs = await loadDocs(o.corpus, Number(o.docs) > 0 ? Number(o.docs) : Infinity);
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
const { buildPipeline } = await import(pathToFileURL(await bundlePipeline()).href);
const p = buildPipeline(o.pipeline);
const min = {};
let minTotal = Infinity;
for (let r = 0; r < Number(o.rounds); r++) {
  const before = p.stageTimes();
  for (const d of docs) JSON.stringify(p.process({ id: d.id, ...(d.source ? { source: d.source } : {}), ...(d.published ? { published: d.published } : {}) }, d.text));
  const after = p.stageTimes();
  let total = 0;
  for (const k of Object.keys(after)) {
    const v = after[k] - (before[k] ?? 0);
    total += v;
    min[k] = Math.min(min[k] ?? Infinity, v);
  }
  minTotal = Math.min(minTotal, total);
}
const sum = Object.values(min).reduce((a, b) => a + b, 0);
process.stdout.write(`${docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB, ${o.rounds} rounds, load ${loadavg()[0].toFixed(1)}; minimum per stage (ms):\n`);
for (const [k, v] of Object.entries(min)) process.stdout.write(`  ${k.padEnd(10)} ${v.toFixed(0).padStart(6)}  ${((100 * v) / sum).toFixed(1).padStart(5)}%  ${(bytes / 1e3 / v).toFixed(1).padStart(7)} MB/s\n`);
process.stdout.write(`  sum of minima ${sum.toFixed(0)} ms = ${(bytes / 1e3 / sum).toFixed(2)} MB/s; best round ${minTotal.toFixed(0)} ms = ${(bytes / 1e3 / minTotal).toFixed(2)} MB/s (stages + graph, no I/O or JSON)\n`);
