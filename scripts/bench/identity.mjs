// Checks that speed work left the output unchanged: bundles src/ twice — as it is, and as it was at
// a git ref (default HEAD), both with the working copy's data — runs both over the same documents
// and compares the document graphs byte for byte, with A/B timings.
//   node scripts/bench/identity.mjs [--ref HEAD] [--docs 3000] [--rounds 3] [--corpus F] [--pipeline P]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundlePipeline, repoRoot } from './compile.mjs';

const { values: o } = parseArgs({
  options: {
    ref: { type: 'string', default: 'HEAD' },
    docs: { type: 'string', default: '3000' },
    corpus: { type: 'string', default: join(repoRoot, '../shared/corpora/ant-2018.jsonl.gz') },
    pipeline: { type: 'string', default: 'pipelines/news-ar.json' },
    rounds: { type: 'string', default: '3' },
  },
});
process.chdir(repoRoot);
// Two snapshots of the tree (code and data), so that edits made by others during the runs touch neither.
const cacheDir = join(repoRoot, 'node_modules', '.cache', 'shabaka-bench');
const snapshot = (name) => {
  const dir = join(cacheDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const d of ['src', 'pipelines', 'lexicons', 'gazetteers']) cpSync(join(repoRoot, d), join(dir, d), { recursive: true });
  return dir;
};
const tree = snapshot('tree'), base = snapshot('base-tree');
// The base build takes all of src/ from the ref; data files are the working copy's in both.
rmSync(join(base, 'src'), { recursive: true, force: true });
execFileSync('sh', ['-c', `git archive ${JSON.stringify(o.ref)} src | tar -x -C ${JSON.stringify(base)}`], { stdio: 'inherit' });
const [cur, old] = await Promise.all([bundlePipeline(tree, 'identity-current'), bundlePipeline(base, 'identity-base')]);
// Alternate the two builds in fresh processes (base, tree, base, tree …) and take medians: the
// machine is shared, so one pair of runs says little about speed.
const outDir = cacheDir;
const corpus = resolve(o.corpus);
const runOnce = (bundle, out) => JSON.parse(execFileSync(process.execPath, [join(repoRoot, 'scripts/bench/process-file.mjs'), bundle, corpus, o.docs, out, o.pipeline], { cwd: bundle === cur ? tree : base, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 }));
const outA = join(outDir, 'identity-base.jsonl'), outB = join(outDir, 'identity-tree.jsonl');
const ra = [], rb = [];
for (let i = 0; i < Number(o.rounds); i++) {
  ra.push(runOnce(old, outA));
  rb.push(runOnce(cur, outB));
}
const a = readFileSync(outA, 'utf8').split('\n'), b = readFileSync(outB, 'utf8').split('\n');
let diffs = 0;
for (let i = 0; i < Math.max(a.length, b.length); i++) {
  const x = a[i] ?? '', y = b[i] ?? '';
  if (x === y) continue;
  if (diffs++ < 3) {
    let k = 0;
    while (k < x.length && x[k] === y[k]) k++;
    process.stderr.write(`DIFF line ${i + 1} at char ${k}:\n  ${o.ref}: …${x.slice(Math.max(0, k - 80), k + 120)}\n  tree: …${y.slice(Math.max(0, k - 80), k + 120)}\n`);
  }
}
const median = (xs) => { const s = xs.slice().sort((p, q) => p - q); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const summary = (rs) => {
  const stages = Object.keys(rs[0].stages).map((k) => `${k} ${Math.round(median(rs.map((r) => r.stages[k])))}`).join(', ');
  return `wall ${Math.round(median(rs.map((r) => r.ms)))} ms, CPU ${Math.round(median(rs.map((r) => r.cpuMs)))} ms (${stages})`;
};
process.stdout.write(`${a.length - 1} documents: ${diffs ? `${diffs} DIFFER (outputs in ${outDir})` : 'identical'}; medians of ${o.rounds} alternating runs, load ${loadavg()[0].toFixed(1)}\n  ${o.ref} files: ${summary(ra)}\n  working tree: ${summary(rb)}\n`);
process.exit(diffs ? 1 : 0);
