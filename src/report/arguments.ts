// Where a relation's arguments are named inside its evidence sentence: the mentions of the
// source and target entities (documents.jsonl offsets) that fall inside the sentence span.
// A capital that stands for its country counts for the country only when the country itself
// is not named in the sentence, so "موسكو" lights up for Russia but never doubles a "روسيا".

export interface Span {
  start: number;
  end: number;
}

/** The mentions of one document, by entity id, and the entity each entity stands for. */
export interface DocumentMentions {
  byEntity: ReadonlyMap<string, readonly Span[]>;
  standsFor: ReadonlyMap<string, string>;
}

export type ArgumentSpan = [start: number, end: number, role: 's' | 't'];

function inside(sentence: Span, m: Span): boolean {
  return m.start >= sentence.start && m.end <= sentence.end && m.end > m.start;
}

function mentionsFor(doc: DocumentMentions, entity: string, sentence: Span): Span[] {
  const direct = (doc.byEntity.get(entity) ?? []).filter((m) => inside(sentence, m));
  if (direct.length) return direct;
  const out: Span[] = [];
  for (const [id, target] of doc.standsFor) {
    if (target !== entity) continue;
    for (const m of doc.byEntity.get(id) ?? []) if (inside(sentence, m)) out.push(m);
  }
  return out;
}

/** Argument spans relative to the sentence start, in text order. */
export function argumentSpans(doc: DocumentMentions | undefined, sentence: Span, source: string, target: string): ArgumentSpan[] {
  if (!doc) return [];
  const out: ArgumentSpan[] = [];
  const seen = new Set<string>();
  for (const [entity, role] of [
    [source, 's'],
    [target, 't'],
  ] as const) {
    for (const m of mentionsFor(doc, entity, sentence)) {
      const k = `${m.start}:${m.end}`;
      if (seen.has(k)) continue; // a self-relation or a shared mention: highlight it once
      seen.add(k);
      out.push([m.start - sentence.start, m.end - sentence.start, role]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
