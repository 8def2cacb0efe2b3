// Child of identity.mjs: runs one bundle over the first N documents, writes the document graphs
// (one a line) to OUT and prints its timing as JSON: wall and CPU time, stage times.
//   node scripts/bench/process-file.mjs BUNDLE CORPUS N OUT PIPELINE
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadDocs } from './corpus.mjs';

const [bundle, corpus, n, out, pipeline] = process.argv.slice(2);
const docs = await loadDocs(corpus, Number(n) > 0 ? Number(n) : Infinity);
const { buildPipeline } = await import(pathToFileURL(bundle).href);
const p = buildPipeline(pipeline);
const t = performance.now(), cpu = process.cpuUsage();
const lines = docs.map((d) => {
  const meta = { id: d.id };
  if (d.source !== undefined) meta.source = d.source;
  if (d.published !== undefined) meta.published = d.published;
  try {
    return JSON.stringify(p.process(meta, d.text));
  } catch (e) {
    return `error: ${e?.message ?? e}`;
  }
});
const c = process.cpuUsage(cpu);
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`${JSON.stringify({ ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000, stages: p.stageTimes() })}\n`);
