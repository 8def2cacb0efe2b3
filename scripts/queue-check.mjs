#!/usr/bin/env node
// Acceptance check of the queue (issue 9): N documents of a real corpus (default 5,000 of
// ../shared/corpora/ant-2018.jsonl.gz), run (1) locally with `extract`, (2) on the queue with two
// workers, (3) on the queue with two workers of which one is SIGKILLed in the middle of a job and
// started again. documents.jsonl and graph.json must be byte-identical to the local run, the
// manifests equal but for run metadata. Needs `npm run build` and a Redis
// (`bash scripts/redis-ensure.sh`); takes a few minutes per run.
//   node scripts/queue-check.mjs [--docs N] [--corpus FILE] [--cli dist/cli.js] [--keep DIR]
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values: o } = parseArgs({
  options: {
    docs: { type: 'string', default: '5000' },
    corpus: { type: 'string', default: join(ROOT, '../shared/corpora/ant-2018.jsonl.gz') },
    cli: { type: 'string', default: join(ROOT, 'dist/cli.js') },
    keep: { type: 'string' },
    'batch-size': { type: 'string', default: '50' },
  },
});
const N = Number(o.docs);
const dir = o.keep ? resolve(o.keep) : mkdtempSync(join(tmpdir(), 'shabaka-queue-check-'));
mkdirSync(dir, { recursive: true });
const prefix = `shabaka-check-${process.pid}`;
const log = (s) => process.stderr.write(`queue-check: ${s}\n`);

function run(args, { onStderr } = {}) {
  const p = spawn(process.execPath, [o.cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => {
    err += d;
    onStderr?.(err, p);
  });
  const done = new Promise((r) => p.on('close', (code, signal) => r({ code, signal, out, err })));
  return { p, done };
}

async function sample() {
  const file = join(dir, 'input.jsonl');
  const lines = [];
  const rl = createInterface({ input: createReadStream(o.corpus).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    lines.push(line);
    if (lines.length >= N) break;
  }
  rl.close();
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function timed(label, fn) {
  const t0 = Date.now();
  const r = await fn();
  log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

/** One queued run with two workers; `kill` SIGKILLs worker 1 mid-job once it has done `after` jobs, then starts it again. */
async function queued(name, input, kill) {
  const Q = ['--prefix', prefix, '--queue', name];
  try {
    return await queuedRun(name, input, kill, Q);
  } finally {
    await run(['queue', 'clear', ...Q]).done;
  }
}

async function queuedRun(name, input, kill, Q) {
  const add = await run(['queue', 'add', input, ...Q, '--batch-size', o['batch-size']]).done;
  if (add.code !== 0) throw new Error(`queue add: ${add.err}`);
  const args = ['worker', ...Q, '--concurrency', '1', '--until-done', '--verbose', '--lock-duration', '10'];
  let killedJob;
  const first = run(args, {
    onStderr: (err, p) => {
      if (!kill || killedJob) return;
      const done = (err.match(/ done\n/g) ?? []).length;
      const started = [...err.matchAll(/job (b\d+) started/g)].map((m) => m[1]);
      const open = started.filter((j) => !err.includes(`job ${j} done`));
      if (done >= kill.after && open.length) {
        killedJob = open[0];
        p.kill('SIGKILL');
        log(`${name}: killed worker 1 (pid ${p.pid}) in the middle of job ${killedJob}`);
      }
    },
  });
  const second = run(args);
  const r1 = await first.done;
  let r1b;
  if (kill) {
    if (!killedJob) throw new Error(`worker 1 ended (exit ${r1.code}) before it could be killed: ${r1.err.slice(-1500)}`);
    if (r1.err.includes(`job ${killedJob} done`)) throw new Error(`job ${killedJob} finished before the kill landed`);
    r1b = await run(args).done; // the killed machine comes back
  }
  const r2 = await second.done;
  for (const [w, r] of [['worker 1', kill ? r1b : r1], ['worker 2', r2]]) if (r.code !== 0) throw new Error(`${name}: ${w} exit ${r.code}: ${r.err.slice(-2000)}`);
  if (kill) {
    const redone = [r1b.err, r2.err].some((e) => e.includes(`job ${killedJob} done`));
    if (!redone) throw new Error(`${name}: nobody finished the killed job ${killedJob}`);
    log(`${name}: job ${killedJob} was taken over and finished`);
  }
  const out = join(dir, name);
  const c = await run(['queue', 'collect', '-o', out, ...Q]).done;
  if (c.code === 2) throw new Error(`collect: ${c.err}`);
  return out;
}

function compare(local, other, label) {
  const problems = [];
  for (const f of ['documents.jsonl', 'graph.json']) {
    if (!readFileSync(join(local, f)).equals(readFileSync(join(other, f)))) problems.push(`${f} differs`);
  }
  const a = JSON.parse(readFileSync(join(local, 'manifest.json'), 'utf8'));
  const b = JSON.parse(readFileSync(join(other, 'manifest.json'), 'utf8'));
  for (const k of ['schema', 'version', 'pipeline', 'gazetteers', 'lexicons', 'inputs', 'limits', 'counts', 'stats', 'exports', 'documents']) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) problems.push(`manifest.${k} differs`);
  }
  log(`${label}: ${problems.length ? `DIFFERENT: ${problems.join('; ')}` : `identical (${b.counts.ok} ok, ${b.counts.failed} failed, ${b.counts.skipped} skipped; ${b.stats.entities} entities, ${b.stats.relations} relations)`}`);
  return problems.length === 0;
}

try {
  const input = await sample();
  log(`${N} documents in ${input}; outputs in ${dir}`);
  const local = join(dir, 'local');
  const l = await timed('local extract (2 threads)', () => run(['extract', input, '-o', local, '--concurrency', '2']).done);
  if (l.code === 2) throw new Error(`extract: ${l.err}`);
  const plain = await timed('queue, two workers', () => queued('plain', input, undefined));
  const killed = await timed('queue, two workers, one killed mid-job', () => queued('killed', input, { after: Math.max(1, Math.floor(N / Number(o['batch-size']) / 8)) }));
  const ok = [compare(local, plain, 'two workers'), compare(local, killed, 'one worker killed')].every(Boolean);
  process.exitCode = ok ? 0 : 1;
} catch (e) {
  log(`FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  if (!o.keep) rmSync(dir, { recursive: true, force: true });
}
