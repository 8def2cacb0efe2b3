#!/usr/bin/env node
// The throughput benchmark (issue 6): MB/s (UTF-8 bytes of document text) and documents/s end to
// end with one worker and with all cores, per-stage times, peak RSS, gazetteer load/compile time,
// and the floor to compare with: `grep -F -o -f` with every gazetteer name over the same text.
// Figures go to bench-results/<time>.json (and latest.json), so runs can be compared.
//
//   npm run bench                                   # first 10,000 documents of ant-2018
//   npm run bench -- --docs 0                       # the whole corpus
//   npm run bench -- --corpus ../shared/corpora/saudinewsnet-2015.jsonl.gz --repeat 5
//   npm run bench -- --workers 1,2,4 --extract      # + `shabaka extract --concurrency` (needs npm run build)
//   npm run bench -- --docs 0 --heap-mb 160         # live memory: each worker's old generation capped
//
// Each measurement runs in its own process (scripts/bench/run.mjs) and is repeated; medians are
// reported with the load average, since other jobs on this machine change the figures.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { bundlePipeline, repoRoot } from './bench/compile.mjs';
import { readDocs } from './bench/corpus.mjs';

const { values: o } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(repoRoot, '../shared/corpora/ant-2018.jsonl.gz') },
    docs: { type: 'string', default: '10000' },
    workers: { type: 'string', default: `1,${availableParallelism()}` },
    repeat: { type: 'string', default: '3' },
    pipeline: { type: 'string', default: 'pipelines/news-ar.json' },
    out: { type: 'string' },
    grep: { type: 'boolean', default: true },
    'no-grep': { type: 'boolean', default: false },
    extract: { type: 'boolean', default: false },
    'heap-mb': { type: 'string' },
    'node-flags': { type: 'string', default: '' },
    'worker-mode': { type: 'string', default: 'thread' },
    'rss-check': { type: 'boolean', default: true },
    'no-rss-check': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (o.help) {
  process.stdout.write('usage: node scripts/bench.mjs [--corpus F.jsonl[.gz]] [--docs N (0 = all)] [--workers 1,2] [--repeat R] [--pipeline P] [--out F.json] [--no-grep] [--no-rss-check] [--extract] [--heap-mb MB (cap each worker\'s old generation)] [--node-flags "--flag …" (V8/Node flags of the measured process)] [--worker-mode thread|process]\n');
  process.exit(0);
}
const docsLimit = Number(o.docs);
const repeat = Math.max(1, Number(o.repeat));
const workerCounts = o.workers.split(',').map(Number).filter((n) => n > 0);
if (!existsSync(o.corpus) || !Number.isFinite(docsLimit) || !workerCounts.length) {
  process.stderr.write(`bench: bad options (corpus ${o.corpus}, --docs ${o.docs}, --workers ${o.workers})\n`);
  process.exit(2);
}
process.chdir(repoRoot);
const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const load = () => loadavg().map((x) => Number(x.toFixed(2)));
const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;

