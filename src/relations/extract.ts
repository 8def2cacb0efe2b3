// Relation extraction: for each sentence holding a trigger and at least one actor, the trigger's
// argument patterns are tried in order; negated, cancelled and merely requested events give nothing.
import type { Doc, RelationRecord } from '../doc.js';
import { need } from '../doc.js';
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import { relationKey } from '../graph/document-graph.js';
import { emitBindings } from './emit.js';
import { holdsRole, relationSink } from './holds-role.js';
import { countryOfEntity, dateOk } from '../coref/resolve.js';
import type { TriggerLexicon } from '../lexicon/triggers.js';
import { isWordMark, toOriginal } from '../text/normalize.js';
import type { FormFeatures, FormKeys } from '../text/form-features.js';
import { mayHave, readingIn, readingsOf, type Tokens } from '../text/tokenize.js';
import { PATTERNS, purposeHit, withoutHeads, type Binding } from './patterns.js';
import { findTriggers, triggerStartKeys, type TriggerHit } from './triggers.js';
import { groupBySentence, sentenceUnits, type BySentence } from './units.js';
import { checkTypes } from './types.js';
import { int32s } from '../util/arena.js';

/** The form feature "a negation, cancellation, request or planning cue": the cue words looked for around triggers. */
const relationCueKeys = (lex: TriggerLexicon): FormKeys => {
  const cues = [...lex.negators, ...lex.cancellers, ...lex.requesters, ...lex.cancelledAfter, ...lex.plannedCues];
  return { forms: cues, bares: cues };
};

/** Form-feature bits of the relation stage (0: not known, every token is tried). */
export interface RelationFeatures {
  /** A trigger may start at the token (triggerStartKeys). */
  readonly trigger: number;
  /** The token may be a cue word (relationCueTest). */
  readonly cue: number;
}
const NO_FEATURES: RelationFeatures = { trigger: 0, cue: 0 };

/** Defines the relation stage's form features. */
export function defineRelationFeatures(features: FormFeatures, lex: TriggerLexicon): RelationFeatures {
  return { trigger: features.define('trigger-start', triggerStartKeys(lex)), cue: features.define('relation-cue', relationCueKeys(lex)) };
}

