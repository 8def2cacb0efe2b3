// The one step from an input record to its manifest entry and document graph. It runs inside a
// worker; whatever stands in front of the pipeline (a language router, say) only needs to offer
// the `Processor` shape.
import type { DocMeta } from '../doc.js';
import type { Processor } from '../pipeline/processor.js';
import { summarizeDocument, type DocumentSummary } from '../graph/corpus-graph.js';
import type { InputRecord } from '../io/inputs.js';
import type { ManifestEntry } from './manifest.js';
import { asError } from '../util/errors.js';

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

/** A manifest entry built by one literal per kind (not a spread that adds keys: one hidden class each). */
function entryOf(rec: OkRecord, status: 'ok' | 'skipped' | 'failed', reason?: string): ManifestEntry {
  return reason === undefined ? { id: rec.doc.id, input: rec.input, status } : { id: rec.doc.id, input: rec.input, status, reason };
}

export function processRecord(p: Processor, rec: InputRecord): Outcome {
  return processRecords(p, [rec])[0]!;
}

/** The outcomes of several records, in order: the documents among them go through the pipeline as one batch. */
export function processRecords(p: Processor, recs: readonly InputRecord[]): Outcome[] {
  const out = new Array<Outcome>(recs.length);
  const todo: number[] = [];
  const docs: { meta: DocMeta; text: string }[] = [];
  recs.forEach((rec, k) => {
    if (!rec.ok) {
      out[k] = unreadableOutcome(rec);
      return;
    }
    const { doc } = rec;
    if (doc.lang && p.config.lang !== '*' && doc.lang !== p.config.lang) {
      out[k] = { entry: entryOf(rec, 'skipped', `language "${doc.lang}" is not handled by pipeline ${p.config.name}`) };
    } else if (!doc.text.trim()) {
      out[k] = { entry: entryOf(rec, 'skipped', 'empty text (nothing to extract)') };
    } else {
      const meta: DocMeta = { id: doc.id };
      if (doc.source !== undefined) meta.source = doc.source;
      if (doc.published !== undefined) meta.published = doc.published;
      if (doc.lang !== undefined) meta.lang = doc.lang;
      todo.push(k);
      docs.push({ meta, text: doc.text });
    }
  });
  if (!docs.length) return out;
  let graphs: ReturnType<Processor['processBatch']>;
  try {
    graphs = p.processBatch(docs);
  } catch (e) {
    // Not a document's own failure (those come back in their places): every document of the batch failed.
    graphs = docs.map(() => asError(e));
  }
  todo.forEach((k, j) => {
    const rec = recs[k] as OkRecord;
    const g = graphs[j]!;
    try {
      if (g instanceof Error) throw g;
      if ('skipped' in g) out[k] = { entry: entryOf(rec, 'skipped', g.skipped) };
      else out[k] = { line: `${JSON.stringify(g)}\n`, summary: summarizeDocument(g), entry: entryOf(rec, 'ok') };
    } catch (e) {
      out[k] = { entry: entryOf(rec, 'failed', `processing failed: ${(e as Error).message}`) };
    }
  });
  return out;
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
