// Builds a frozen pipeline (stages created once with their resources) and runs documents through it.
import type { Doc, DocMeta } from '../doc.js';
import { newDoc } from '../doc.js';
import { toDocumentGraph } from '../graph/document-graph.js';
import type { DocumentGraph } from '../graph/schema.js';
import { loadPipeline, type ResolvedPipeline } from './config.js';
import { registerStages } from './registry.js';
import { loadResources, type Resources } from './resources.js';

export interface Pipeline {
  readonly config: ResolvedPipeline;
  readonly resources: Resources;
  process(meta: DocMeta, text: string): DocumentGraph;
  run(meta: DocMeta, text: string): Doc;
}

export function buildPipeline(file: string, resources?: Resources): Pipeline {
  const registry = registerStages();
  const config = loadPipeline(file, registry);
  const res = resources ?? loadResources(config);
  const stages = config.stages.map((s) => ({ name: s.name, fn: registry.get(s.name)!.create(s.options, res) }));
  const run = (meta: DocMeta, text: string): Doc => {
    const doc = newDoc({ ...meta, lang: meta.lang ?? config.lang }, text);
    for (const s of stages) s.fn(doc);
    return doc;
  };
  return Object.freeze({ config, resources: res, run, process: (meta: DocMeta, text: string) => toDocumentGraph(run(meta, text)) });
}
