#!/usr/bin/env node
// Fault injection for `shabaka extract` (issue 7), on the compiled CLI (npm run build first):
//  1. 20 random SIGKILLs of a run over 2,000 corpus documents, each followed by `--resume`; the
//     result must equal an uninterrupted run byte for byte, with 0 documents lost or duplicated;
//  2. every kind of bad input, printing the reason each one got in the manifest;
//  3. run-level faults: broken gazetteer and pipeline files, an unusable output directory, a full
//     disk (ENOSPC, on a small tmpfs when allowed to mount one), a worker that runs out of memory.
// Usage: node scripts/faults.mjs [--docs 2000] [--kills 20] [--seed N] [--corpus FILE] [--keep]
// Exit status 0 when every check holds, 1 otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const PIPELINE = join(ROOT, 'pipelines', 'news-ar.json');
const { values: opt } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(Date.now() % 1e9) },
    corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpora', 'ant-2018.jsonl.gz') },
    keep: { type: 'boolean', default: false },
  },
});
if (!existsSync(join(ROOT, 'dist', 'batch', 'worker.js'))) {
  console.error('faults: dist/ is missing or old; run `npm run build` first');
  process.exit(2);
}

// A seeded generator, so a failing sequence of kills can be replayed with --seed.
let seed = Number(opt.seed) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const work = mkdtempSync(join(tmpdir(), 'shabaka-faults-'));
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  if (!ok) failures++;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs the CLI; with killAfterMs, sends SIGKILL then (unless it ended first). */
function cli(args, { killAfterMs, stdin, watch } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const p = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.stdout.on('data', (d) => (stdout += d));
    p.stdin.end(stdin ?? '');
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    const ctl = { armed: false, kill: () => p.kill('SIGKILL') };
    const poll = watch ? setInterval(() => watch.call(ctl, Date.now() - started), 10) : undefined;
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, signal, stderr, stdout, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function sample(n) {
  const stream = createReadStream(opt.corpus).pipe(createGunzip());
  const lines = [];
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lines.push(line);
    if (lines.length >= n) break;
  }
  stream.destroy();
  return lines;
}