export function extractRelations(doc: Doc, lex: TriggerLexicon, gaz: CompiledGazetteer, honorifics: ReadonlySet<string>, minConfidence: number, bits: RelationFeatures = NO_FEATURES): void {
  const tokens = need(doc, 'tokens', 'relations');
  const sentences = need(doc, 'sentences', 'relations');
  const norm = need(doc, 'norm', 'relations');
  const add = relationSink(doc, minConfidence);
  holdsRole(doc, gaz, add);
  let by: BySentence | undefined;
  const byDocSentence = int32s(doc.arena, sentences.length);
  for (const m of doc.mentions) byDocSentence[m.sentence]!++;
  for (const r of doc.references) byDocSentence[r.sentence]! += r.entities.length;
  for (const r of doc.roles) if (r.person) byDocSentence[r.sentence]!++;
  sentences.forEach((s, si) => {
    if (s.boilerplate) return;
    // Rules run only on sentences that hold a trigger and at least two actors.
    if (byDocSentence[si]! < 2) return;
    const hits = findTriggers(lex, tokens, s.tokStart, s.tokEnd, bits.trigger);
    if (hits.length === 0) return;
    const units = sentenceUnits(doc, si, tokens, honorifics, (by ??= groupBySentence(doc)));
    if (units.length === 0) return;
    // "بحث … في اتصال هاتفي": the mode of a meeting is that of any mode-bearing trigger of the sentence.
    const phone = hits.find((h) => h.def.type === 'MET_WITH' && h.def.attributes['mode'] && h.def.attributes['mode'] !== 'in_person');
    for (const hit of hits) {
      if (blocked(hit, tokens, s.tokStart, lex, bits.cue) || notATrigger(doc, hit) || insideName(doc, hit)) continue;
      // "المعارض الروسي نافالني" is a description; "المعارض (الرئيسي) للحكومة" (its object after ل) a stance.
      if (hit.def.noArticle && hit.article && !lamObject(doc, tokens, hit.tokEnd, s.tokEnd)) continue;
      const context = lex.contexts.get(hit.def.id);
      if (context && !nearWords(tokens, hit, s.tokStart, s.tokEnd, context.words, context.window)) continue;
      const notNear = lex.notNear.get(hit.def.id);
      if (notNear && nearWords(tokens, hit, s.tokStart, s.tokEnd, notNear.words, notNear.window)) continue;
      const notFollowed = lex.notFollowedBy.get(hit.def.id);
      if (notFollowed && hit.tokEnd < s.tokEnd && readingIn(tokens, hit.tokEnd, notFollowed.words)) continue;
      if (hit.def.type === 'COOPERATES_WITH' && cueAfter(tokens, hit, s.tokEnd, lex.cancelledAfter, 10, bits.cue)) continue;
      const bodiesNot = lex.notNearBodies.get(hit.def.id);
      const personsOnly = bodiesNot !== undefined && nearWords(tokens, hit, s.tokStart, s.tokEnd, bodiesNot.words, bodiesNot.window);
      const planned = hit.future || nearCue(tokens, hit, s.tokStart, s.tokEnd, lex.plannedCues, 6, bits.cue);
      for (const name of hit.def.patterns) {
        const ctx = { hit, units, tokens, sentence: s, lex, hits, roles: by!.roles[si]! };
        let bindings = withoutHeads(ctx, PATTERNS[name](ctx));
        if (name === 'attendees') bindings = bindings.filter((b) => ofOtherStates(doc, gaz, b));
        // A plain loop: the patterns return arrays of several element kinds, and an inlined
        // .map/.filter chain over them kept deoptimizing this hot closure (six compilations).
        let good: Binding[] = [];
        for (let k = 0; k < bindings.length; k++) {
          const b = checkTypes(hit.def.type, hit.def.type === 'COOPERATES_WITH' ? asStates(doc, gaz, bindings[k]!) : bindings[k]!, doc);
          if (b !== null && !(hit.def.notHome && atHome(doc, gaz, b.source, b.target)) && !ownState(doc, gaz, b)) good.push(b);
        }
        if (!good.length) continue;
        // The pattern that reads the sentence is this one; of its bindings, those with an organization
        // of an excluded sector go, and near a cue for bodies only those with a person remain.
        const sectors = hit.def.notSectors;
        if (sectors || personsOnly) {
          good = good.filter((b) => !(sectors && inSectors(gaz, b, sectors)) && !(personsOnly && !withPerson(doc, b)));
          if (!good.length) break;
        }
        const [tStart, tEnd] = toOriginal(norm, tokens.start[hit.tokStart]! + hit.prefixLen, tokens.end[hit.tokEnd - 1]!);
        const phoneMode = phone?.def.attributes['mode'];
        emitBindings(doc, add, { def: hit.def, start: tStart, end: tEnd }, good, s, { pattern: name, rulePrefix: '', phoneMode, planned });
        break;
      }
    }
  });
}

const CLAUSE_BREAKS = new Set(['،', ',', '؛', ';', ':', '.', '"', '«', '»']);

/** Negated (لم يلتق), cancelled (ألغى اللقاء) or only requested (دعا إلى وساطة) events, looked for back to the clause start. */
function blocked(hit: TriggerHit, tokens: Tokens, from: number, lex: TriggerLexicon, cueBit: number): boolean {
  // "قد يلتقي", "قد يعقد اجتماعا": قد before an imperfect verb says "may", a possibility only.
  for (const k of [hit.tokStart - 1, hit.tokStart - 2]) {
    if (k >= from && tokens.norm[k] === 'قد' && tokens.norm[k + 1]!.startsWith('ي')) return true;
  }
  for (let k = hit.tokStart - 1; k >= Math.max(from, hit.tokStart - 12); k--) {
    if (CLAUSE_BREAKS.has(tokens.norm[k]!)) break;
    if (!mayHave(tokens, k, cueBit)) continue;
    if (k >= hit.tokStart - 2 && anyForm(tokens, k, lex.negators)) return true;
    // "لوقف الحرب": a war being stopped did happen; a stopped meeting or support did not.
    if (hit.def.type !== 'OPPOSES' && hit.def.type !== 'AT_WAR_WITH' && anyForm(tokens, k, lex.cancellers)) return true;
    if (hit.def.type !== 'SUPPORTS' && hit.def.type !== 'OPPOSES' && anyForm(tokens, k, lex.requesters)) return true;
  }
  // "ودعا وزير حقوق الإنسان اليمني، عز الدين الأصبحي، مفوض الأمم المتحدة …، الرئيس الدوري لمجلس
  // حقوق الإنسان لزيارة مدينة عدن": a purpose noun hangs on a request made before the commas of
  // the appositions.
  if (purposeHit(tokens, hit) && hit.def.type !== 'SUPPORTS' && hit.def.type !== 'OPPOSES') {
    for (let k = hit.tokStart - 1; k >= Math.max(from, hit.tokStart - PURPOSE_REQUEST_WINDOW); k--) {
      if (SENTENCE_BREAKS.has(tokens.norm[k]!)) break;
      if (mayHave(tokens, k, cueBit) && anyForm(tokens, k, lex.requesters)) return true;
    }
  }
  return false;
}

