// The one step from an input record to its manifest entry and document graph. It runs inside a
// worker; whatever stands in front of the pipeline (a language router, say) only needs to offer
// the `Processor` shape.
import type { DocMeta } from '../doc.js';
import type { Processor } from '../pipeline/processor.js';
import { summarizeDocument, type DocumentSummary } from '../graph/corpus-graph.js';
import type { InputRecord } from '../io/inputs.js';
import type { ManifestEntry } from './manifest.js';

export type { Processor } from '../pipeline/processor.js';

export interface Outcome {
  entry: ManifestEntry;
  /** The document graph as one JSONL line (with its newline), when the document was processed. */
  line?: string;
  /** What the corpus graph keeps of it, so the main thread need not parse the line again. */
  summary?: DocumentSummary;
}

export type OkRecord = Extract<InputRecord, { ok: true }>;

/** The outcome of a record that could not be read as a document. */
export const unreadableOutcome = (rec: Extract<InputRecord, { ok: false }>): Outcome => ({ entry: { id: rec.id, input: rec.input, status: 'failed', reason: rec.reason } });

export function processRecord(p: Processor, rec: InputRecord): Outcome {
  if (!rec.ok) return unreadableOutcome(rec);
  const { doc } = rec;
  const base = { id: doc.id, input: rec.input };
  if (doc.lang && p.config.lang !== '*' && doc.lang !== p.config.lang) {
    return { entry: { ...base, status: 'skipped', reason: `language "${doc.lang}" is not handled by pipeline ${p.config.name}` } };
  }
  if (!doc.text.trim()) return { entry: { ...base, status: 'skipped', reason: 'empty text (nothing to extract)' } };
  try {
    const meta: DocMeta = { id: doc.id };
    if (doc.source !== undefined) meta.source = doc.source;
    if (doc.published !== undefined) meta.published = doc.published;
    if (doc.lang !== undefined) meta.lang = doc.lang;
    const graph = p.process(meta, doc.text);
    if ('skipped' in graph) return { entry: { ...base, status: 'skipped', reason: graph.skipped } };
    return { line: `${JSON.stringify(graph)}\n`, summary: summarizeDocument(graph), entry: { ...base, status: 'ok' } };
  } catch (e) {
    return { entry: { ...base, status: 'failed', reason: `processing failed: ${(e as Error).message}` } };
  }
}

/**
 * Ids must be unique across the whole run, so this check runs on the main thread, in input order,
 * before a record goes to a worker. `seen` belongs to one run.
 */
export function admitRecord(rec: InputRecord, seen: Set<string>): InputRecord {
  if (!rec.ok) return rec;
  if (seen.has(rec.doc.id)) {
    return { ok: false, input: rec.input, id: rec.doc.id, bytes: rec.bytes, reason: `duplicate id "${rec.doc.id}" (an earlier document has it)` };
  }
  seen.add(rec.doc.id);
  return rec;
}
