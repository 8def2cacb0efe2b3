import { readFileSync } from 'node:fs';
import { buildPipeline } from '/work/main/src/pipeline/runner.js';
const p = buildPipeline('/work/main/pipelines/news-en.json');
for (const l of readFileSync('tests/fixtures/en-news.jsonl', 'utf8').trim().split('\n')) {
  const d = JSON.parse(l);
  const g = p.process({ id: d.id, published: d.published }, d.text);
  console.log('=== ' + d.id);
  for (const e of g.entities) console.log('  ', e.id, JSON.stringify(e.mentions.map((m) => m.text + '/' + m.kind)), e.mentions.every((m) => d.text.slice(m.start, m.end) === m.text) ? '' : 'BAD OFFSETS');
  for (const r of g.relations) console.log('  R', r.type, r.source, '->', r.target, JSON.stringify(r.attributes), r.rule, '|', r.evidence[0]?.trigger?.text);
}
