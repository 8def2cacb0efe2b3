// Builds a frozen pipeline (stages created once with their resources) and runs documents through it.
import type { Doc, DocMeta } from '../doc.js';
import { newDoc } from '../doc.js';
import { toDocumentGraph } from '../graph/document-graph.js';
import type { DocumentGraph } from '../graph/schema.js';
import { loadPipeline, type ResolvedPipeline } from './config.js';
import { registerStages } from './registry.js';
import { loadResources, type Resources } from './resources.js';
import { FormFeatures } from '../text/form-features.js';
import { TypedArena } from '../util/arena.js';
import { asError } from '../util/errors.js';

export interface Pipeline {
  readonly config: ResolvedPipeline;
  readonly resources: Resources;
  /** Milliseconds spent in each stage so far (for benchmarks). */
  stageTimes(): Record<string, number>;
  process(meta: DocMeta, text: string): DocumentGraph;
  /**
   * The graphs of several documents, the same as `process` on each: stage by stage over the whole
   * batch, so that each stage's tables stay in the CPU's caches from one document to the next. A
   * document whose stage throws gets its error in its place; the others go on.
   */
  processBatch(docs: readonly { meta: DocMeta; text: string }[]): (DocumentGraph | Error)[];
  run(meta: DocMeta, text: string): Doc;
}

export interface BuildOptions {
  /** Per-form feature bits that let stages skip tokens (default true; false for equivalence checks). */
  formFeatures?: boolean;
}

/** Runs every stage's own data check (see StageFactory.check): errors now, the build may come later. */
export function checkStages(config: ResolvedPipeline, resources: Resources): void {
  const registry = registerStages();
  for (const s of config.stages) registry.get(s.name)!.check?.(s.options, resources);
}

export function buildPipeline(file: string, resources?: Resources, options: BuildOptions = {}): Pipeline {
  const registry = registerStages();
  const config = loadPipeline(file, registry);
  const res = resources ?? loadResources(config);
  // Stages are created in order, all before the first document (features are defined at creation).
  const context = { features: new FormFeatures(options.formFeatures ?? true) };
  const stages = config.stages.map((s) => ({ name: s.name, fn: registry.get(s.name)!.create(s.options, res, context) }));
  const times = new Float64Array(stages.length + 1);
  // The typed arrays of a batch's documents; a document run alone (run) gets its own, as the caller keeps it.
  const arena = new TypedArena();
  const run = (meta: DocMeta, text: string): Doc => {
    const doc = newDoc(Object.assign({}, meta, { lang: meta.lang ?? config.lang }), text);
    for (let i = 0; i < stages.length; i++) {
      const t0 = performance.now();
      stages[i]!.fn(doc);
      times[i]! += performance.now() - t0;
    }
    return doc;
  };
  const processBatch = (batch: readonly { meta: DocMeta; text: string }[]): (DocumentGraph | Error)[] => {
    // Object.assign, not a spread that adds a key: one hidden class for every document's meta.
    // The previous batch's documents are done (only their graphs, plain data, went out).
    arena.reset();
    const docs: (Doc | Error)[] = batch.map((b) => newDoc(Object.assign({}, b.meta, { lang: b.meta.lang ?? config.lang }), b.text, arena));
    for (let i = 0; i < stages.length; i++) {
      const fn = stages[i]!.fn;
      const t0 = performance.now();
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k]!;
        if (doc instanceof Error) continue;
        try {
          fn(doc);
        } catch (err) {
          docs[k] = asError(err);
        }
      }
      times[i]! += performance.now() - t0;
    }
    const t0 = performance.now();
    const out = docs.map((doc) => {
      if (doc instanceof Error) return doc;
      try {
        return toDocumentGraph(doc);
      } catch (err) {
        return asError(err);
      }
    });
    times[stages.length]! += performance.now() - t0;
    return out;
  };
  // One document is a batch of one: the same stage loop, its error thrown.
  const process = (meta: DocMeta, text: string): DocumentGraph => {
    const g = processBatch([{ meta, text }])[0]!;
    if (g instanceof Error) throw g;
    return g;
  };
  const stageTimes = (): Record<string, number> => Object.fromEntries([...stages.map((s, i) => [s.name, times[i]!] as const), ['graph', times[stages.length]!] as const]);
  return Object.freeze({ config, resources: res, run, process, processBatch, stageTimes });
}
