// Bad input, faults and safety: every failure is explained in the manifest, the rest of the batch
// is unharmed, and the output directory stays consistent.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../src/batch/run.js';
import { admitRecord, processRecord } from '../src/batch/record.js';
import { nodeFileOps, type FileOps } from '../src/io/atomic.js';
import { readInputs, readJsonlStream, type InputRecord } from '../src/io/inputs.js';
import { OutputDir, OutputError } from '../src/io/output-dir.js';
import { fakeWorker, runCli } from './batch-build.js';
import { pipeline, PIPELINE_FILE, ROOT } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'shabaka-rel-'));
const LIMIT = { maxDocumentBytes: 64 * 1024 };

async function records(jsonl: Buffer | string, o = LIMIT): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const r of readJsonlStream(Readable.from([typeof jsonl === 'string' ? Buffer.from(jsonl) : jsonl]), 'in.jsonl', o)) out.push(r);
  return out;
}

const NEWS = 'التقى وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني نظيره الأمريكي أنتوني بلينكن في الدوحة.';
const doc = (id: string, text: string): string => JSON.stringify({ id, text });

describe('bad input: each gets a clear reason, the others go through', () => {
  it('malformed JSONL lines and invalid UTF-8 are reported with their line numbers', async () => {
    const bad = Buffer.concat([Buffer.from(`${doc('a', NEWS)}\n{"id": "b", "text": "بلا إغلاق\n`), Buffer.from('{"id":"c","text":"'), Buffer.from([0xd8, 0x28, 0xff]), Buffer.from(`"}\n${doc('d', NEWS)}\n`)]);
    const rs = await records(bad);
    expect(rs.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(rs[1]).toMatchObject({ input: 'in.jsonl:2', reason: expect.stringMatching(/^malformed JSON on line 2: /) });
    expect(rs[2]).toMatchObject({ input: 'in.jsonl:3', reason: 'invalid UTF-8 on line 3' });
  });

  it('missing or non-string text, and empty ids, name the field', async () => {
    const rs = await records(`{"id":"x"}\n{"id":"y","text":42}\n{"id":"","text":"نص"}\n[1,2]\n`);
    expect(rs.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'invalid document on line 1: text: text is missing',
      'invalid document on line 2: text: text must be a string, got number',
      'invalid document on line 3: id: id must be a non-empty string',
      expect.stringMatching(/^invalid document on line 4: /),
    ]);
    expect(rs[1]).toMatchObject({ id: 'y' });
  });

  it('a line over the size limit fails without being buffered, and keeps its id', async () => {
    const huge = doc('big-1', 'ب'.repeat(100_000));
    const rs = await records(`${doc('a', NEWS)}\n${huge}\n${doc('b', NEWS)}\n`);
    expect(rs.map((r) => r.ok)).toEqual([true, false, true]);
    expect(rs[1]).toMatchObject({ id: 'big-1', reason: expect.stringMatching(/^document too large: line 2 is 0\.2 MB, the limit is 0\.1 MB$/) });
  });

  it('duplicate ids fail after the first; BOM and CRLF are handled', async () => {
    const rs = await records(`\uFEFF${doc('a', NEWS)}\r\n${doc('a', 'نص آخر')}\r\n${doc('b', 'نص\r\nثان')}\r\n`);
    const seen = new Set<string>();
    const admitted = rs.map((r) => admitRecord(r, seen));
    expect(admitted.map((r) => r.ok)).toEqual([true, false, true]);
    expect(admitted[1]).toMatchObject({ id: 'a', reason: 'duplicate id "a" (an earlier document has it)' });
    expect(admitted[2]!.ok && admitted[2]!.doc.text).toBe('نص\r\nثان');
  });

  it('binary, invalid UTF-8 and oversized .txt files fail; a BOM is dropped; an empty text is skipped', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('caf\xe9', 'latin1'));
    writeFileSync(join(dir, 'big.txt'), 'ن'.repeat(40_000));
    writeFileSync(join(dir, 'bom.txt'), `\uFEFF${NEWS}`);
    writeFileSync(join(dir, 'empty.txt'), ' \n');
    const rs: InputRecord[] = [];
    for await (const r of readInputs(['bin', 'latin1', 'big', 'bom', 'empty'].map((n) => join(dir, `${n}.txt`)), LIMIT)) rs.push(r);
    expect(rs.map((r) => (r.ok ? 'ok' : r.reason.replace(`${dir}/`, '')))).toEqual([
      'cannot read bin.txt: binary file (contains NUL bytes)',
      'cannot read latin1.txt: invalid UTF-8',
      'cannot read big.txt: document too large: 0.1 MB, the limit is 0.1 MB',
      'ok',
      'ok',
    ]);
    expect(rs[3]!.ok && rs[3]!.doc.text).toBe(NEWS);
    expect(processRecord(pipeline(), rs[4]!).entry).toMatchObject({ status: 'skipped', reason: 'empty text (nothing to extract)' });
  });

  it('offsets stay exact with CRLF, bidi marks, presentation forms, mixed scripts and unbalanced quotes', () => {
    const texts = [
      NEWS.replace(/ /g, '\r\n'),
      `\u200F${NEWS.replace('الدوحة', '\u200Eالدوحة\u200F')}`,
      'ﻗﻄﺮ و ﺍﻟﻮﻻﻳﺎﺕ ﺍﻟﻤﺘﺤﺪﺓ: التقى أمير قطر الرئيس الأمريكي.',
      `Reuters — ${NEWS} (AFP) 2024 ٢٠٢٤ Привет 北京`,
      `قال "${NEWS} «وأضاف: ( [`,
    ];
    for (const text of texts) {
      const g = pipeline().process({ id: 't' }, text);
      expect(g.entities.length).toBeGreaterThan(0);
      for (const e of g.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const r of g.relations) for (const ev of r.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });

  it('a whole batch of bad inputs: a manifest line each, exit status 1, good documents unharmed', async () => {
    const dir = tmp();
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    writeFileSync(join(inDir, 'a.jsonl'), `${doc('good-1', NEWS)}\nnot json\n${doc('good-1', NEWS)}\n{"id":"no-text"}\n${doc('empty', '')}\n${doc('en', NEWS).replace('}', ',"lang":"xx"}')}\n`);
    writeFileSync(join(inDir, 'b.txt'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(inDir, 'good-2.txt'), `\uFEFF${NEWS}\r\n`);
    const out = join(dir, 'out');
    const r = await runCli(['extract', inDir, '-o', out, '--pipeline', PIPELINE_FILE, '--concurrency', '1']);
    expect(r.code).toBe(1);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { documents: { id: string; input: string; status: string; reason?: string }[]; counts: unknown };
    const rel = (s: string): string => relative(inDir, s);
    expect(m.documents.map((d) => [rel(d.input), d.status, d.reason?.replace(`${inDir}/`, '') ?? ''])).toEqual([
      ['a.jsonl:1', 'ok', ''],
      ['a.jsonl:2', 'failed', expect.stringMatching(/^malformed JSON on line 2/)],
      ['a.jsonl:3', 'failed', 'duplicate id "good-1" (an earlier document has it)'],
      ['a.jsonl:4', 'failed', 'invalid document on line 4: text: text is missing'],
      ['a.jsonl:5', 'skipped', 'empty text (nothing to extract)'],
      ['a.jsonl:6', 'skipped', 'language "xx" is not handled by pipeline news-ar'],
      ['b.txt', 'failed', 'cannot read b.txt: binary file (contains NUL bytes)'],
      ['good-2.txt', 'ok', ''],
    ]);
    expect(m.counts).toEqual({ ok: 2, failed: 4, skipped: 2 });
    const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8').trim().split('\n');
    expect(docs.map((l) => (JSON.parse(l) as { document: { id: string } }).document.id)).toEqual(['good-1', 'good-2']);
    expect(r.stderr).toContain('documents: 8 (2 ok, 4 failed, 2 skipped)');
  });
});

describe('broken configuration and output: exit status 2 with file:line:field', () => {
  it('an unknown stage name in the pipeline file', async () => {
    const dir = tmp();
    const p = JSON.parse(readFileSync(PIPELINE_FILE, 'utf8')) as { resources: Record<string, string>; stages: { name: string }[] };
    p.resources = { gazetteers: join(ROOT, 'gazetteers'), lexicons: join(ROOT, 'lexicons') };
    p.stages[1]!.name = 'gazeteer';
    writeFileSync(join(dir, 'p.json'), JSON.stringify(p, null, 2));
    writeFileSync(join(dir, 'in.jsonl'), `${doc('a', NEWS)}\n`);
    const r = await runCli(['extract', join(dir, 'in.jsonl'), '-o', join(dir, 'out'), '--pipeline', join(dir, 'p.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'p.json')}:stages.1.name: unknown stage "gazeteer"`);
  });

  it('a broken gazetteer line', async () => {
    const dir = tmp();
    cpSync(join(ROOT, 'gazetteers'), join(dir, 'gaz'), { recursive: true });
    const f = join(dir, 'gaz', 'countries.jsonl');
    const lines = readFileSync(f, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/"type":\s*"COUNTRY"/, '"type": "CUNTRY"');
    writeFileSync(f, lines.join('\n'));
    const p = JSON.parse(readFileSync(PIPELINE_FILE, 'utf8')) as { resources: Record<string, string> };
    p.resources = { gazetteers: join(dir, 'gaz'), lexicons: join(ROOT, 'lexicons') };
    writeFileSync(join(dir, 'p.json'), JSON.stringify(p));
    writeFileSync(join(dir, 'in.jsonl'), `${doc('a', NEWS)}\n`);
    const r = await runCli(['extract', join(dir, 'in.jsonl'), '-o', join(dir, 'out'), '--pipeline', join(dir, 'p.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${f}:3:type: `));
  });

  it('an output directory that cannot be created, and a missing input', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'x');
    writeFileSync(join(dir, 'in.jsonl'), `${doc('a', NEWS)}\n`);
    const r = await runCli(['extract', join(dir, 'in.jsonl'), '-o', join(dir, 'file', 'out'), '--pipeline', PIPELINE_FILE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot use output directory ${join(dir, 'file', 'out')}: a path component is not a directory (ENOTDIR)`);
    const r2 = await runCli(['extract', join(dir, 'nope.jsonl'), '-o', join(dir, 'o2'), '--pipeline', PIPELINE_FILE]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`input ${join(dir, 'nope.jsonl')}: no such file or directory`);
  });
});

/** A runBatch over `n` short documents with the stand-in worker. */
function fakeRun(dir: string, texts: string[], extra: Partial<BatchOptions> = {}): Promise<number> {
  const input = join(dir, 'in.jsonl');
  if (!existsSync(input)) writeFileSync(input, texts.map((t, i) => doc(`d${i}`, t)).join('\n') + '\n');
  return runBatch({
    inputs: [input],
    out: join(dir, 'out'),
    pipeline: PIPELINE_FILE,
    concurrency: 2,
    resume: false,
    maxDocumentBytes: 1 << 20,
    chunkSize: 3,
    exports: [],
    workerUrl: fakeWorker(),
    stderr: { write: () => true } as unknown as NodeJS.WritableStream,
    ...extra,
  });
}

const texts = (n: number): string[] => Array.from({ length: n }, (_, i) => `خبر رقم ${i} عن قطر ومصر ${i % 3 ? 'والأردن' : ''}`);

describe('faults', () => {
  // Each worker is sent several documents ahead: those queued behind a crash or a hang are sent
  // again without using an attempt, with one worker as with two.
  // A worker that runs batches (as src/batch/worker.ts does): a crash or hang inside a batch sends
  // each of its documents again to run alone, so that only the bad one uses attempts.
  it.each([
    [1, false],
    [2, false],
    [1, true],
    [2, true],
  ])('a crashed worker: its document is retried once, then marked failed; a hung one times out (%i workers, batches %s)', async (concurrency, batches) => {
    const dir = tmp();
    const t = texts(12);
    t[2] = 'CRASH_ONCE قطر';
    t[5] = 'CRASH_ALWAYS مصر';
    t[8] = 'HANG الأردن';
    expect(await fakeRun(dir, t, { documentTimeoutMs: 300, concurrency, workerUrl: fakeWorker({ batches }) })).toBe(1);
    const m = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { documents: { id: string; status: string; reason?: string }[] };
    expect(m.documents.map((d) => d.id)).toEqual(t.map((_, i) => `d${i}`));
    expect(m.documents[2]).toMatchObject({ status: 'ok' });
    expect(m.documents[5]).toMatchObject({ status: 'failed', reason: 'worker crashed twice on this document (last: worker exited with code 7)' });
    expect(m.documents[8]).toMatchObject({ status: 'failed', reason: 'worker crashed twice on this document (last: timed out after 0.3 s)' });
    expect(m.documents.filter((d) => d.status === 'ok')).toHaveLength(10);
  });

  it('a full disk (ENOSPC) stops the run with a clear error; --resume afterwards equals an uninterrupted run', async () => {
    const t = texts(20);
    const ref = tmp();
    expect(await fakeRun(ref, t)).toBe(0);
    const dir = tmp();
    let budget = 2500;
    const full: FileOps = {
      ...nodeFileOps,
      writeSync: (fd, d, o, l) => {
        if ((budget -= l) < 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return nodeFileOps.writeSync(fd, d, o, l);
      },
    };
    const err = await fakeRun(dir, t, { ops: full }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as Error).message).toMatch(/^cannot write .*chunk-\d{6}\.(documents|manifest)\.jsonl: no space left on device \(ENOSPC\)$/);
    // Consistent: no temporary files left, no final files, a journal that resumes.
    const journal = join(dir, 'out', '.shabaka-journal');
    expect(readdirSync(journal).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, 'out', 'documents.jsonl'))).toBe(false);
    expect(await fakeRun(dir, t, { resume: true })).toBe(0);
    for (const f of ['documents.jsonl', 'graph.json']) expect(readFileSync(join(dir, 'out', f), 'utf8')).toBe(readFileSync(join(ref, 'out', f), 'utf8'));
  });
});

describe('resume edge cases', () => {
  it('--resume on a finished run keeps its files; on a directory without a journal it starts afresh', async () => {
    const dir = tmp();
    const t = texts(7);
    expect(await fakeRun(dir, t)).toBe(0);
    const docs = join(dir, 'out', 'documents.jsonl');
    const before = statSync(docs).mtimeMs;
    const said: string[] = [];
    const stderr = { write: (s: string) => said.push(s) } as unknown as NodeJS.WritableStream;
    expect(await fakeRun(dir, t, { resume: true, stderr })).toBe(0);
    expect(said.join('')).toMatch(/already holds the complete result of this run \(7 ok, 0 failed, 0 skipped\)/);
    expect(statSync(docs).mtimeMs).toBe(before);
    const other = tmp();
    said.length = 0;
    expect(await fakeRun(other, t, { resume: true, stderr })).toBe(0);
    expect(said.join('')).toContain('nothing to resume');
    expect(readFileSync(join(other, 'out', 'documents.jsonl'), 'utf8')).toBe(readFileSync(docs, 'utf8'));
  });
});

describe('safety', () => {
  it('no path outside the output directory, whatever the document ids', async () => {
    const out = OutputDir.open(join(tmp(), 'o'));
    for (const bad of ['../x', '/etc/passwd', 'a/../../x', '..']) expect(() => out.path(bad)).toThrow(OutputError);
    const dir = tmp();
    const ids = ['../../escape', '/etc/passwd', 'C:\\x', '..', 'a/b'];
    writeFileSync(join(dir, 'in.jsonl'), ids.map((id) => doc(id, 'قطر ومصر')).join('\n') + '\n');
    expect(await fakeRun(dir, [])).toBe(0);
    const files = (d: string): string[] => readdirSync(d, { recursive: true, encoding: 'utf8' });
    expect(files(dir).sort()).toEqual(['in.jsonl', 'out', 'out/documents.jsonl', 'out/graph.json', 'out/manifest.json']);
  });
});
