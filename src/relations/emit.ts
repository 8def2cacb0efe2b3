// Turning checked argument bindings into relation records (both languages): attributes, mode of a
// meeting, modality of a planned event, evidence sentence with its trigger, and the rule.
import type { Doc, RelationRecord } from '../doc.js';
import type { Binding } from './patterns.js';

export interface TriggerSpan {
  /** Relation type, trigger id and its fixed attributes (lexicon entry). */
  readonly def: { readonly id: string; readonly type: string; readonly attributes: Readonly<Record<string, string>> };
  /** Original offsets of the trigger. */
  readonly start: number;
  readonly end: number;
}

export function emitBindings(
  doc: Doc,
  add: (r: RelationRecord) => void,
  hit: TriggerSpan,
  bindings: readonly Binding[],
  sentence: { start: number; end: number },
  o: { pattern: string; rulePrefix: string; phoneMode: string | undefined; planned: boolean },
): void {
  const { type } = hit.def;
  for (const b of bindings) {
    const attributes: Record<string, unknown> = { ...hit.def.attributes, ...b.attributes };
    if (o.phoneMode && type === 'MET_WITH') attributes['mode'] = o.phoneMode;
    if (type === 'VISITS' || o.planned) attributes['modality'] = o.planned ? 'planned' : 'done';
    add({
      type,
      source: b.source,
      target: b.target,
      attributes,
      confidence: b.confidence,
      evidence: [
        {
          start: sentence.start,
          end: sentence.end,
          text: doc.text.slice(sentence.start, sentence.end),
          trigger: { start: hit.start, end: hit.end, text: doc.text.slice(hit.start, hit.end) },
        },
      ],
      rule: `${o.rulePrefix}${hit.def.id}/${o.pattern}`,
    });
  }
}
