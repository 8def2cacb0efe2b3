// Builds the document graph of CONTRACT.md from a processed Doc.
import { createHash } from 'node:crypto';
import type { Doc } from '../doc.js';
import type { DocumentGraph } from './schema.js';
import { SYMMETRIC } from './schema.js';
import { sortInPlace } from '../util/sort.js';

export function relationKey(type: string, source: string, target: string): string {
  return SYMMETRIC.has(type) ? `${type}|${[source, target].sort().join('|')}` : `${type}|${source}|${target}`;
}

export function toDocumentGraph(doc: Doc): DocumentGraph {
  const sentences = doc.sentences ?? [];
  const byEntity = new Map<string, DocumentGraph['entities'][number]['mentions']>();
  const mentions = sortInPlace(doc.mentions.slice(), (a, b) => a.start - b.start || a.end - b.end);
  for (const m of mentions) {
    let list = byEntity.get(m.entity);
    if (!list) byEntity.set(m.entity, (list = []));
    list.push({ start: m.start, end: m.end, text: m.text, kind: m.kind, sentence: m.sentence, rule: m.rule });
  }
  const entities: DocumentGraph['entities'] = [];
  for (const [id, ms] of byEntity) {
    const e = doc.entities.get(id);
    if (!e) continue;
    // Not a spread: a spread that adds a key makes a new hidden class per object (slow to serialize).
    entities.push(Object.assign({}, e, { mentions: ms }));
  }
  sortInPlace(entities, (a, b) => a.mentions[0]!.start - b.mentions[0]!.start || a.id.localeCompare(b.id));
  const relations = doc.relations.map((r) => ({
    id: createHash('sha1').update(`${doc.meta.id}|${relationKey(r.type, r.source, r.target)}`).digest('hex').slice(0, 16),
    type: r.type as DocumentGraph['relations'][number]['type'],
    source: r.source,
    target: r.target,
    attributes: r.attributes,
    confidence: r.confidence,
    evidence: r.evidence,
    rule: r.rule,
  }));
  const document: DocumentGraph['document'] = { id: doc.meta.id, lang: doc.meta.lang ?? 'ar', length: doc.text.length };
  if (doc.meta.source !== undefined) document.source = doc.meta.source;
  if (doc.meta.published !== undefined) document.published = doc.meta.published;
  return {
    schema: 'shabaka/document-graph@1',
    document,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end })),
    entities,
    relations,
  };
}
