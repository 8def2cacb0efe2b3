// JSON Schemas of the two graph formats, generated from the zod schemas (one source of truth).
import { z } from 'zod';
import { CorpusGraph, DocumentGraph } from './schema.js';

export function graphSchemas(): Record<string, string> {
  return {
    'document-graph.schema.json': `${JSON.stringify(z.toJSONSchema(DocumentGraph), null, 2)}\n`,
    'corpus-graph.schema.json': `${JSON.stringify(z.toJSONSchema(CorpusGraph), null, 2)}\n`,
  };
}
