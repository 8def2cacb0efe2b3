// Times the text layer's two steps alone, normalize and tokenize with a vocabulary, over the same
// documents (minimum over rounds), and counts their tokens.
//   node scripts/bench/text-only.mjs [--docs 3000] [--rounds 5] [--vocab MAX_FORMS]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { bundlePipeline, repoRoot } from './compile.mjs';
import { loadDocs } from './corpus.mjs';

const { values: o } = parseArgs({ options: { docs: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '5' }, vocab: { type: 'string' } } });
const { normalize, tokenize, Vocabulary } = await import(pathToFileURL(await bundlePipeline()).href);
const docs = await loadDocs(join(repoRoot, '../shared/corpora/ant-2018.jsonl.gz'), Number(o.docs));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
const vocab = o.vocab ? new Vocabulary(Number(o.vocab)) : new Vocabulary();
const best = { normalize: Infinity, tokenize: Infinity };
let tokens = 0;
for (let r = 0; r < Number(o.rounds); r++) {
  let tn = 0, tt = 0;
  tokens = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const n = normalize(d.text);
    const t1 = performance.now();
    tokens += tokenize(n, vocab).count;
    tt += performance.now() - t1;
    tn += t1 - t0;
  }
  best.normalize = Math.min(best.normalize, tn);
  best.tokenize = Math.min(best.tokenize, tt);
}
for (const [k, v] of Object.entries(best)) console.log(k.padEnd(10), v.toFixed(0).padStart(5), 'ms', (bytes / 1e3 / v).toFixed(1).padStart(6), 'MB/s');
console.log(`${docs.length} documents, ${tokens} tokens`);
