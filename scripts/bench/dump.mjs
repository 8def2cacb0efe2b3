// Writes the document graphs of the first N documents of a JSONL(.gz) file, one per line, so that a
// speed change can be checked byte for byte:  node scripts/bench/dump.mjs /tmp/ant3k.jsonl OUT [N]
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bundlePipeline, repoRoot } from './compile.mjs';
import { readDocs } from './corpus.mjs';

const [input, out, n] = process.argv.slice(2);
if (!input || !out) {
  console.error('usage: node scripts/bench/dump.mjs INPUT.jsonl[.gz] OUT [N]');
  process.exit(2);
}
process.chdir(repoRoot);
const { buildPipeline } = await import(pathToFileURL(await bundlePipeline()).href);
const p = buildPipeline('pipelines/news-ar.json');
const ws = createWriteStream(out);
let count = 0;
for await (const d of readDocs(input, n ? Number(n) : Infinity)) {
  const meta = { id: d.id };
  if (d.source !== undefined) meta.source = d.source;
  if (d.published !== undefined) meta.published = d.published;
  let line;
  try {
    line = JSON.stringify(p.process(meta, d.text));
  } catch (e) {
    line = JSON.stringify({ id: d.id, error: String(e?.message ?? e) });
  }
  if (!ws.write(`${line}\n`)) await new Promise((r) => ws.once('drain', r));
  count++;
}
await new Promise((r) => ws.end(r));
console.error(`${count} documents → ${out}`);
