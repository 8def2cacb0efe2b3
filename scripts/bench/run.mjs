// One measured run in a fresh process (so peak RSS is this run's own): streams the corpus, hands
// batches of raw lines to W worker threads with bounded in-flight work, and prints one JSON line.
//   node scripts/bench/run.mjs --bundle B --corpus F --docs N --workers W --pipeline P
import { Worker } from 'node:worker_threads';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { threadCpuMs } from './thread-cpu.mjs';

const { values: a } = parseArgs({
  options: { bundle: { type: 'string' }, corpus: { type: 'string' }, docs: { type: 'string' }, workers: { type: 'string' }, pipeline: { type: 'string' }, batch: { type: 'string', default: '16' }, 'heap-mb': { type: 'string' }, mode: { type: 'string', default: 'thread' }, deciles: { type: 'boolean', default: false } },
});
const W = Number(a.workers), limit = Number(a.docs) > 0 ? Number(a.docs) : Infinity, BATCH = Number(a.batch);
const workerUrl = new URL('./worker.mjs', import.meta.url);

const tStart = performance.now();
const workers = await Promise.all(
  Array.from({ length: W }, () => new Promise((resolve, reject) => {
    // --heap-mb caps each worker's old generation (as extract --worker-memory does), to tell
    // retained memory from garbage V8 has not collected yet.
    const data = { bundle: a.bundle, pipeline: a.pipeline };
    if (a.mode === 'process') {
      // A child process per worker (as `extract --workers process` does): V8 isolates in one process slow each other down.
      const execArgv = a['heap-mb'] ? [`--max-old-space-size=${a['heap-mb']}`] : [];
      const c = fork(fileURLToPath(workerUrl), [], { execArgv, serialization: 'advanced', env: { ...process.env, SHABAKA_BENCH_WORKER: JSON.stringify(data) } });
      const w = { postMessage: (m) => c.send(m), on: (e, f) => c.on(e, f), once: (e, f) => c.once(e, f), terminate: async () => { c.kill('SIGKILL'); }, child: c };
      c.once('error', reject);
      c.once('message', (m) => resolve({ w, startupMs: m.startupMs, cpuAtReady: m.threadCpuMs ?? null, inFlight: 0 }));
      return;
    }
    const limits = a['heap-mb'] ? { resourceLimits: { maxOldGenerationSizeMb: Number(a['heap-mb']) } } : {};
    const w = new Worker(workerUrl, { workerData: data, ...limits });
    w.once('error', reject);
    w.once('message', (m) => resolve({ w, startupMs: m.startupMs, cpuAtReady: m.threadCpuMs ?? null, inFlight: 0 }));
  })),
);
const startupMs = performance.now() - tStart;

const totals = { docs: 0, bytes: 0, outBytes: 0, failed: 0 };
// (time, bytes done) at each finished batch: the second half of a run, after V8 has compiled the
// hot code, gives the steady-state rate apart from the warm-up.
const marks = [];
let waiting = null; // resolves when some worker has room
for (const s of workers) {
  s.w.on('message', (m) => {
    if (m.type !== 'done') return;
    s.inFlight--;
    for (const k of Object.keys(totals)) totals[k] += m[k];
    marks.push([performance.now(), totals.bytes]);
    if (waiting) { const r = waiting; waiting = null; r(); }
  });
}
const MAX_IN_FLIGHT = 2;
const freeSlot = () => workers.filter((s) => s.inFlight < MAX_IN_FLIGHT).sort((x, y) => x.inFlight - y.inFlight)[0];
const send = async (lines) => {
  let s = freeSlot();
  while (!s) {
    await new Promise((r) => (waiting = r));
    s = freeSlot();
  }
  s.inFlight++;
  s.w.postMessage({ type: 'batch', lines });
};

