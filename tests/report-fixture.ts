// Writes an extract-style output directory (documents.jsonl, graph.json, manifest.json) from
// JSONL news through the pipeline API, for the report tests.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusGraphBuilder } from '../src/graph/corpus-graph.js';
import type { CorpusGraph, DocumentGraph } from '../src/graph/schema.js';
import { pipeline } from './helpers.js';

export interface OutputDir {
  dir: string;
  docs: DocumentGraph[];
  graph: CorpusGraph;
  texts: Map<string, string>;
}

export function writeOutputDir(jsonl: string, prefix = 'shabaka-report-'): OutputDir {
  const records = readFileSync(jsonl, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string; source?: string; published?: string });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const b = new CorpusGraphBuilder();
  const docs = records.map((r) => {
    const meta: { id: string; source?: string; published?: string } = { id: r.id };
    if (r.source) meta.source = r.source;
    if (r.published) meta.published = r.published;
    const g = pipeline().process(meta, r.text);
    b.addDocument(g);
    return g;
  });
  const graph = b.build();
  writeFileSync(join(dir, 'documents.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph));
  const documents = records.map((r, i) => ({ id: r.id, input: `${jsonl}:${i + 1}`, status: 'ok' }));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ schema: 'shabaka/manifest@1', documents, counts: { ok: documents.length, failed: 0, skipped: 0 } }));
  return { dir, docs, graph, texts: new Map(records.map((r) => [r.id, r.text])) };
}
