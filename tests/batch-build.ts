// Compiles src/ once per test file into a private directory (esbuild, no bundling), so tests that
// start worker threads or the CLI run the current sources, not whatever dist/ holds right now.
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.js';

const list = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? list(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });

let built: { dir: string; cli: string; workerUrl: URL } | undefined;

export function testBuild(): { dir: string; cli: string; workerUrl: URL } {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'shabaka-build-'));
  buildSync({ entryPoints: list(join(ROOT, 'src')), outdir: join(dir, 'dist'), outbase: join(ROOT, 'src'), format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const d of ['node_modules', 'pipelines', 'gazetteers', 'lexicons']) symlinkSync(join(ROOT, d), join(dir, d));
  mkdirSync(join(dir, 'tmp'));
  built = { dir, cli: join(dir, 'dist', 'cli.js'), workerUrl: pathToFileURL(join(dir, 'dist', 'batch', 'worker.js')) };
  return built;
}

/** The first `n` documents of a real corpus (streamed, never copied into the repository). */
export async function corpusSample(n: number, corpus = 'ant-2018.jsonl.gz'): Promise<string[]> {
  const { createReadStream } = await import('node:fs');
  const { createGunzip } = await import('node:zlib');
  const { createInterface } = await import('node:readline');
  const { SHARED } = await import('./helpers.js');
  const stream = createReadStream(join(SHARED, 'corpora', corpus)).pipe(createGunzip());
  const lines: string[] = [];
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lines.push(line);
    if (lines.length >= n) break;
  }
  stream.destroy();
  return lines;
}

/**
 * A stand-in extraction worker (same protocol as src/batch/worker.ts) for testing the batch
 * machinery fast: each word of a text becomes an entity, the first two words MET_WITH. Texts
 * containing CRASH_ALWAYS make the worker exit, CRASH_ONCE only the first time (a marker file
 * remembers), HANG loops forever, SLOW spins for 30 ms. `batches`: like the real worker, it takes
 * the documents it holds in batches (announced by a 'started' message), and one bad document
 * stops the whole batch.
 */
export function fakeWorker(o: { batches?: boolean } = {}): URL {
  const { dir } = testBuild();
  const file = join(dir, o.batches ? 'fake-batch-worker.mjs' : 'fake-worker.mjs');
  const lexicons = join(ROOT, 'lexicons');
  const src = `
import { parentPort, workerData } from 'node:worker_threads';
import { existsSync, writeFileSync } from 'node:fs';
const marker = ${JSON.stringify(join(dir, 'tmp'))};
parentPort.postMessage({ type: 'ready', config: { file: workerData.pipelineFile, name: 'fake', lang: 'ar', gazetteerDir: '', lexiconDir: ${JSON.stringify(lexicons)}, stages: [] }, gazetteers: {} });
const batches = ${o.batches ? 'true' : 'false'};
const pending = [];
parentPort.on('message', (m) => {
  if (!batches) return parentPort.postMessage(handle(m.rec));
  pending.push(m);
  if (pending.length === 1) setTimeout(() => {
    while (pending.length) {
      let n = 1;
      if (!pending[0].alone) while (n < pending.length && n < 16 && !pending[n].alone) n++;
      const batch = pending.splice(0, n);
      parentPort.postMessage({ type: 'started', count: n });
      const results = batch.map((x) => handle(x.rec));
      for (const r of results) parentPort.postMessage(r);
    }
  }, 20); // gathers what the pool sends ahead, so that batches hold several documents
});
function handle(rec) {
  const t = rec.doc.text;
  if (t.includes('CRASH_ALWAYS')) process.exit(7);
  if (t.includes('CRASH_ONCE')) { const m = marker + '/crashed-' + rec.doc.id.replace(/[^a-z0-9]/gi, '_'); if (!existsSync(m)) { writeFileSync(m, ''); throw new Error('boom on ' + rec.doc.id); } }
  if (t.includes('HANG')) for (;;) {}
  if (t.includes('SLOW')) { const until = Date.now() + 30; while (Date.now() < until) {} }
  const entities = [];
  const seen = new Set();
  for (const m of t.matchAll(/\\S+/g)) {
    const id = 'w:' + m[0];
    if (seen.has(id)) continue;
    seen.add(id);
    entities.push({ id, type: 'LOCATION', name: { ar: m[0], en: '' }, source: 'fake', mentions: [{ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'name', sentence: 0, rule: 'fake' }] });
  }
  const relations = entities.length > 1 ? [{ id: rec.doc.id, type: 'MET_WITH', source: entities[1].id, target: entities[0].id, attributes: { mode: t.length % 2 ? 'phone' : 'in_person' }, confidence: 1, evidence: [{ start: 0, end: t.length, text: t }], rule: 'fake' }] : [];
  const graph = { schema: 'shabaka/document-graph@1', document: { id: rec.doc.id, lang: 'ar', length: t.length }, sentences: [{ start: 0, end: t.length }], entities, relations };
  return { type: 'result', entry: { id: rec.doc.id, input: rec.input, status: 'ok' }, line: JSON.stringify(graph) + '\\n' };
}
`;
  writeFileSync(file, src);
  return pathToFileURL(file);
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the freshly compiled CLI; `onSpawn` may watch (and kill) the process. */
export function runCli(args: string[], o: { stdin?: string; cwd?: string; onSpawn?: (p: ReturnType<typeof spawn>) => void } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [testBuild().cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'], ...(o.cwd ? { cwd: o.cwd } : {}) });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    p.stdin.end(o.stdin ?? '');
    o.onSpawn?.(p);
  });
}