/** Tokens back from a purpose noun (لزيارة، للقاء) to the request it may hang on. */
const PURPOSE_REQUEST_WINDOW = 25;
const SENTENCE_BREAKS = new Set(['؛', ';', ':', '.']);

/** Token k, or one of its readings without proclitics and article, is in `set`. */
function anyForm(tokens: Tokens, k: number, set: ReadonlySet<string>): boolean {
  return readingIn(tokens, k, set) || set.has(tokens.norm[k]!);
}

/** An argument of the binding is a gazetteer organization of one of these sectors. */
function inSectors(gaz: CompiledGazetteer, b: Binding, sectors: readonly string[]): boolean {
  for (const id of [b.source, b.target]) {
    const g = gaz.byId.get(id);
    const sector = g !== undefined ? gaz.entries[g]!.sector : undefined;
    if (sector !== undefined && sectors.includes(sector)) return true;
  }
  return false;
}

/** A person is one of the binding's arguments. */
const withPerson = (doc: Doc, b: Binding): boolean => doc.entities.get(b.source)?.type === 'PERSON' || doc.entities.get(b.target)?.type === 'PERSON';

/** The place lies in the actor's own country (both known): a capital or city of it, or the country itself. */
function atHome(doc: Doc, gaz: CompiledGazetteer, actor: string, place: string): boolean {
  const home = countryOfEntity(doc, gaz, actor, false);
  if (!home) return false;
  const g = gaz.byId.get(place);
  return (countryOfEntity(doc, gaz, place, false) ?? (g !== undefined ? gaz.entries[g]!.country : undefined)) === home;
}

/**
 * A person and the state or body they hold an office of (by the document's titles, else the
 * gazetteer): "رفض ترامب التنازل … لعزل الولايات المتحدة", "زيارة ولي العهد السعودي محمد بن سلمان
 * لفرنسا" (not a visit of Saudi Arabia) — a leader does not meet, visit, back, oppose or fight their
 * own state or body; such a pair is a misread sentence (ant-2018: about 210, every one of samples of
 * 25 and 20 wrong).
 */
function ownState(doc: Doc, gaz: CompiledGazetteer, b: Binding): boolean {
  const type = (id: string): string | undefined => doc.entities.get(id)?.type;
  if (type(b.source) === 'PERSON') return holdsOffice(doc, gaz, b.source, b.target);
  if (type(b.target) === 'PERSON') return holdsOffice(doc, gaz, b.target, b.source);
  return false;
}

function holdsOffice(doc: Doc, gaz: CompiledGazetteer, person: string, body: string): boolean {
  const t = doc.entities.get(body)?.type;
  if (t === 'COUNTRY') return countryOfEntity(doc, gaz, person, false) === body;
  if (t !== 'ORGANIZATION') return false;
  if (doc.roles.some((r) => r.person === person && r.of === body)) return true;
  const g = gaz.byId.get(person);
  return g !== undefined && (gaz.entries[g]!.roles ?? []).some((r) => r.of === body && dateOk(doc.meta.published, r.from, r.to));
}

/**
 * Attendees met one another when they came from different states (the ministers of a regional
 * meeting); officials of one state listed at a reception or a talk are its host's party, and the
 * dev gold leaves them unpaired. Both states must be known.
 */
function ofOtherStates(doc: Doc, gaz: CompiledGazetteer, b: Binding): boolean {
  const a = countryOfEntity(doc, gaz, b.source, false), c = countryOfEntity(doc, gaz, b.target, false);
  return a !== undefined && c !== undefined && a !== c;
}

