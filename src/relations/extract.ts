// Relation extraction: for each sentence holding a trigger and at least one actor, the trigger's
// argument patterns are tried in order; negated, cancelled and merely requested events give nothing.
import type { Doc, RelationRecord } from '../doc.js';
import { need } from '../doc.js';
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import { relationKey } from '../graph/document-graph.js';
import type { TriggerLexicon } from '../lexicon/triggers.js';
import { toOriginal } from '../text/normalize.js';
import {type Tokens, readingsOf } from '../text/tokenize.js';
import { PATTERNS, type Binding } from './patterns.js';
import { findTriggers, type TriggerHit } from './triggers.js';
import { groupBySentence, sentenceUnits, type BySentence } from './units.js';
import { checkTypes } from './types.js';

export function extractRelations(doc: Doc, lex: TriggerLexicon, gaz: CompiledGazetteer, honorifics: ReadonlySet<string>, minConfidence: number): void {
  const tokens = need(doc, 'tokens', 'relations');
  const sentences = need(doc, 'sentences', 'relations');
  const norm = need(doc, 'norm', 'relations');
  const seen = new Map<string, RelationRecord>();
  const add = (r: RelationRecord): void => {
    if (r.confidence < minConfidence || r.source === r.target) return;
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
  holdsRole(doc, gaz, add);
  let by: BySentence | undefined;
  const byDocSentence = new Int32Array(sentences.length);
  for (const m of doc.mentions) byDocSentence[m.sentence]!++;
  for (const r of doc.references) byDocSentence[r.sentence]! += r.entities.length;
  for (const r of doc.roles) if (r.person) byDocSentence[r.sentence]!++;
  sentences.forEach((s, si) => {
    if (s.boilerplate) return;
    // Rules run only on sentences that hold a trigger and at least two actors.
    if (byDocSentence[si]! < 2) return;
    const hits = findTriggers(lex, tokens, s.tokStart, s.tokEnd);
    if (hits.length === 0) return;
    const units = sentenceUnits(doc, si, tokens, honorifics, (by ??= groupBySentence(doc)));
    if (units.length === 0) return;
    // "بحث … في اتصال هاتفي": the mode of a meeting is that of any mode-bearing trigger of the sentence.
    const phone = hits.find((h) => h.def.type === 'MET_WITH' && h.def.attributes['mode'] && h.def.attributes['mode'] !== 'in_person');
    for (const hit of hits) {
      if (blocked(hit, tokens, s.tokStart, lex)) continue;
      const planned = hit.future || nearCue(tokens, hit, s.tokStart, s.tokEnd, lex.plannedCues, 6);
      for (const name of hit.def.patterns) {
        const bindings = PATTERNS[name]({ hit, units, tokens, sentence: s, lex, hits });
        const good = bindings.map((b) => checkTypes(hit.def.type, b, doc)).filter((b): b is Binding => b !== null);
        if (!good.length) continue;
        const [tStart, tEnd] = toOriginal(norm, tokens.start[hit.tokStart]! + hit.prefixLen, tokens.end[hit.tokEnd - 1]!);
        for (const b of good) {
          const attributes: Record<string, unknown> = { ...hit.def.attributes, ...b.attributes };
          if (phone && hit.def.type === 'MET_WITH') attributes['mode'] = phone.def.attributes['mode'];
          if (hit.def.type === 'VISITS' || planned) attributes['modality'] = planned ? 'planned' : 'done';
          add({
            type: hit.def.type,
            source: b.source,
            target: b.target,
            attributes,
            confidence: b.confidence,
            evidence: [{ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end), trigger: { start: tStart, end: tEnd, text: doc.text.slice(tStart, tEnd) } }],
            rule: `${hit.def.id}/${name}`,
          });
        }
        break;
      }
    }
  });
}

/** The body a listed person holds `role` of, at the document's date when known. */
function officeOf(gaz: CompiledGazetteer, person: string, role: string, published: string | undefined): string | undefined {
  const i = gaz.byId.get(person);
  if (i === undefined) return undefined;
  const roles = gaz.entries[i]!.roles?.filter((r) => r.role === role) ?? [];
  const d = published?.slice(0, 10);
  const dated = d ? roles.filter((r) => (!r.from || r.from <= d) && (!r.to || d <= `${r.to}\uffff`)) : [];
  const pick = dated.length ? dated : roles;
  return new Set(pick.map((r) => r.of)).size === 1 ? pick[0]!.of : undefined;
}

/** HOLDS_ROLE from title phrases tied to a person and a country or organization. */
function holdsRole(doc: Doc, gaz: CompiledGazetteer, add: (r: RelationRecord) => void): void {
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
}

const CLAUSE_BREAKS = new Set(['،', ',', '؛', ';', ':', '.', '"', '«', '»']);

/** Negated (لم يلتق), cancelled (ألغى اللقاء) or only requested (دعا إلى وساطة) events, looked for back to the clause start. */
function blocked(hit: TriggerHit, tokens: Tokens, from: number, lex: TriggerLexicon): boolean {
  const forms = (k: number): string[] => readingsOf(tokens, k).map((d) => d.bare).concat(tokens.norm[k]!);
  for (let k = hit.tokStart - 1; k >= Math.max(from, hit.tokStart - 12); k--) {
    if (CLAUSE_BREAKS.has(tokens.norm[k]!)) break;
    const f = forms(k);
    if (k >= hit.tokStart - 2 && f.some((x) => lex.negators.has(x))) return true;
    // "لوقف الحرب": a war being stopped did happen; a stopped meeting or support did not.
    if (hit.def.type !== 'OPPOSES' && hit.def.type !== 'AT_WAR_WITH' && f.some((x) => lex.cancellers.has(x))) return true;
    if (hit.def.type !== 'SUPPORTS' && hit.def.type !== 'OPPOSES' && f.some((x) => lex.requesters.has(x))) return true;
  }
  return false;
}

function nearCue(tokens: Tokens, hit: TriggerHit, from: number, to: number, cues: ReadonlySet<string>, window: number): boolean {
  for (let k = Math.max(from, hit.tokStart - window); k < Math.min(to, hit.tokEnd + window); k++) {
    if (readingsOf(tokens, k).some((d) => cues.has(d.bare))) return true;
  }
  return false;
}
