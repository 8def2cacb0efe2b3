// Batch runs end to end with the real pipeline on real news (the first documents of the ANT
// corpus): identical output at any concurrency, stdin mode, exports, merge; and resume after SIGKILL.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConcurrency, inputBytes } from '../src/batch/concurrency.js';
import { mergeFiles, runMerge } from '../src/cli/merge.js';
import { CorpusGraphBuilder } from '../src/graph/corpus-graph.js';
import { CorpusGraph, DocumentGraph, SYMMETRIC } from '../src/graph/schema.js';
import { corpusSample, fakeWorker, runCli, testBuild, type CliResult } from './batch-build.js';
import { PIPELINE_FILE } from './helpers.js';

const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'shabaka-batch-'));

describe('extract at scale (real pipeline, real news)', () => {
  let input: string;
  let lines: string[];
  let outA: string;
  let runA: CliResult;

  beforeAll(async () => {
    lines = await corpusSample(60);
    const dir = tmp();
    input = join(dir, 'news.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    outA = join(dir, 'a');
    runA = await runCli(['extract', input, '-o', outA, '--pipeline', PIPELINE_FILE, '--concurrency', '2', '--export', 'gexf,csv,schemas']);
  });

  it('processes every document and writes the contract files', () => {
    expect(runA.stderr).toContain('documents: 60 (60 ok, 0 failed, 0 skipped)');
    expect(runA.code).toBe(0);
    const docs = read(outA, 'documents.jsonl').trim().split('\n');
    expect(docs.map((l) => (JSON.parse(l) as DocumentGraph).document.id)).toEqual(lines.map((l) => (JSON.parse(l) as { id: string }).id));
    for (const l of docs.slice(0, 10)) expect(() => DocumentGraph.parse(JSON.parse(l))).not.toThrow();
    const graph = CorpusGraph.parse(JSON.parse(read(outA, 'graph.json')));
    expect(graph.stats.documents).toBe(60);
    expect(existsSync(join(outA, '.shabaka-journal'))).toBe(false);
  });

  it('records the run in the manifest: every document in input order, pipeline, gazetteer hashes, version', () => {
    const m = JSON.parse(read(outA, 'manifest.json')) as {
      documents: { id: string; input: string; status: string }[];
      counts: Record<string, number>;
      pipeline: { stages: { name: string }[] };
      gazetteers: Record<string, string>;
      version: string;
    };
    expect(m.documents.map((d) => d.input)).toEqual(lines.map((_, i) => `${input}:${i + 1}`));
    expect(m.counts).toEqual({ ok: 60, failed: 0, skipped: 0 });
    expect(m.pipeline.stages.map((s) => s.name)).toContain('gazetteer');
    expect(m.gazetteers['countries.jsonl']).toMatch(/^[0-9a-f]{64}$/);
    expect(m.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  // Started from another directory: provenance paths (gazetteer:gazetteers/…) do not depend on the cwd.
  it('gives byte-identical documents.jsonl and graph.json at concurrency 1, started from another directory', async () => {
    const outB = join(tmp(), 'b');
    const r = await runCli(['extract', input, '-o', outB, '--pipeline', PIPELINE_FILE, '--concurrency', '1'], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect(read(outB, 'documents.jsonl')).toBe(read(outA, 'documents.jsonl'));
    expect(read(outB, 'graph.json')).toBe(read(outA, 'graph.json'));
  });

  it('--stdin writes the same document graphs on stdout, in input order', async () => {
    const r = await runCli(['extract', '--stdin', '--pipeline', PIPELINE_FILE, '--concurrency', '1'], { stdin: `${lines.slice(0, 12).join('\n')}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(read(outA, 'documents.jsonl').split('\n').slice(0, 12).join('\n') + '\n');
  });

  it('exports GEXF that reads back, and Neo4j admin-import CSVs', () => {
    const graph = JSON.parse(read(outA, 'graph.json')) as CorpusGraph;
    const g = gexf.parse(MultiGraph, read(outA, 'graph.gexf'));
    expect(g.order).toBeGreaterThanOrEqual(graph.entities.length);
    expect(g.size).toBe(graph.relations.length);
    expect(g.undirectedSize).toBe(graph.relations.filter((r) => SYMMETRIC.has(r.type)).length);
    const nodes = read(outA, 'nodes.csv').trim().split('\n');
    const rels = read(outA, 'relationships.csv').trim().split('\n');
    expect(nodes[0]).toMatch(/^id:ID,:LABEL,/);
    expect(rels[0]).toMatch(/^:START_ID,:END_ID,:TYPE,/);
    expect(nodes.length - 1).toBeGreaterThanOrEqual(graph.entities.length);
    expect(rels.length - 1).toBe(graph.relations.length);
    const schema = JSON.parse(read(outA, 'corpus-graph.schema.json')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['schema', 'entities', 'relations', 'stats']);
  });

  it('merge of shards equals the run graph, in any order and grouping', async () => {
    const docs = read(outA, 'documents.jsonl').trim().split('\n');
    const dir = tmp();
    const shards = [docs.slice(0, 17), docs.slice(17, 40), docs.slice(40)].map((s, i) => {
      const f = join(dir, `shard${i}.jsonl`);
      writeFileSync(f, `${s.join('\n')}\n`);
      return f;
    });
    const [a, b, c] = shards as [string, string, string];
    const expected = read(outA, 'graph.json');
    for (const order of [[a, b, c], [c, a, b], [b, c, a]]) {
      expect(await runMerge(order, join(dir, 'm'))).toBe(0);
      expect(read(join(dir, 'm'), 'graph.json')).toBe(expected);
    }
    // Grouping: (a ⊕ b) ⊕ c = a ⊕ (b ⊕ c), and b ⊕ a = a ⊕ b, on the summaries.
    const s = async (f: string): Promise<CorpusGraphBuilder> => (await mergeFiles([f])).builder;
    const left = (await s(a)).merge(await s(b)).merge(await s(c));
    const right = (await s(a)).merge((await s(b)).merge(await s(c)));
    const swapped = (await s(c)).merge((await s(b)).merge(await s(a)));
    expect(`${JSON.stringify(left.build())}\n`).toBe(expected);
    expect(`${JSON.stringify(right.build())}\n`).toBe(expected);
    expect(`${JSON.stringify(swapped.build())}\n`).toBe(expected);
  });
});

describe('the default number of workers', () => {
  it('leaves a core to the main thread and gives a small input fewer workers', () => {
    expect(defaultConcurrency(2, 100 << 20)).toBe(1);
    expect(defaultConcurrency(1, 100 << 20)).toBe(1);
    expect(defaultConcurrency(8, 70_000)).toBe(1);
    expect(defaultConcurrency(8, 40 << 20)).toBe(3);
    expect(defaultConcurrency(8, 1 << 30)).toBe(7);
    expect(defaultConcurrency(8)).toBe(7);
  });

  it('counts a gzipped corpus by what it holds', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.jsonl'), 'x'.repeat(1000));
    writeFileSync(join(dir, 'b.jsonl.gz'), 'y'.repeat(1000));
    expect(inputBytes([join(dir, 'a.jsonl'), join(dir, 'b.jsonl.gz')])).toBe(5000);
  });

  it('is what a run without --concurrency uses, and the manifest says so', async () => {
    const dir = tmp();
    const input = join(dir, 'news.jsonl');
    writeFileSync(input, `${(await corpusSample(5)).join('\n')}\n`);
    const out = join(dir, 'out');
    const r = await runCli(['extract', input, '-o', out, '--pipeline', PIPELINE_FILE, '--no-report']);
    expect(r.code).toBe(0);
    expect(JSON.parse(read(out, 'manifest.json')).concurrency).toBe(1);
  });
});

describe('resume after SIGKILL (stand-in worker, so the kills can be many and fast)', () => {
  /** A child process running one batch; `resume` continues the journal. */
  const child = (dir: string, resume: boolean, killAt?: number): Promise<{ signal: NodeJS.Signals | null; code: number | null }> => {
    const script = join(dir, 'run.mjs');
    writeFileSync(
      script,
      `import { runBatch } from ${JSON.stringify(pathToFileURL(join(testBuild().dir, 'dist', 'batch', 'run.js')).href)};
process.exitCode = await runBatch({ inputs: [${JSON.stringify(join(dir, 'in.jsonl'))}], out: ${JSON.stringify(join(dir, 'out'))}, pipeline: ${JSON.stringify(PIPELINE_FILE)},
  concurrency: 2, resume: process.argv[2] === 'resume', maxDocumentBytes: 1 << 20, chunkSize: 3, exports: [], workerUrl: new URL(${JSON.stringify(fakeWorker().href)}), stderr: process.stderr });`,
    );
    return new Promise((resolve) => {
      const p = spawn(process.execPath, [script, resume ? 'resume' : 'new'], { stdio: 'ignore' });
      const progress = join(dir, 'out', '.shabaka-journal', 'progress.json');
      const poll = setInterval(() => {
        try {
          if (killAt !== undefined && (JSON.parse(readFileSync(progress, 'utf8')) as { records: number }).records >= killAt) p.kill('SIGKILL');
        } catch {
          /* not there yet, or being replaced */
        }
      }, 2);
      p.on('close', (code, signal) => {
        clearInterval(poll);
        resolve({ code, signal });
      });
    });
  };

  it('two kills at any commit, then --resume: byte-identical documents.jsonl and graph.json, nothing lost or repeated', async () => {
    const texts = (await corpusSample(45)).map((l, i) => JSON.stringify({ id: `n${i}`, text: `SLOW ${(JSON.parse(l) as { text: string }).text.slice(0, 300)}` }));
    const ref = tmp();
    const dir = tmp();
    for (const d of [ref, dir]) writeFileSync(join(d, 'in.jsonl'), `${texts.join('\n')}\n`);
    expect((await child(ref, false)).code).toBe(0);
    expect((await child(dir, false, 7)).signal).toBe('SIGKILL');
    expect((await child(dir, true, 25)).signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'out', 'documents.jsonl'))).toBe(false);
    expect((await child(dir, true)).code).toBe(0);
    for (const f of ['documents.jsonl', 'graph.json']) expect(read(join(dir, 'out'), f)).toBe(read(join(ref, 'out'), f));
    const m = JSON.parse(read(join(dir, 'out'), 'manifest.json')) as { documents: { id: string }[]; resumed: boolean };
    expect(m.documents.map((d) => d.id)).toEqual(texts.map((_, i) => `n${i}`));
    expect(m.resumed).toBe(true);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp') || f.startsWith('.shabaka'))).toEqual([]);
  });
});