/** "تعاوننا مع روسيا" said by the Chinese minister: cooperation between a person and a state is between their states. */
function asStates(doc: Doc, gaz: CompiledGazetteer, b: Binding): Binding {
  const type = (id: string): string | undefined => doc.entities.get(id)?.type;
  const lift = (id: string, other: string): string =>
    type(id) === 'PERSON' && type(other) === 'COUNTRY' ? (countryOfEntity(doc, gaz, id, false) ?? id) : id;
  return { ...b, source: lift(b.source, b.target), target: lift(b.target, b.source) };
}

function cueAfter(tokens: Tokens, hit: TriggerHit, to: number, cues: ReadonlySet<string>, window: number, cueBit: number): boolean {
  for (let k = hit.tokEnd; k < Math.min(to, hit.tokEnd + window); k++) if (mayHave(tokens, k, cueBit) && readingIn(tokens, k, cues)) return true;
  return false;
}

/**
 * Forms the trigger trie takes for triggers but the text says are not:
 * - "عارضة" (a model, a crossbar) is normalized عارضه like "عارضه" (opposed him): a final ة in the
 *   text is no pronoun suffix;
 * - "المعارضة السورية", with the article and a nisba, is a group (the Syrian opposition), not an act.
 */
function notATrigger(doc: Doc, hit: TriggerHit): boolean {
  const tokens = doc.tokens!, norm = doc.norm!;
  if (hit.suffixed) {
    const [s, e] = toOriginal(norm, tokens.start[hit.tokStart]!, tokens.end[hit.tokStart]!);
    let p = e - 1;
    while (p > s && isWordMark(doc.text.charCodeAt(p))) p--;
    if (doc.text.charCodeAt(p) === TA_MARBUTA) return true;
  }
  if (hit.def.groupWithNisba && tokens.norm[hit.tokStart]!.startsWith('ال', hit.prefixLen)) {
    return doc.mentions.some((m) => m.tokStart === hit.tokEnd && m.kind === 'nisba');
  }
  return false;
}

const TA_MARBUTA = 0x0629;

/** The trigger's words are part of a name ("مجلس التعاون الخليجي", "منظمة شنغهاي للتعاون"): no event. */
const insideName = (doc: Doc, hit: TriggerHit): boolean =>
  doc.mentions.some((m) => (m.kind === 'name' || m.kind === 'alias') && m.tokStart <= hit.tokStart && hit.tokEnd <= m.tokEnd);

/** Token k (inside the sentence) carries the proclitic ل: لبوتين، للحكومة. */
const lamAt = (tokens: Tokens, k: number, end: number): boolean => k < end && tokens.norm[k]!.startsWith('ل') && readingsOf(tokens, k).some((d) => d.prefixLen > 0);

/** Adjectives with the article that name nothing may stand before the object. */
const MAX_ADJECTIVES = 3;

/** An object with ل at token k, or after adjectives with the article that name nothing (المعارض الرئيسي لبوتين، الدعم السياسي والعسكري لـ…). */
function lamObject(doc: Doc, tokens: Tokens, k: number, end: number): boolean {
  for (let a = 0; a <= MAX_ADJECTIVES && k < end; a++, k++) {
    if (lamAt(tokens, k, end)) return true;
    if (!/^و?ال/.test(tokens.norm[k]!) || doc.mentions.some((m) => m.tokStart === k)) return false;
  }
  return false;
}

/** One of token k's readings, for k within `window` tokens of the trigger, is in `words`. */
function nearWords(tokens: Tokens, hit: TriggerHit, from: number, to: number, words: ReadonlySet<string>, window: number): boolean {
  for (let k = Math.max(from, hit.tokStart - window); k < Math.min(to, hit.tokEnd + window); k++) if (k < hit.tokStart || k >= hit.tokEnd) if (readingIn(tokens, k, words)) return true;
  return false;
}

function nearCue(tokens: Tokens, hit: TriggerHit, from: number, to: number, cues: ReadonlySet<string>, window: number, cueBit: number): boolean {
  for (let k = Math.max(from, hit.tokStart - window); k < Math.min(to, hit.tokEnd + window); k++) if (mayHave(tokens, k, cueBit) && readingIn(tokens, k, cues)) return true;
  return false;
}
