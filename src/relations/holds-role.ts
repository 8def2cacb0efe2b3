// HOLDS_ROLE relations from title phrases (both languages): the person, the office and the body,
// with the body looked up in the gazetteer's dated roles when the phrase does not name it.
import type { Doc, RelationRecord } from '../doc.js';
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import { relationKey } from '../graph/document-graph.js';

/** HOLDS_ROLE from title phrases tied to a person and a country or organization. */
export function holdsRole(doc: Doc, gaz: CompiledGazetteer, add: (r: RelationRecord) => void): void {
  const sentences = doc.sentences!;
  for (const link of doc.roles) {
    if (!link.person) continue;
    let role = link.role;
    if (role === 'counterpart') {
      // نظيره الأمريكي: the office of the other office-holder in the sentence, else the last one named before.
      const other =
        doc.roles.find((r) => r !== link && r.sentence === link.sentence && r.role !== 'counterpart') ??
        doc.roles.filter((r) => r.sentence < link.sentence && r.role !== 'counterpart' && sentences[r.sentence]!.article === sentences[link.sentence]!.article).pop();
      role = other?.role ?? 'counterpart';
    }
    // "وزير الخارجية مايك بومبيو": the gazetteer knows what the office is of.
    const body = link.of ?? officeOf(gaz, link.person, role, doc.meta.published);
    if (!body || !doc.entities.has(body)) continue;
    // A ministry stands for its state: "المتحدث باسم وزارة الخارجية الإيرانية" holds a role of Iran.
    const standsFor = doc.entities.get(body)!.standsFor;
    const of = standsFor && doc.entities.has(standsFor) ? standsFor : body;
    const s = sentences[link.sentence]!;
    add({
      type: 'HOLDS_ROLE',
      source: link.person,
      target: of,
      attributes: of === body ? { role } : { role, body },
      confidence: 0.9,
      evidence: [{ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end), trigger: { start: link.start, end: link.end, text: doc.text.slice(link.start, link.end) } }],
      rule: link.rule,
    });
  }
  knownOffices(doc, gaz, add);
}

/**
 * A listed person named without a title, in a document that also names the one body the gazetteer
 * says they hold an office of (at the document's date when known): "ترامب" in an article about the
 * United States. Lower confidence than a title phrase; the evidence is a sentence naming both, else
 * the person's first.
 */
function knownOffices(doc: Doc, gaz: CompiledGazetteer, add: (r: RelationRecord) => void): void {
  const sentences = doc.sentences!;
  // Most documents name no listed office holder: nothing to build for them.
  let holders = false;
  for (const e of doc.entities.values()) {
    if (e.type !== 'PERSON') continue;
    const i = gaz.byId.get(e.id);
    if (i !== undefined && gaz.entries[i]!.roles?.length) {
      holders = true;
      break;
    }
  }
  if (!holders) return;
  const titled = new Set(doc.relations.filter((r) => r.type === 'HOLDS_ROLE').map((r) => r.source));
  const sentencesOf = new Map<string, number[]>();
  for (const m of doc.mentions) {
    let l = sentencesOf.get(m.entity);
    if (!l) sentencesOf.set(m.entity, (l = []));
    l.push(m.sentence);
  }
  const d = doc.meta.published?.slice(0, 10);
  for (const [id, e] of doc.entities) {
    if (e.type !== 'PERSON' || titled.has(id) || !sentencesOf.has(id)) continue;
    const i = gaz.byId.get(id);
    if (i === undefined) continue;
    const roles = (gaz.entries[i]!.roles ?? []).filter((r) => !d || ((!r.from || r.from <= d) && (!r.to || d <= `${r.to}\uffff`)));
    const bodies = [...new Set(roles.map((r) => r.of))].filter((b) => sentencesOf.has(b));
    if (bodies.length !== 1) continue;
    const body = bodies[0]!;
    const role = roles.find((r) => r.of === body)!.role;
    const mine = sentencesOf.get(id)!;
    const both = mine.find((si) => sentencesOf.get(body)!.includes(si));
    const s = sentences[both ?? mine[0]!]!;
    add({
      type: 'HOLDS_ROLE',
      source: id,
      target: body,
      attributes: { role },
      confidence: 0.6,
      evidence: [{ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) }],
      rule: `gazetteer-role:${gaz.origins[i]}`,
    });
  }
}

/** The body a listed person holds `role` of, at the document's date when known. */
export function officeOf(gaz: CompiledGazetteer, person: string, role: string, published: string | undefined): string | undefined {
  const i = gaz.byId.get(person);
  if (i === undefined) return undefined;
  const roles = gaz.entries[i]!.roles?.filter((r) => r.role === role) ?? [];
  const d = published?.slice(0, 10);
  const dated = d ? roles.filter((r) => (!r.from || r.from <= d) && (!r.to || d <= `${r.to}\uffff`)) : [];
  const pick = dated.length ? dated : roles;
  return new Set(pick.map((r) => r.of)).size === 1 ? pick[0]!.of : undefined;
}

/** A relation sink for one document: one relation per key, evidence merged, done beats planned. */
export function relationSink(doc: Doc, minConfidence: number): (r: RelationRecord) => void {
  const seen = new Map<string, RelationRecord>();
  // A body that stands for its state is that state here: "وزارة المالية" and "السعودية", or two
  // Egyptian bodies, are one side, and a relation between them says nothing.
  const side = (id: string): string => doc.entities.get(id)?.standsFor ?? id;
  return (r: RelationRecord): void => {
    if (r.confidence < minConfidence || r.source === r.target || side(r.source) === side(r.target)) return;
    const k = relationKey(r.type, r.source, r.target);
    const old = seen.get(k);
    if (!old) {
      seen.set(k, r);
      doc.relations.push(r);
    } else if (old.evidence.length < 5 && !old.evidence.some((e) => e.start === r.evidence[0]!.start)) {
      old.evidence.push(...r.evidence);
      old.confidence = Math.max(old.confidence, r.confidence);
      // A relation asserted as done anywhere in the document is done.
      if (old.attributes['modality'] === 'planned' && r.attributes['modality'] === 'done') old.attributes['modality'] = 'done';
    }
  };
}