const t0 = performance.now(), cpu0 = process.cpuUsage(), elu0 = performance.eventLoopUtilization(), mainCpu0 = threadCpuMs();
let stream = createReadStream(a.corpus);
if (a.corpus.endsWith('.gz')) stream = stream.pipe(createGunzip());
const rl = createInterface({ input: stream, crlfDelay: Infinity });
let batch = [], read = 0;
for await (const line of rl) {
  if (!line.trim()) continue;
  batch.push(line);
  read++;
  if (batch.length >= BATCH) { await send(batch); batch = []; }
  if (read >= limit) break;
}
rl.close();
stream.destroy();
if (batch.length) await send(batch);
while (workers.some((s) => s.inFlight > 0)) await new Promise((r) => (waiting = r));
const wallMs = performance.now() - t0; const elu = performance.eventLoopUtilization(elu0);
const tEnd = t0 + wallMs;
// --deciles: the rate over each tenth of the bytes (the JIT warm-up and the new forms weigh on the first).
if (a.deciles) {
  const at = (q) => (q === 0 ? [t0, 0] : marks.find(([, b]) => b >= (totals.bytes * q) / 10) ?? [tEnd, totals.bytes]);
  const rates = Array.from({ length: 10 }, (_, q) => { const [t1, b1] = at(q), [t2, b2] = at(q + 1); return ((b2 - b1) / 1e3 / Math.max(1e-9, t2 - t1)).toFixed(1); });
  process.stderr.write(`deciles MB/s: ${rates.join(' ')}\n`);
}
const half = marks.find(([, b]) => b >= totals.bytes / 2) ?? [t0, 0];
const steadyMbPerS = tEnd > half[0] ? (totals.bytes - half[1]) / 1e6 / ((tEnd - half[0]) / 1000) : null;
const mainCpuMs = mainCpu0 === null ? null : threadCpuMs() - mainCpu0;
const cpu = process.cpuUsage(cpu0);
let cpuMs = (cpu.user + cpu.system) / 1000;

const stages = {};
let childCpuMs = 0, childRssKb = 0, workerThreadCpuMs = 0;
for (const s of workers) {
  const m = await new Promise((r) => { s.w.on('message', (x) => x.type === 'stages' && r(x)); s.w.postMessage({ type: 'finish' }); });
  for (const [k, v] of Object.entries(m.stages)) stages[k] = (stages[k] ?? 0) + v;
  // From the worker's ready message on: the run's share, as process.cpuUsage(cpu0) above.
  if (m.threadCpuMs != null && s.cpuAtReady !== null) workerThreadCpuMs += m.threadCpuMs - s.cpuAtReady;
  if (m.usage) {
    // Whole-life CPU of the child (start-up included): a slight overestimate of the run's.
    childCpuMs += (m.usage.userCPUTime + m.usage.systemCPUTime) / 1000;
    childRssKb += m.usage.maxRSS;
  }
}
await Promise.all(workers.map((s) => s.w.terminate()));
const ru = process.resourceUsage();
cpuMs += childCpuMs;
// Processes: the sum of each one's peak (an upper bound of the peak of the sum).
const peakRssKb = ru.maxRSS + childRssKb;
process.stdout.write(`${JSON.stringify({
  workers: W, ...totals, wallMs, startupMs,
  mbPerS: totals.bytes / 1e6 / (wallMs / 1000), docsPerS: totals.docs / (wallMs / 1000),
  // CPU time of the whole process (all threads) over the same window: MB per CPU-second moves
  // less than wall time when other jobs share the machine.
  cpuMs, mbPerCpuS: totals.bytes / 1e6 / (cpuMs / 1000),
  mainThreadBusy: elu.utilization, steadyMbPerS,
  // Where the CPU time went (threads only, Linux): the workers' own threads, the main thread, and
  // the rest of the process: V8's compiler and GC helper threads (the JIT warm-up of each worker).
  cpuSplitMs: a.mode === 'thread' && mainCpuMs !== null ? { workers: workerThreadCpuMs, main: mainCpuMs, v8Helpers: cpuMs - workerThreadCpuMs - mainCpuMs } : null, mode: a.mode, peakRssMb: peakRssKb / 1024, cpuUserMs: ru.userCPUTime / 1000, stagesMs: stages,
})}\n`);