const read = (f) => (existsSync(f) ? readFileSync(f) : Buffer.alloc(0));
const manifest = (dir) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
async function killAndResume() {
  const n = Number(opt.docs);
  const kills = Number(opt.kills);
  console.log(`\n== ${kills} random SIGKILL + --resume cycles over ${n} documents of ${opt.corpus} (seed ${opt.seed})`);
  const lines = await sample(n);
  const input = join(work, 'input.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const ids = lines.map((l) => JSON.parse(l).id);

  // The reference run also measures start-up: the time until its journal exists (workers ready).
  let startup;
  const ref = await cli(['extract', input, '-o', join(work, 'ref'), '--pipeline', PIPELINE], {
    watch: (ms) => {
      if (startup === undefined && existsSync(join(work, 'ref', '.shabaka-journal', 'progress.json'))) startup = ms;
    },
  });
  startup ??= ref.seconds * 1000;
  console.log(`reference run: exit ${ref.code}, ${ref.seconds.toFixed(1)} s, ${(startup / 1000).toFixed(1)} s of it starting up`);
  const msPerDoc = Math.max(0.1, (ref.seconds * 1000 - startup) / n);
  const out = join(work, 'killed');
  const args = ['extract', input, '-o', out, '--pipeline', PIPELINE, '--chunk-size', '25'];
  // Kill moments: a quarter during start-up (before or while the journal is set up), most while
  // documents are processed (after a random number of further commits, plus a random fraction of a
  // chunk so the kill falls between commits too), and the last in the final writes.
  const progressFile = join(out, '.shabaka-journal', 'progress.json');
  const committedNow = () => {
    try {
      return JSON.parse(readFileSync(progressFile, 'utf8')).records;
    } catch {
      return -1;
    }
  };
  let killed = 0;
  let cycles = 0;
  while (killed < kills && cycles < kills * 3) {
    cycles++;
    const base = Math.max(0, committedNow());
    const kind = cycles === kills ? 'final' : random() < 0.25 ? 'startup' : 'progress';
    const target = base + 25 + Math.floor(random() * (n / kills) * 0.9);
    // A random fraction of the time half a cycle's documents take, as the reference run went: a
    // fixed 400 ms let a faster pipeline run through all documents in a few cycles, and the cycles
    // after them could not be killed while processing.
    const extra = Math.floor(random() * Math.min(400, msPerDoc * (n / kills) * 0.5));
    let plan = '';
    const r = await cli(cycles === 1 ? args : [...args, '--resume'], kind === 'startup'
      ? { killAfterMs: (plan = Math.round(random() * startup)) }
      : {
          watch: function (ms) {
            if (this.armed) return;
            const c = committedNow();
            if (kind === 'final' ? c >= n : c >= target) {
              this.armed = true;
              plan = kind === 'final' ? 'all committed (final writes)' : `${c} committed + ${extra} ms`;
              setTimeout(() => this.kill(), kind === 'final' ? 0 : extra);
            }
          },
        });
    let committed = committedNow();
    if (committed < 0) committed = existsSync(join(out, 'manifest.json')) ? 'complete' : 'no journal yet';
    if (r.signal === 'SIGKILL') killed++;
    console.log(`cycle ${String(cycles).padStart(2)} (${kind.padEnd(8)}): ${r.signal === 'SIGKILL' ? `SIGKILL at ${typeof plan === 'number' ? `${plan} ms` : plan}` : `ended (exit ${r.code}) before the kill`}; committed after: ${committed}`);
  }
  const fin = await cli([...args, '--resume']);
  console.log(`final --resume: exit ${fin.code}, ${fin.seconds.toFixed(1)} s`);
  check(killed === kills, `${killed} of ${kills} runs killed with SIGKILL`);
  check(read(join(out, 'documents.jsonl')).equals(read(join(work, 'ref', 'documents.jsonl'))), 'documents.jsonl byte-identical to the uninterrupted run');
  check(read(join(out, 'graph.json')).equals(read(join(work, 'ref', 'graph.json'))), 'graph.json byte-identical to the uninterrupted run');
  const m = manifest(out);
  const seen = new Map();
  for (const d of m.documents) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
  const lost = ids.filter((id) => !seen.has(id)).length;
  const dup = [...seen.values()].filter((c) => c > 1).length;
  const docIds = readFileSync(join(out, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).document.id);
  const dupDocs = docIds.length - new Set(docIds).size;
  console.log(`manifest: ${m.documents.length} entries for ${ids.length} input documents; ${lost} lost, ${dup} duplicated; documents.jsonl: ${docIds.length} lines, ${dupDocs} duplicated`);
  check(lost === 0 && dup === 0 && dupDocs === 0 && m.documents.length === ids.length, '0 lost, 0 duplicated');
}

// ---------------------------------------------------------------------------------------------
const NEWS = 'التقى وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني نظيره الأمريكي أنتوني بلينكن في الدوحة.';
const doc = (id, text, extra = {}) => JSON.stringify({ id, text, ...extra });

async function badInputs() {
  console.log('\n== bad input: the manifest line each one got');
  const dir = join(work, 'bad');
  mkdirSync(dir, { recursive: true });
  const words = NEWS.replace('.', '').split(' ');
  let long = '';
  for (let i = 0; long.length < 1_100_000; i++) long += `${words[i % words.length]} `; // ~2 MB of UTF-8, no punctuation
  const jsonl = [
    doc('ok-plain', NEWS),
    '{"id": "broken", "text": "لا إغلاق',
    JSON.stringify({ id: 'no-text-here' }),
    JSON.stringify({ id: 'text-not-string', text: 42 }),
    doc('ok-plain', `نسخة ثانية: ${NEWS}`),
    doc('empty', ''),
    doc('crlf', NEWS.replace(/ /g, '\r\n')),
    doc('mixed-scripts', `Reuters — ${NEWS} (AFP) Привет 北京 2024 ٢٠٢٤`),
    doc('bidi-marks', `\u200F${NEWS.replace('الدوحة', '\u200Eالدوحة\u200F')}`),
    doc('presentation-forms', 'ﻗﻄﺮ و ﺍﻟﻮﻻﻳﺎﺕ ﺍﻟﻤﺘﺤﺪﺓ: التقى أمير قطر الرئيس الأمريكي.'),
    doc('unbalanced-quotes', `قال "${NEWS} «وأضاف: ( [`),
    doc('bom-inside', `\uFEFF${NEWS}`),
    doc('english-tagged', 'Blinken met Qatar’s prime minister in Doha.', { lang: 'xx' }),
    doc('long-line-2mb', long),
    doc('over-limit-6mb', 'ب'.repeat(3_200_000)),
  ].join('\r\n');
  writeFileSync(join(dir, 'news.jsonl'), Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(jsonl), Buffer.from('\n{"id":"bad-utf8","text":"'), Buffer.from([0xc3, 0x28, 0xa0]), Buffer.from('"}\n')]));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Doha caf\xe9 na\xefve', 'latin1'));
  writeFileSync(join(dir, 'bom-crlf.txt'), `\uFEFF${NEWS}\r\n`);
  writeFileSync(join(dir, 'empty-file.txt'), '');
  const out = join(work, 'bad-out');
  const r = await cli(['extract', dir, '-o', out, '--pipeline', PIPELINE]);
  console.log(`exit status ${r.code} (1 expected: some documents failed), ${r.seconds.toFixed(1)} s`);
  const m = manifest(out);
  for (const d of m.documents) console.log(`  ${d.status.padEnd(7)} ${d.input.replace(`${dir}/`, '')} (${d.id.slice(0, 40)})${d.reason ? `: ${d.reason}` : ''}`);
  const by = {};
  for (const d of m.documents) by[d.id] ??= d; // a duplicated id: the first is the one processed
  const ok = ['ok-plain', 'crlf', 'mixed-scripts', 'bidi-marks', 'presentation-forms', 'unbalanced-quotes', 'bom-inside', 'long-line-2mb', 'bom-crlf'];
  check(r.code === 1 && ok.every((id) => by[id]?.status === 'ok'), `good and odd-but-valid documents processed (${ok.join(', ')})`);
  const failed = m.documents.filter((d) => d.status === 'failed');
  check(failed.length === 8 && failed.every((d) => d.reason), `8 bad documents failed, each with a reason`);
  check(m.counts.skipped === 3, 'empty documents and an unhandled language skipped, with a reason');
  // Offsets of the odd documents point into the original text.
  const texts = {};
  for (const l of jsonl.split('\r\n')) {
    try {
      const o = JSON.parse(l);
      texts[o.id] ??= o.text; // the first of a duplicated id is the one processed
    } catch {
      /* the malformed line */
    }
  }
  let exact = true;
  for (const line of readFileSync(join(out, 'documents.jsonl'), 'utf8').trim().split('\n')) {
    const g = JSON.parse(line);
    const text = texts[g.document.id];
    if (typeof text !== 'string' || text === '') continue;
    for (const e of g.entities) for (const mm of e.mentions) exact &&= text.slice(mm.start, mm.end) === mm.text;
  }
  check(exact, 'mention offsets exact in CRLF, bidi, presentation-form, mixed-script and quote documents');
}

