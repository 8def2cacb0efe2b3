// The queue (src/queue): batching, the pipeline pin, and a real run on Redis with two worker
// processes, one killed with SIGKILL in the middle of a job: the output must be the local run's.
// Needs a Redis at $REDIS_URL or 127.0.0.1:6379 (`bash scripts/redis-ensure.sh`) and ioredis.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputRecord } from '../src/io/inputs.js';
import { batchRecords } from '../src/queue/jobs.js';
import { connectRedis, redisUrl } from '../src/queue/redis.js';
import { pinKey, type PipelinePin } from '../src/queue/store.js';
import { corpusSample, runCli, testBuild } from './batch-build.js';

const rec = (id: string, text: string): InputRecord => ({ ok: true, input: `news.jsonl:${id}`, doc: { id, text }, bytes: Buffer.byteLength(text) });
const NEWS = [
  'استقبل أمير دولة قطر الشيخ تميم بن حمد آل ثاني في الدوحة وزير الخارجية الأمريكي أنتوني بلينكن.',
  'بحث وزير الخارجية السعودي الأمير فيصل بن فرحان مع نظيره الإيراني العلاقات بين البلدين.',
  'وصل الرئيس الفرنسي إيمانويل ماكرون إلى القاهرة في زيارة رسمية تستغرق يومين.',
  'The foreign ministers of Qatar and Egypt met in Cairo on Monday to discuss the ceasefire talks.',
  'أدانت جامعة الدول العربية القصف الذي استهدف مدينة رفح جنوب قطاع غزة.',
];

async function* from<T>(xs: T[]): AsyncGenerator<T> {
  yield* xs;
}

describe('batching', () => {
  it('keeps input order and positions, and closes a batch at its size or its byte budget', async () => {
    const recs = NEWS.map((t, i) => rec(`n${i}`, t));
    const bySize = [];
    for await (const b of batchRecords(from(recs), { size: 2, maxBytes: 1 << 20 })) bySize.push(b);
    expect(bySize.map((b) => [b.index, b.data.first, b.data.records.map((r) => (r.ok ? r.doc.id : r.id))])).toEqual([
      [0, 0, ['n0', 'n1']],
      [1, 2, ['n2', 'n3']],
      [2, 4, ['n4']],
    ]);
    // A budget below two documents' bytes: each document travels alone, the large one too.
    const byBytes = [];
    for await (const b of batchRecords(from(recs), { size: 10, maxBytes: 200 })) byBytes.push(b);
    expect(byBytes.map((b) => [b.data.first, b.data.records.length])).toEqual([[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]]);
  });
});

describe('pipeline pin', () => {
  const pin = (over: Partial<PipelinePin> = {}, dir = '/srv/a'): PipelinePin => ({
    version: '0.1.0',
    pipeline: { file: `${dir}/pipelines/news-ar.json`, name: 'news-ar', lang: 'ar', gazetteerDir: `${dir}/gazetteers`, stages: [{ name: 'text', options: {} }] },
    gazetteers: { 'countries.jsonl': 'aa' },
    lexicons: { 'triggers.json': 'bb' },
    ...over,
  });
  it('lets machines with other paths join, but not other data or versions', () => {
    expect(pinKey(pin({}, '/home/b/shabaka'))).toBe(pinKey(pin()));
    expect(pinKey(pin({ gazetteers: { 'countries.jsonl': 'ab' } }))).not.toBe(pinKey(pin()));
    expect(pinKey(pin({ lexicons: { 'triggers.json': 'bc' } }))).not.toBe(pinKey(pin()));
    expect(pinKey(pin({ version: '0.2.0' }))).not.toBe(pinKey(pin()));
  });
});

