// `shabaka extract`: inputs → documents.jsonl, graph.json, manifest.json, run.json in the output directory.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusGraphBuilder } from '../graph/corpus-graph.js';
import { AtomicLineWriter, writeFileAtomic } from '../io/atomic.js';
import { expandInputs, readInputs, readJsonlStream, type InputRecord } from '../io/inputs.js';
import { buildPipeline, type Pipeline } from '../pipeline/runner.js';
import { VERSION } from '../version.js';

export interface ExtractOptions {
  inputs: string[];
  out: string;
  pipeline: string;
  stdin: boolean;
}

export interface ManifestEntry {
  id: string;
  input: string;
  status: 'ok' | 'failed' | 'skipped';
  reason?: string;
}

function processRecord(p: Pipeline, rec: InputRecord, seen: Set<string>): { line?: string; entry: ManifestEntry; graph?: ReturnType<Pipeline['process']> } {
  if (!rec.ok) return { entry: { id: rec.id, input: rec.input, status: 'failed', reason: rec.reason } };
  const { doc } = rec;
  if (seen.has(doc.id)) return { entry: { id: doc.id, input: rec.input, status: 'failed', reason: `duplicate id "${doc.id}" (an earlier document has it)` } };
  seen.add(doc.id);
  if (doc.lang && doc.lang !== p.config.lang) {
    return { entry: { id: doc.id, input: rec.input, status: 'skipped', reason: `language "${doc.lang}" is not handled by pipeline ${p.config.name}` } };
  }
  try {
    const meta: Parameters<Pipeline['process']>[0] = { id: doc.id };
    if (doc.source !== undefined) meta.source = doc.source;
    if (doc.published !== undefined) meta.published = doc.published;
    if (doc.lang !== undefined) meta.lang = doc.lang;
    const graph = p.process(meta, doc.text);
    return { line: `${JSON.stringify(graph)}\n`, entry: { id: doc.id, input: rec.input, status: 'ok' }, graph };
  } catch (e) {
    return { entry: { id: doc.id, input: rec.input, status: 'failed', reason: `processing failed: ${(e as Error).message}` } };
  }
}

export async function runExtract(o: ExtractOptions): Promise<number> {
  const pipeline = buildPipeline(o.pipeline);
  const seen = new Set<string>();
  if (o.stdin) {
    let failed = 0;
    for await (const rec of readJsonlStream(process.stdin, 'stdin')) {
      const r = processRecord(pipeline, rec, seen);
      if (r.line) process.stdout.write(r.line);
      else if (r.entry.status === 'failed') {
        failed++;
        process.stderr.write(`shabaka: ${r.entry.id}: ${r.entry.reason}\n`);
      }
    }
    return failed ? 1 : 0;
  }
  mkdirSync(o.out, { recursive: true });
  const files = expandInputs(o.inputs);
  const docs = new AtomicLineWriter(join(o.out, 'documents.jsonl'));
  const graph = new CorpusGraphBuilder();
  const manifest: ManifestEntry[] = [];
  const started = Date.now();
  for await (const rec of readInputs(files)) {
    const r = processRecord(pipeline, rec, seen);
    if (r.line) docs.write(r.line);
    if (r.graph) graph.addDocument(r.graph);
    manifest.push(r.entry);
    if (r.entry.status === 'failed') process.stderr.write(`shabaka: ${r.entry.input}: ${r.entry.reason}\n`);
  }
  docs.commit();
  const counts = { ok: 0, failed: 0, skipped: 0 };
  for (const m of manifest) counts[m.status]++;
  writeFileAtomic(join(o.out, 'graph.json'), `${JSON.stringify(graph.build())}\n`);
  writeFileAtomic(
    join(o.out, 'manifest.json'),
    `${JSON.stringify(
      {
        schema: 'shabaka/manifest@1',
        version: VERSION,
        pipeline: { file: pipeline.config.file, name: pipeline.config.name, lang: pipeline.config.lang, stages: pipeline.config.stages },
        gazetteers: pipeline.resources.gazetteer.hashes,
        inputs: files,
        seconds: (Date.now() - started) / 1000,
        documents: manifest,
        counts,
      },
      null,
      1,
    )}\n`,
  );
  process.stderr.write(`shabaka: ${manifest.length} documents: ${counts.ok} ok, ${counts.failed} failed, ${counts.skipped} skipped → ${o.out}\n`);
  return counts.failed ? 1 : 0;
}
