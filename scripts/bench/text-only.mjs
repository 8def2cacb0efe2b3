// Times the text layer's steps alone (normalize, tokenize with the vocabulary, segment) over the same documents.
//   node scripts/bench/text-only.mjs [--docs 3000] [--rounds 5]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './compile.mjs';
import { loadDocs } from './corpus.mjs';

const { values: o } = parseArgs({ options: { docs: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '5' } } });
const out = join(repoRoot, 'node_modules/.cache/shabaka-bench/text-only.mjs');
await build({
  stdin: { contents: "export { normalize } from './src/text/normalize.ts'; export { tokenize } from './src/text/tokenize.ts'; export { Vocabulary } from './src/text/vocabulary.ts';", resolveDir: repoRoot, loader: 'ts' },
  bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error',
});
const { normalize, tokenize, Vocabulary } = await import(pathToFileURL(out).href);
const docs = await loadDocs(join(repoRoot, '../shared/corpora/ant-2018.jsonl.gz'), Number(o.docs));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
const vocab = new Vocabulary(Number(process.env.VOCAB ?? 120000));
const best = { normalize: Infinity, tokenize: Infinity };
for (let r = 0; r < Number(o.rounds); r++) {
  let tn = 0, tt = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const n = normalize(d.text);
    const t1 = performance.now();
    tokenize(n, vocab);
    tt += performance.now() - t1;
    tn += t1 - t0;
  }
  best.normalize = Math.min(best.normalize, tn);
  best.tokenize = Math.min(best.tokenize, tt);
}
for (const [k, v] of Object.entries(best)) console.log(k.padEnd(10), v.toFixed(0).padStart(5), 'ms', (bytes / 1e3 / v).toFixed(1).padStart(6), 'MB/s');
let tokens = 0, chars = 0;
for (const d of docs) { const n = normalize(d.text); chars += n.units.length; tokens += tokenize(n, vocab).count; }
console.log({ tokens, chars, docs: docs.length });