// ---------------------------------------------------------------------------------------------
async function runLevelFaults() {
  console.log('\n== run-level faults: the error each one got');
  const input = join(work, 'small.jsonl');
  writeFileSync(input, `${doc('a', NEWS)}\n${doc('b', NEWS.replace('الدوحة', 'القاهرة'))}\n`);
  const show = (what, r) => console.log(`${what}: exit ${r.code}\n  ${r.stderr.trim().split('\n').join('\n  ')}`);

  // Broken gazetteer line.
  cpSync(join(ROOT, 'gazetteers'), join(work, 'gaz'), { recursive: true });
  const gf = join(work, 'gaz', 'countries.jsonl');
  const gl = readFileSync(gf, 'utf8').split('\n');
  gl[4] = gl[4].replace(/"type":\s*"COUNTRY"/, '"type":"CUNTRY"');
  gl[6] = '{"id": "country:xx", "type": ';
  writeFileSync(gf, gl.join('\n'));
  const p = JSON.parse(readFileSync(PIPELINE, 'utf8'));
  writeFileSync(join(work, 'p-gaz.json'), JSON.stringify({ ...p, resources: { gazetteers: join(work, 'gaz'), lexicons: join(ROOT, 'lexicons') } }, null, 2));
  let r = await cli(['extract', input, '-o', join(work, 'o1'), '--pipeline', join(work, 'p-gaz.json')]);
  show('broken gazetteer file', r);
  check(r.code === 2 && r.stderr.includes(`${gf}:5:type`) && r.stderr.includes(`${gf}:7`), 'broken gazetteer: exit 2, file:line:field');

  // Unknown stage and bad options in the pipeline file.
  const stages = p.stages.map((s) => (s.name === 'titles' ? { name: 'titels' } : s.name === 'relations' ? { name: 'relations', options: { minConfidence: 2 } } : s));
  writeFileSync(join(work, 'p-stage.json'), JSON.stringify({ ...p, resources: { gazetteers: join(ROOT, 'gazetteers'), lexicons: join(ROOT, 'lexicons') }, stages }, null, 2));
  r = await cli(['extract', input, '-o', join(work, 'o2'), '--pipeline', join(work, 'p-stage.json')]);
  show('unknown stage name and bad option', r);
  check(r.code === 2 && r.stderr.includes('unknown stage "titels"') && r.stderr.includes('options.minConfidence'), 'bad pipeline: exit 2, file:field');

  // Output directory in the way of a file; missing input.
  writeFileSync(join(work, 'a-file'), 'x');
  r = await cli(['extract', input, '-o', join(work, 'a-file', 'out'), '--pipeline', PIPELINE]);
  show('output directory under a file', r);
  check(r.code === 2 && r.stderr.includes('cannot use output directory'), 'unusable output directory: exit 2');
  r = await cli(['extract', join(work, 'missing.jsonl'), '-o', join(work, 'o3'), '--pipeline', PIPELINE]);
  show('missing input', r);
  check(r.code === 2 && r.stderr.includes('no such file or directory'), 'missing input: exit 2');

  // Read-only and full file systems need a small tmpfs (root).
  const mnt = join(work, 'mnt');
  mkdirSync(mnt);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mnt]).status === 0;
  if (!mounted) console.log('(cannot mount a tmpfs here: read-only and full-disk checks skipped; tests/reliability.test.ts injects ENOSPC instead)');
  else {
    try {
      const big = join(work, 'big.jsonl');
      writeFileSync(big, readFileSync(join(work, 'input.jsonl'), 'utf8').split('\n').slice(0, 400).join('\n') + '\n');
      r = await cli(['extract', big, '-o', join(mnt, 'out'), '--pipeline', PIPELINE, '--chunk-size', '25']);
      show('full disk (512 KB tmpfs)', r);
      const journal = join(mnt, 'out', '.shabaka-journal');
      const leftovers = existsSync(journal) ? readdirSync(journal).filter((f) => f.endsWith('.tmp')) : ['(no journal)'];
      check(r.code === 2 && r.stderr.includes('ENOSPC') && leftovers.length === 0 && !existsSync(join(mnt, 'out', 'documents.jsonl')), 'ENOSPC: exit 2, clear error, no partial files');
      // Move the committed work to a roomy disk and finish it there.
      cpSync(join(mnt, 'out'), join(work, 'enospc-resumed'), { recursive: true });
      const ref = await cli(['extract', big, '-o', join(work, 'enospc-ref'), '--pipeline', PIPELINE]);
      const res = await cli(['extract', big, '-o', join(work, 'enospc-resumed'), '--pipeline', PIPELINE, '--chunk-size', '25', '--resume']);
      console.log(`  resumed elsewhere: exit ${res.code}; ${res.stderr.split('\n').find((l) => l.includes('resuming')) ?? ''}`);
      check(ref.code === 0 && res.code === 0 && read(join(work, 'enospc-resumed', 'documents.jsonl')).equals(read(join(work, 'enospc-ref', 'documents.jsonl'))), 'after ENOSPC, --resume completes identically');
      spawnSync('mount', ['-o', 'remount,ro', mnt]);
      r = await cli(['extract', input, '-o', join(mnt, 'ro-out'), '--pipeline', PIPELINE]);
      show('read-only output directory', r);
      check(r.code === 2 && r.stderr.includes('EROFS'), 'read-only output: exit 2');
    } finally {
      spawnSync('umount', [mnt]);
    }
  }

  // A worker that runs out of memory: retried once on a fresh worker, then failed; the rest goes on.
  // (The 2 MB document needs 75–90 MB of worker heap as of 29 Nov; 40 MB leaves a margin for later savings.)
  const oom = join(work, 'oom.jsonl');
  const words = NEWS.split(' ');
  let t = '';
  for (let i = 0; t.length < 2_000_000; i++) t += `${words[i % words.length]} `;
  writeFileSync(oom, `${doc('before', NEWS)}\n${doc('memory-hog', t)}\n${doc('after', NEWS)}\n`);
  r = await cli(['extract', oom, '-o', join(work, 'o-oom'), '--pipeline', PIPELINE, '--concurrency', '1', '--worker-memory', '40']);
  show('worker out of memory (--worker-memory 40)', r);
  const m = manifest(join(work, 'o-oom'));
  check(r.code === 1 && m.documents.map((d) => d.status).join(',') === 'ok,failed,ok' && /worker crashed twice/.test(m.documents[1].reason), 'crashed worker: retried once, then failed; others ok');
}

await killAndResume();
await badInputs();
await runLevelFaults();
console.log(`\n${failures ? `${failures} check(s) FAILED` : 'all checks passed'}; work directory ${work}${opt.keep ? '' : ' (removed)'}`);
if (!opt.keep) rmSync(work, { recursive: true, force: true });
process.exitCode = failures ? 1 : 0;
