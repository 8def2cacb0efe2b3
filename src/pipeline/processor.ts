// What `extract` runs per document: one pipeline (a `shabaka/pipeline@1` file) or a router over the
// Arabic and English pipelines (a `shabaka/router@1` file such as pipelines/news.json).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { DocMeta } from '../doc.js';
import type { DocumentGraph } from '../graph/schema.js';
import { ConfigError } from '../util/errors.js';
import { readJsonChecked } from '../util/json-file.js';
import type { ResolvedPipeline } from './config.js';
import { buildRouter } from './router.js';
import { buildPipeline } from './runner.js';

export const RouterFile = z.strictObject({
  schema: z.literal('shabaka/router@1'),
  name: z.string().min(1),
  description: z.string().optional(),
  /** Pipeline files by language, relative to this file. */
  routes: z.strictObject({ ar: z.string(), en: z.string() }),
});

/** Per-document processing: a document graph, or the reason the document was skipped. */
export interface Processor {
  /** `lang` is "*" for a router (every language is routed, none refused up front). */
  readonly config: { readonly name: string; readonly lang: string };
  process(meta: DocMeta, text: string): DocumentGraph | { skipped: string };
  /** The same as `process` on each document (an error in the place of a document that failed), faster on a batch. */
  processBatch(docs: readonly { meta: DocMeta; text: string }[]): (DocumentGraph | { skipped: string } | Error)[];
}

export interface BuiltProcessor {
  processor: Processor;
  /** The resolved configuration recorded with each run (the Arabic one, named after the router, for a router). */
  config: ResolvedPipeline;
  gazetteers: Readonly<Record<string, string>>;
}

const isRouterFile = (file: string): boolean => {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { schema?: unknown }).schema === 'shabaka/router@1';
  } catch {
    return false; // loadPipeline reports the file's problem with its place
  }
};

export function buildProcessor(file: string): BuiltProcessor {
  if (!isRouterFile(file)) {
    const p = buildPipeline(file);
    return { processor: p, config: p.config, gazetteers: p.resources.gazetteer.hashes };
  }
  const spec = readJsonChecked(file, RouterFile);
  const base = dirname(resolve(file));
  const router = buildRouter({ ar: resolve(base, spec.routes.ar), en: resolve(base, spec.routes.en) });
  const ar = router.pipelines.ar;
  if (!ar) throw new ConfigError(`${file}: routes.ar: no Arabic pipeline`);
  return {
    processor: {
      config: { name: spec.name, lang: '*' },
      process(meta, text) {
        const r = router.process(meta, text);
        return r.status === 'ok' ? r.graph : { skipped: r.reason };
      },
      processBatch(docs) {
        return router.processBatch(docs).map((r) => (r instanceof Error ? r : r.status === 'ok' ? r.graph : { skipped: r.reason }));
      },
    },
    config: { ...ar.config, file: resolve(file), name: spec.name },
    gazetteers: ar.resources.gazetteer.hashes,
  };
}