const hasDriver = ((): boolean => {
  try {
    createRequire(import.meta.url).resolve('ioredis');
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasDriver)('queue on Redis', () => {
  const prefix = `shabaka-test-${process.pid}-${Date.now().toString(36)}`;
  const tmp = mkdtempSync(join(tmpdir(), 'shabaka-queue-'));
  const Q = ['--redis', redisUrl(), '--prefix', prefix, '--queue', 'news'];
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await runCli(['queue', 'clear', ...Q]);
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Starts `shabaka worker`; resolves its exit with everything it wrote to stderr. */
  const startWorker = (args: string[]): { proc: ChildProcess; stderr: () => string; exit: Promise<number | null> } => {
    const proc = spawn(process.execPath, [testBuild().cli, 'worker', ...Q, '--concurrency', '1', '--verbose', '--lock-duration', '1', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(proc);
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    return { proc, stderr: () => err, exit: new Promise((r) => proc.on('close', (code) => r(code))) };
  };

  it('two workers, one killed mid-job, give the bytes of a local run', async () => {
    // 24 real news articles, a malformed line and a repeated id: failures must keep their place too.
    const lines = await corpusSample(24);
    const input = join(tmp, 'ant.jsonl');
    writeFileSync(input, [...lines.slice(0, 10), '{"id": "broken', ...lines.slice(10), lines[3]].join('\n') + '\n');

    const local = await runCli(['extract', input, '-o', join(tmp, 'local'), '--concurrency', '1']);
    expect(local.code, local.stderr).toBe(1);

    const added = await runCli(['queue', 'add', input, ...Q, '--batch-size', '6']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain('queued 26 documents in 5 jobs');
    const early = await runCli(['queue', 'collect', '-o', join(tmp, 'early'), ...Q]);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/not finished: 0 of 26 documents done/);

    /** Resolves the first match of `re` in A's stderr; rejects if A ends first. */
    const watch = (re: RegExp): Promise<RegExpExecArray> =>
      new Promise((resolve, reject) => {
        const t = setInterval(() => {
          const m = re.exec(a.stderr());
          if (m) {
            clearInterval(t);
            resolve(m);
          } else if (a.proc.exitCode !== null) {
            clearInterval(t);
            reject(new Error(`worker A ended early: ${a.stderr()}`));
          }
        }, 5);
      });
    const a = startWorker([]);
    // B starts once A can take jobs, so A is sure to get one (B alone could otherwise do them all).
    await watch(/thread\(s\) ready/);
    const b = startWorker(['--until-done']);
    // Kill A as soon as it has taken a job: that job is in neither A's results nor its "done" lines.
    const started = await watch(/job (b\d+) started/);
    a.proc.kill('SIGKILL');
    const killed = started[1]!;
    expect(await a.exit).toBe(null);
    expect(a.stderr()).not.toContain(`job ${killed} done`);
    expect(await b.exit, b.stderr()).toBe(0);
    // B took the dead worker's job over (stalled-job recovery) and finished it.
    expect(b.stderr()).toContain(`job ${killed} done`);

    const status = await runCli(['queue', 'status', '--json', ...Q]);
    expect(JSON.parse(status.stdout)).toMatchObject({ done: 26, finished: true, run: { documents: 26, batches: 5, complete: true } });

    const out = join(tmp, 'queued');
    const collected = await runCli(['queue', 'collect', '-o', out, ...Q]);
    expect(collected.code, collected.stderr).toBe(1); // as the local run: two documents failed
    for (const f of ['documents.jsonl', 'graph.json']) expect(readFileSync(join(out, f)).equals(readFileSync(join(tmp, 'local', f))), f).toBe(true);
    const m = (d: string): Record<string, unknown> => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const [lm, qm] = [m(join(tmp, 'local')), m(out)];
    for (const k of ['schema', 'version', 'pipeline', 'gazetteers', 'lexicons', 'inputs', 'limits', 'counts', 'stats', 'exports', 'documents']) expect(qm[k], k).toEqual(lm[k]);
    expect(qm['counts']).toEqual({ ok: 24, failed: 2, skipped: 0 });
    expect(readFileSync(join(out, 'documents.jsonl'), 'utf8').trim().split('\n')).toHaveLength(24);

    // Clearing leaves no key of the run behind.
    expect((await runCli(['queue', 'clear', ...Q])).code).toBe(0);
    const redis = await connectRedis(redisUrl());
    try {
      const [, keys] = await redis.scan('0', 'MATCH', `${prefix}:*`, 'COUNT', 10000);
      expect(keys).toEqual([]);
    } finally {
      await redis.quit();
    }
    // Four processes each build the pipeline: seconds alone, much more beside the rest of the suite on two cores.
  }, 180_000);

  it('refuses a worker whose pipeline data differ from the run', async () => {
    // A run pinned by a worker with other gazetteer hashes: this worker must not add its results.
    const redis = await connectRedis(redisUrl());
    const other = `${prefix}-pin`;
    try {
      await redis.set(`${other}:news:shabaka:pipeline`, JSON.stringify({ version: '0.1.0', pipeline: { name: 'news-ar', lang: 'ar', stages: [] }, gazetteers: {}, lexicons: {} }));
      const w = await runCli(['worker', '--redis', redisUrl(), '--prefix', other, '--queue', 'news', '--concurrency', '1', '--until-done']);
      expect(w.code).toBe(2);
      expect(w.stderr).toMatch(/differ from the run's/);
    } finally {
      await runCli(['queue', 'clear', '--redis', redisUrl(), '--prefix', other, '--queue', 'news']);
      const [, keys] = await redis.scan('0', 'MATCH', `${other}:*`, 'COUNT', 10000);
      await redis.quit();
      expect(keys).toEqual([]);
    }
  });
});
