// Checks that speed work left the output unchanged: bundles the working tree twice — as it is, and
// with the files of the speed work taken from a git ref (default HEAD) — runs both over the same
// documents and compares the document graphs byte for byte. Other people's edits are in both.
//   node scripts/bench/identity.mjs [--ref HEAD] [--docs 3000] [--corpus F] [--pipeline P]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { bundlePipeline, repoRoot } from './compile.mjs';
import { loadDocs } from './corpus.mjs';

/** The files the speed work may change (issue 6); everything else is the same in both builds. */
export const SPEED_FILES = [
  'src/text/normalize.ts', 'src/text/tokenize.ts', 'src/text/clitics.ts', 'src/text/segment.ts',
  'src/match/gazetteer-match.ts', 'src/match/overlaps.ts', 'src/gazetteer/compile.ts', 'src/gazetteer/load.ts',
  'src/relations/triggers.ts', 'src/pipeline/runner.ts', 'src/pipeline/resources.ts',
];

const { values: o } = parseArgs({
  options: {
    ref: { type: 'string', default: 'HEAD' },
    docs: { type: 'string', default: '3000' },
    corpus: { type: 'string', default: join(repoRoot, '../shared/corpora/ant-2018.jsonl.gz') },
    pipeline: { type: 'string', default: 'pipelines/news-ar.json' },
  },
});
process.chdir(repoRoot);
const base = join(repoRoot, 'node_modules', '.cache', 'shabaka-bench', 'base-tree');
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });
cpSync(join(repoRoot, 'src'), join(base, 'src'), { recursive: true });
for (const f of SPEED_FILES) {
  let text;
  try {
    text = execFileSync('git', ['show', `${o.ref}:${f}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    continue; // not in the ref: the working copy is used in both
  }
  writeFileSync(join(base, f), text);
}
const [cur, old] = await Promise.all([bundlePipeline(repoRoot, 'identity-current'), bundlePipeline(base, 'identity-base')]);
const docs = await loadDocs(o.corpus, Number(o.docs) > 0 ? Number(o.docs) : Infinity);
const run = async (bundle) => {
  const { buildPipeline } = await import(pathToFileURL(bundle).href);
  const p = buildPipeline(o.pipeline);
  const t = performance.now();
  const out = docs.map((d) => {
    const meta = { id: d.id };
    if (d.source !== undefined) meta.source = d.source;
    if (d.published !== undefined) meta.published = d.published;
    try {
      return JSON.stringify(p.process(meta, d.text));
    } catch (e) {
      return `error: ${e?.message ?? e}`;
    }
  });
  return { out, ms: performance.now() - t, stages: p.stageTimes() };
};
const a = await run(old), b = await run(cur);
let diffs = 0;
for (let i = 0; i < docs.length; i++) {
  if (a.out[i] === b.out[i]) continue;
  if (diffs++ < 3) {
    const x = a.out[i], y = b.out[i];
    let k = 0;
    while (k < x.length && x[k] === y[k]) k++;
    process.stderr.write(`DIFF ${docs[i].id} at char ${k}:\n  ${o.ref}: …${x.slice(Math.max(0, k - 80), k + 120)}\n  tree: …${y.slice(Math.max(0, k - 80), k + 120)}\n`);
  }
}
const fmt = (s) => Object.entries(s).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
process.stdout.write(`${docs.length} documents: ${diffs ? `${diffs} DIFFER` : 'identical'}\n  ${o.ref} files: ${Math.round(a.ms)} ms (${fmt(a.stages)})\n  working tree: ${Math.round(b.ms)} ms (${fmt(b.stages)})\n`);
process.exit(diffs ? 1 : 0);