const git = (args) => { try { return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };
const result = {
  schema: 'shabaka/bench@1',
  date: new Date().toISOString(),
  commit: git(['rev-parse', 'HEAD']),
  dirty: (git(['status', '--porcelain', '--untracked-files=no', 'src']) ?? '') !== '',
  node: process.version,
  cpu: `${cpus()[0]?.model ?? '?'} × ${availableParallelism()}`,
  loadBefore: load(),
  corpus: relative(repoRoot, resolve(o.corpus)),
  docsRequested: docsLimit > 0 ? docsLimit : 'all',
  pipeline: o.pipeline,
  repeat,
  workerHeapMb: o['heap-mb'] ? Number(o['heap-mb']) : null,
  nodeFlags: o['node-flags'] || null,
  workerMode: o['worker-mode'],
};

log(`bench: bundling src/ …`);
const bundle = await bundlePipeline();
const api = await import(pathToFileURL(bundle).href);

// Gazetteer: read + validate, compile (each timed apart), median of a few rounds in this process;
// and the whole resource load of a fresh process (what each worker pays at start).
{
  const loadMs = [], compileMs = [];
  const cfg = api.loadPipeline(o.pipeline, api.registerStages());
  let names = 0;
  for (let i = 0; i < Math.max(3, repeat); i++) {
    let t = performance.now();
    const data = api.loadGazetteers(cfg.gazetteerDir);
    loadMs.push(performance.now() - t);
    t = performance.now();
    const g = api.compileGazetteer(data);
    compileMs.push(performance.now() - t);
    names = g.entries.length;
  }
  result.gazetteer = { entries: names, loadMs: r1(median(loadMs)), compileMs: r1(median(compileMs)), loadAndCompileMs: r1(median(loadMs) + median(compileMs)) };
  log(`gazetteer: ${names} entries, load+validate ${r1(median(loadMs))} ms, compile ${r1(median(compileMs))} ms`);
}

// The same documents as a plain text file for grep (and as JSONL for `extract`).
const tmp = mkdtempSync(join(tmpdir(), 'shabaka-bench-'));
const textFile = join(tmp, 'text.txt'), jsonlFile = join(tmp, 'docs.jsonl');
{
  const tw = createWriteStream(textFile), jw = createWriteStream(jsonlFile);
  let docs = 0, bytes = 0;
  for await (const d of readDocs(o.corpus, docsLimit > 0 ? docsLimit : Infinity)) {
    tw.write(`${d.text}\n`);
    jw.write(`${JSON.stringify({ id: d.id, text: d.text, ...(d.source ? { source: d.source } : {}), ...(d.published ? { published: d.published } : {}) })}\n`);
    docs++;
    bytes += Buffer.byteLength(d.text, 'utf8');
  }
  await Promise.all([new Promise((r) => tw.end(r)), new Promise((r) => jw.end(r))]);
  result.docs = docs;
  result.bytes = bytes;
  log(`corpus: ${docs} documents, ${r1(bytes / 1e6)} MB of text (UTF-8)`);
}

const runOnce = (workers, docs) => new Promise((resolveRun, reject) => {
  const child = spawn(process.execPath, [...o['node-flags'].split(' ').filter(Boolean), join(repoRoot, 'scripts/bench/run.mjs'), '--bundle', bundle, '--corpus', jsonlFile, '--docs', String(docs), '--workers', String(workers), '--pipeline', o.pipeline, '--mode', o['worker-mode'], ...(o['heap-mb'] ? ['--heap-mb', o['heap-mb']] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  child.on('error', reject);
  child.on('close', (code) => (code === 0 ? resolveRun(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`run.mjs exited ${code}`))));
});

result.runs = {};
// Rounds interleave the worker counts (1, 2, 1, 2 …): the speed of a shared machine drifts, and a
// speed-up is only meaningful between runs made at about the same time.
const runsOf = Object.fromEntries(workerCounts.map((w) => [w, []]));
for (let i = 0; i < repeat; i++) {
  for (const w of workerCounts) {
    const l = load();
    const r = await runOnce(w, result.docs);
    runsOf[w].push({ ...r, load1: l[0] });
    const split = r.cpuSplitMs ? `; CPU s: workers ${r1(r.cpuSplitMs.workers / 1000)}, V8 helpers ${r1(r.cpuSplitMs.v8Helpers / 1000)}, main ${r1(r.cpuSplitMs.main / 1000)}` : '';
    log(`  ${w} worker(s), run ${i + 1}/${repeat}: ${r2(r.mbPerS)} MB/s (second half ${r2(r.steadyMbPerS ?? 0)}), ${Math.round(r.docsPerS)} docs/s, ${r2(r.mbPerCpuS)} MB per CPU-second, peak RSS ${Math.round(r.peakRssMb)} MB (load ${l[0]})${split}`);
  }
}
for (const w of workerCounts) {
  const runs = runsOf[w];
  const best = runs.slice().sort((a, b) => a.wallMs - b.wallMs)[0];
  const stagesMs = {};
  for (const k of Object.keys(runs[0].stagesMs)) stagesMs[k] = r1(median(runs.map((r) => r.stagesMs[k])));
  const stageTotal = Object.values(stagesMs).reduce((a, b) => a + b, 0);
  result.runs[w] = {
    mbPerS: r2(median(runs.map((r) => r.mbPerS))),
    docsPerS: Math.round(median(runs.map((r) => r.docsPerS))),
    bestMbPerS: r2(best.mbPerS),
    // The second half of the documents only (after the JIT warm-up of the first): the rate a long run settles at.
    steadyMbPerS: r2(median(runs.map((r) => r.steadyMbPerS ?? 0))),
    // CPU seconds of the workers' own threads, of V8's helper threads (mostly the optimizing
    // compiler: a fixed cost per worker, which two workers pay twice on two cores) and of the main thread.
    cpuSplitS: runs[0].cpuSplitMs ? Object.fromEntries(Object.keys(runs[0].cpuSplitMs).map((k) => [k, r2(median(runs.map((r) => r.cpuSplitMs[k] / 1000)))])) : null,
    mbPerCpuS: r2(median(runs.map((r) => r.mbPerCpuS))),
    wallMs: Math.round(median(runs.map((r) => r.wallMs))),
    startupMs: Math.round(median(runs.map((r) => r.startupMs))),
    // The VM's speed swings by up to 1.5× within minutes; building the pipeline (worker startup) is a
    // fixed piece of the same kind of work, so MB/s × startup seconds compares runs made at different
    // moments (same code, 29 Nov: 3.97–4.13 at startups of 622–892 ms).
    mbPerSxStartupS: r2(median(runs.map((r) => (r.mbPerS * r.startupMs) / 1000))),
    peakRssMb: Math.round(Math.max(...runs.map((r) => r.peakRssMb))),
    failed: runs[0].failed,
    stagesMs,
    stagesPct: Object.fromEntries(Object.entries(stagesMs).map(([k, v]) => [k, r1((100 * v) / stageTotal)])),
    load1: runs.map((r) => r.load1),
  };
}
if (result.runs[1] && workerCounts.length > 1) {
  const top = Math.max(...workerCounts);
  // The median of the round-by-round ratios (each pair ran back to back), and the ratio of medians.
  const pairs = runsOf[top].map((r, i) => r.mbPerS / runsOf[1][i].mbPerS);
  const steadyPairs = runsOf[top].map((r, i) => (r.steadyMbPerS ?? 0) / (runsOf[1][i].steadyMbPerS || 1));
  result.speedup = { workers: top, vsOne: r2(median(pairs)), perRound: pairs.map(r2), ofMedians: r2(result.runs[top].mbPerS / result.runs[1].mbPerS), secondHalf: r2(median(steadyPairs)) };
  // The most N workers can gain on P vCPUs, from the one-worker CPU split: the workers' own
  // seconds W are shared out, but each isolate brings its own V8 helper seconds C (mostly
  // TurboFan compiling its hot code) and the main thread M is paid once, all on the same P vCPUs:
  // wall ≥ max(W / N, (W + N·C + M) / P). One worker runs in about W seconds.
  const s1 = result.runs[1].cpuSplitS;
  if (s1) {
    const P = availableParallelism();
    result.speedup.ceiling = r2(Math.min(top, (P * s1.workers) / (s1.workers + top * s1.v8Helpers + s1.main)));
    result.speedup.ceilingWithoutHelpers = r2(Math.min(top, (P * s1.workers) / (s1.workers + s1.main)));
    result.speedup.vcpus = P;
  }
}

// Peak RSS must not grow with corpus size: the one-worker run again on a quarter of the documents.
if (o['rss-check'] && !o['no-rss-check'] && result.docs >= 400) {
  const small = await runOnce(1, Math.floor(result.docs / 4));
  result.rss = { docs: Math.floor(result.docs / 4), peakRssMb: Math.round(small.peakRssMb), fullDocs: result.docs, fullPeakRssMb: result.runs[1]?.peakRssMb ?? null };
  log(`peak RSS: ${result.rss.peakRssMb} MB at ${result.rss.docs} documents, ${result.rss.fullPeakRssMb} MB at ${result.docs}`);
}

// The floor: grep -F -o -f over the same text with every gazetteer name (bytes, LC_ALL=C).
if (o.grep && !o['no-grep']) {
  const cfg = api.loadPipeline(o.pipeline, api.registerStages());
  const names = api.allNameForms(cfg.gazetteerDir);
  const namesFile = join(tmp, 'names.txt');
  writeFileSync(namesFile, `${names.join('\n')}\n`);
  const times = [];
  let matches = 0;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    const g = spawnSync('grep', ['-F', '-o', '-f', namesFile, textFile], { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 1 << 30, encoding: 'buffer' });
    times.push(performance.now() - t);
    if (g.status !== 0 && g.status !== 1) throw new Error(`grep failed: ${g.stderr}`);
    matches = g.stdout.toString('latin1').split('\n').length - 1;
  }
  result.grep = { names: names.length, matches, ms: Math.round(median(times)), mbPerS: r2(result.bytes / 1e6 / (median(times) / 1000)) };
  log(`grep -F -o -f (${names.length} names): ${result.grep.mbPerS} MB/s, ${matches} matches`);
}

// `shabaka extract --concurrency W` over the same JSONL (the batch pool), when dist/ is built.
if (o.extract) {
  const cli = join(repoRoot, 'dist/cli.js');
  if (!existsSync(cli)) log('extract: dist/cli.js missing (npm run build first); skipped');
  else {
    result.extract = {};
    for (const w of workerCounts) {
      const times = [];
      let peakRssMb = 0;
      for (let i = 0; i < repeat; i++) {
        const out = join(tmp, `extract-${w}`);
        rmSync(out, { recursive: true, force: true });
        const t = performance.now();
        const x = spawnSync(process.execPath, [cli, 'extract', jsonlFile, '-o', out, '--pipeline', o.pipeline, '--concurrency', String(w)], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
        times.push(performance.now() - t);
        if (x.status !== 0) { log(`extract exited ${x.status}: ${x.stderr.split('\n').slice(-3).join(' ')}`); break; }
        // extract's closing summary gives the process's peak RSS (workers and main thread together).
        peakRssMb = Math.max(peakRssMb, Number(/peak RSS (\d+) MB/.exec(x.stderr)?.[1] ?? 0));
      }
      result.extract[w] = { wallMs: Math.round(median(times)), mbPerS: r2(result.bytes / 1e6 / (median(times) / 1000)), docsPerS: Math.round(result.docs / (median(times) / 1000)), peakRssMb };
      log(`extract --concurrency ${w}: ${result.extract[w].mbPerS} MB/s (whole command, startup included), peak RSS ${peakRssMb} MB`);
    }
  }
}
result.loadAfter = load();
rmSync(tmp, { recursive: true, force: true });

// Report.
const lines = [];
lines.push(`shabaka bench — ${result.corpus}, ${result.docs} documents, ${r1(result.bytes / 1e6)} MB; ${result.cpu}; load ${result.loadBefore.join(' ')} → ${result.loadAfter.join(' ')}`);
for (const [w, r] of Object.entries(result.runs)) {
  lines.push(`  ${w} worker(s): ${r.mbPerS} MB/s (best ${r.bestMbPerS}; second half of the documents ${r.steadyMbPerS}), ${r.docsPerS} docs/s, ${r.mbPerCpuS} MB per CPU-second, peak RSS ${r.peakRssMb} MB, worker startup ${r.startupMs} ms (MB/s × startup s: ${r.mbPerSxStartupS}, comparable across moments)`);
  if (r.cpuSplitS) lines.push(`      CPU seconds: workers ${r.cpuSplitS.workers}, V8 helper threads (optimizing compiler, GC) ${r.cpuSplitS.v8Helpers}, main thread ${r.cpuSplitS.main}`);
}
if (result.speedup) lines.push(`  speed-up with ${result.speedup.workers} workers: ${result.speedup.vsOne}× (median of back-to-back pairs: ${result.speedup.perRound.join(', ')}; ratio of medians ${result.speedup.ofMedians}×; second half of the documents ${result.speedup.secondHalf}×)`);
if (result.speedup?.ceiling) lines.push(`      ceiling on ${result.speedup.vcpus} vCPUs from the one-worker CPU split: ${result.speedup.ceiling}× (${result.speedup.ceilingWithoutHelpers}× if the V8 helper threads cost nothing); see docs/bench.md`);
const one = result.runs[1] ?? Object.values(result.runs)[0];
lines.push(`  stages (one worker, ms; %): ${Object.entries(one.stagesMs).map(([k, v]) => `${k} ${Math.round(v)} (${one.stagesPct[k]}%)`).join(', ')}`);
lines.push(`  gazetteer: ${result.gazetteer.entries} entries; load+validate ${result.gazetteer.loadMs} ms, compile ${result.gazetteer.compileMs} ms`);
if (result.rss) lines.push(`  peak RSS ${result.rss.peakRssMb} MB at ${result.rss.docs} docs vs ${result.rss.fullPeakRssMb} MB at ${result.rss.fullDocs}`);
if (result.grep) lines.push(`  floor: grep -F -o -f (${result.grep.names} names) ${result.grep.mbPerS} MB/s (${result.grep.matches} matches)`);
if (result.extract) for (const [w, r] of Object.entries(result.extract)) lines.push(`  extract --concurrency ${w}: ${r.mbPerS} MB/s, ${r.docsPerS} docs/s (whole command), peak RSS ${r.peakRssMb} MB`);
process.stdout.write(`${lines.join('\n')}\n`);

mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
const file = o.out ?? join(repoRoot, 'bench-results', `${result.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(repoRoot, 'bench-results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
log(`figures written to ${relative(repoRoot, file)}`);
