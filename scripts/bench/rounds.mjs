// Round-by-round wall time of one pipeline over the same documents (JIT and vocabulary warm-up).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundlePipeline, repoRoot } from './compile.mjs';
import { loadDocs } from './corpus.mjs';
process.chdir(repoRoot);
const n = Number(process.argv[2] ?? 10000), rounds = Number(process.argv[3] ?? 3);
const docs = await loadDocs(join(repoRoot, '../shared/corpora/ant-2018.jsonl.gz'), n);
const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0);
const { buildPipeline } = await import(pathToFileURL(await bundlePipeline()).href);
const p = buildPipeline('pipelines/news-ar.json');
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  const slices = [];
  let ts = performance.now();
  docs.forEach((d, i) => {
    JSON.stringify(p.process({ id: d.id }, d.text));
    if ((i + 1) % 2000 === 0) { slices.push((performance.now() - ts).toFixed(0)); ts = performance.now(); }
  });
  const ms = performance.now() - t;
  console.log(`round ${r + 1}: ${ms.toFixed(0)} ms, ${(bytes / 1e3 / ms).toFixed(2)} MB/s; per 2000 docs: ${slices.join(' ')}`);
}
