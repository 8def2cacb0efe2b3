// Builds lexicons/common-words.json: the most frequent Arabic word forms of a news corpus
// (normalized as the pipeline does). The title-person rule refuses them as parts of new names,
// unless a gazetteer person name uses them. Usage: node scripts/build-common-words.mjs CORPUS.jsonl.gz... [--top N]
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { normalize } from '../dist/text/normalize.js';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 5000;
const files = args.filter((a, i) => a !== '--top' && i !== topAt + 1);
const counts = new Map();
let docs = 0;
for (const f of files) {
  const rl = createInterface({ input: createReadStream(f).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line) continue;
    const { text } = JSON.parse(line);
    docs++;
    for (const w of normalize(text).text.split(/[^\u0621-\u064A]+/)) {
      if (w.length < 2) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
}
const words = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top).map(([w]) => w);
writeFileSync(
  new URL('../lexicons/common-words.json', import.meta.url),
  `${JSON.stringify({ description: `The ${top} most frequent normalized Arabic word forms of ${docs} news articles (${files.map((f) => f.split('/').pop()).join(', ')}), built by scripts/build-common-words.mjs. Words only, no text.`, words }, null, 0)}\n`,
);
console.log(`${words.length} words from ${docs} documents`);
