// Argument patterns named in lexicons/en/triggers.json. Each takes the trigger and the sentence's
// actor units and returns (source, target) bindings; the first pattern that binds wins. English is
// subject–verb–object: the agent of a verb is the subject before it; the agent of a noun is its
// possessor or adjective ("Xi's visit", "Israeli strikes"), a "by" phrase, or the sentence subject.
import type { Binding } from '../relations/patterns.js';
import type { Tokens } from '../text/tokenize.js';
import type { EnglishLexicons, EnPatternName, EnTriggerDef } from './lexicon.js';
import { longestAt } from './lexicon.js';
import type { EnUnit } from './units.js';

export interface EnHit {
  readonly def: EnTriggerDef;
  readonly tokStart: number;
  readonly tokEnd: number;
}

export interface EnPatternContext {
  readonly hit: EnHit;
  readonly units: readonly EnUnit[];
  readonly tokens: Tokens;
  readonly sentence: { tokStart: number; tokEnd: number };
  readonly lex: EnglishLexicons;
  readonly hits: readonly EnHit[];
}

const ACTOR_TYPES = new Set(['PERSON', 'COUNTRY', 'ORGANIZATION']);
const CLAUSE_BREAK = new Set([';', ':', '(', ')', '"', '“', '”', 'who', 'which', 'while', 'whereas', 'but', 'although', 'because', 'since', 'where', 'when']);
/** Prepositions that make a noun a topic of talk rather than an event of the subject ("talks on the war"). */
const TOPIC = new Set(['on', 'about', 'over', 'regarding', 'concerning']);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
/** How far back a subject may stand (appositions and adverbials between). */
const MAX_SUBJECT_DISTANCE = 20;

const isActor = (u: EnUnit): boolean => ACTOR_TYPES.has(u.type) || u.standsFor;

function chainForward(units: readonly EnUnit[], i: number): EnUnit[] {
  const out = [units[i]!];
  for (let k = i + 1; k < units.length; k++) {
    const prev = out[out.length - 1]!, u = units[k]!;
    if (u.coordinated && u.tokStart <= prev.tokEnd + 3 && u.kind !== 'nisba') out.push(u);
    else break;
  }
  return out;
}

function chainBackward(units: readonly EnUnit[], i: number): EnUnit[] {
  const out = [units[i]!];
  for (let k = i - 1; k >= 0; k--) {
    const next = out[0]!, u = units[k]!;
    if (next.coordinated && next.tokStart <= u.tokEnd + 3) out.unshift(u);
    else break;
  }
  return out;
}

const ids = (us: readonly EnUnit[]): string[] => [...new Set(us.flatMap((u) => u.entities))];
const endOf = (us: readonly EnUnit[], fallback: number): number => (us.length ? Math.max(fallback, us[us.length - 1]!.tokEnd) : fallback);

const pairs = (xs: readonly string[], confidence: number): Binding[] => {
  const out: Binding[] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push({ source: xs[i]!, target: xs[j]!, confidence });
  return out;
};
const cross = (a: readonly string[], b: readonly string[], confidence: number, attributes?: Record<string, unknown>): Binding[] =>
  a.flatMap((s) => b.filter((t) => t !== s).map((t) => (attributes ? { source: s, target: t, confidence, attributes } : { source: s, target: t, confidence })));

/** Units governed by one of `preps`, starting within `window` tokens after `from`, not past another relation's trigger. */
function governed(ctx: EnPatternContext, preps: readonly (string | null)[], from: number, window: number, actorsOnly: boolean): EnUnit[] {
  const { units, tokens, sentence } = ctx;
  let stop = from;
  while (stop < sentence.tokEnd && stop < from + window && !CLAUSE_BREAK.has(tokens.norm[stop]!)) {
    if (stop > ctx.hit.tokEnd && ctx.hits.some((h) => h.tokStart === stop && h.def.type !== ctx.hit.def.type)) break;
    stop++;
  }
  const i = units.findIndex((u) => u.tokStart >= from && u.tokStart < stop && preps.includes(u.prep) && u.kind !== 'nisba' && (!actorsOnly || isActor(u)));
  return i >= 0 ? chainForward(units, i) : [];
}

/** The subject before the trigger: the nearest free actor unit in the clause. */
function subjectBefore(ctx: EnPatternContext): EnUnit[] {
  const { units, hit, tokens, sentence } = ctx;
  let clauseStart = sentence.tokStart;
  for (let k = hit.tokStart - 1; k >= sentence.tokStart; k--) {
    if (tokens.norm[k] === ';') {
      clauseStart = k + 1;
      break;
    }
  }
  for (let k = units.length - 1; k >= 0; k--) {
    const u = units[k]!;
    if (u.tokEnd > hit.tokStart || u.tokStart < clauseStart) continue;
    if (hit.tokStart - u.tokEnd > MAX_SUBJECT_DISTANCE) return [];
    // The object of an earlier verb ("Wang met Putin …, capping a visit") is not the subject.
    const objectOf = ctx.hits.some((h) => h !== hit && h.def.pos === 'verb' && h.tokEnd <= u.tokStart && u.tokStart - h.tokEnd <= 2);
    if (u.prep === null && u.kind !== 'nisba' && isActor(u) && !objectOf) return chainBackward(units, k);
  }
  return [];
}

/** A possessor or adjective right before a noun trigger ("Xi's state visit", "Qatari and Egyptian mediators", "Russia's full-scale invasion"). */
function modifierBefore(ctx: EnPatternContext): EnUnit[] {
  const { units, hit, tokens } = ctx;
  for (let k = units.length - 1; k >= 0; k--) {
    const u = units[k]!;
    if (u.tokEnd > hit.tokStart) continue;
    const gap = hit.tokStart - u.tokEnd - (u.possessive ? 1 : 0);
    if (gap < 0 || gap > 2) return [];
    // Words between must be modifiers, not a verb or a preposition: "Russia's full-scale invasion", not "Russia said war".
    for (let j = u.tokEnd + (u.possessive ? 1 : 0); j < hit.tokStart; j++) if (!/^[a-z0-9]+$/.test(tokens.norm[j]!) || tokens.norm[j] === 'and') return [];
    if (!u.possessive && u.kind !== 'nisba' && gap > 0) return [];
    return chainBackward(units, k).filter((x) => x.kind === 'nisba' || x.possessive || x === u);
  }
  return [];
}

function agent(ctx: EnPatternContext): EnUnit[] {
  const { hit, units } = ctx;
  if (hit.def.pos === 'noun') {
    const mod = modifierBefore(ctx);
    if (mod.length) return mod;
    // "a visit by Xi to Moscow", "strikes by Israel on Gaza".
    const by = units.findIndex((u) => u.prep === 'by' && u.tokStart >= hit.tokEnd && u.tokStart <= hit.tokEnd + 2);
    if (by >= 0) return chainForward(units, by);
    // "the visit of Xi to Moscow" (for a war, "of" is the object: the invasion of Ukraine).
    if (hit.def.type === 'VISITS' || hit.def.type === 'MET_WITH') {
      const of = units.findIndex((u) => u.prep === 'of' && u.tokStart >= hit.tokEnd && u.tokStart <= hit.tokEnd + 2);
      if (of >= 0) return chainForward(units, of);
    }
    // A war or an attack is waged by its own agent (modifier, possessor, "by"), never by the subject
    // of another verb ("Al Thani discussed the efforts to end the war in Gaza").
    if (hit.def.type === 'AT_WAR_WITH') return [];
    // The sentence subject, unless the noun is a topic: in "Wang held talks with Lavrov on the war in Ukraine" the war is not Wang's.
    let p = hit.tokStart - 1;
    while (p > ctx.sentence.tokStart && ctx.lex.determiners.has(ctx.tokens.norm[p]!)) p--;
    if (TOPIC.has(ctx.tokens.norm[p] ?? '')) return [];
  }
  return subjectBefore(ctx);
}

const passive = (ctx: EnPatternContext): boolean => ctx.hit.def.pos === 'verb' && PASSIVE_AUX.has(ctx.tokens.norm[ctx.hit.tokStart - 1] ?? '');

export const EN_PATTERN_FNS: Record<EnPatternName, (ctx: EnPatternContext) => Binding[]> = {
  between: (ctx) => {
    const list = ids(governed(ctx, ['between'], ctx.hit.tokEnd, 6, true));
    return list.length >= 2 ? pairs(list, 0.85) : [];
  },
  agent_with: (ctx) => {
    const a = agent(ctx);
    if (!a.length) return [];
    const w = governed(ctx, ['with'], Math.min(ctx.hit.tokEnd, a[0]!.tokStart), 25, true).filter((u) => !a.includes(u));
    return cross(ids(a), ids(w), 0.85);
  },
  agent_object: (ctx) => {
    const preps = (ctx.hit.def.objectPreps ?? ['']).map((p) => (p === '' ? null : p));
    const placeOk = ctx.hit.def.type === 'VISITS' || ctx.hit.def.type === 'AT_WAR_WITH';
    if (passive(ctx)) {
      // "Blinken was received by Sisi": the "by" phrase is the agent.
      const by = governed(ctx, ['by'], ctx.hit.tokEnd, 6, true);
      const subj = subjectBefore(ctx);
      if (by.length && subj.length) return cross(ids(by), ids(subj), 0.7);
      return [];
    }
    const a = agent(ctx);
    if (!a.length) return [];
    const from = a[0]!.tokStart >= ctx.hit.tokEnd ? endOf(a, ctx.hit.tokEnd) : ctx.hit.tokEnd;
    const o = governed(ctx, preps, from, 8, !placeOk).filter((u) => !a.includes(u));
    return cross(ids(a), ids(o), 0.75);
  },
  agent_list: (ctx) => {
    if (ctx.hit.def.pos !== 'verb') return [];
    const us = subjectBefore(ctx);
    if (ctx.hit.def.type === 'MET_WITH' && !us.every((u) => u.type === 'PERSON' || u.type === 'ORGANIZATION' || u.kind === 'ref')) return [];
    const list = ids(us);
    return list.length >= 2 ? pairs(list, 0.7) : [];
  },
  compound: (ctx) => {
    // "the Russia-Ukraine war", "Israel-Hamas ceasefire talks", "Chinese-Russian cooperation".
    const { units, hit } = ctx;
    const k = units.findIndex((u) => u.tokEnd === hit.tokStart || (u.tokEnd === hit.tokStart - 1 && /^[a-z]+$/.test(ctx.tokens.norm[u.tokEnd]!)));
    if (k < 0) return [];
    const chain = chainBackward(units, k);
    const list = ids(chain);
    return list.length >= 2 ? pairs(list, 0.75) : [];
  },
  mediator_between: (ctx) => {
    const { hit, units, tokens, sentence, lex } = ctx;
    let mediators: EnUnit[] = [];
    // "mediation led by Qatar, Egypt and the United States", "a truce brokered by Egypt".
    for (let p = hit.tokEnd; p < Math.min(sentence.tokEnd, hit.tokEnd + 3) && !mediators.length; p++) {
      const m = longestAt(lex.ledBy, tokens.norm, p, sentence.tokEnd);
      if (!m) continue;
      const i = units.findIndex((u) => u.tokStart >= m.end && u.tokStart <= m.end + 1);
      if (i >= 0) mediators = chainForward(units, i);
    }
    if (!mediators.length && hit.def.pos === 'noun') mediators = modifierBefore(ctx);
    if (!mediators.length) mediators = subjectBefore(ctx);
    if (!mediators.length) return [];
    const m = ids(mediators);
    const parties = ids(governed(ctx, ['between'], Math.max(hit.tokEnd, endOf(mediators, hit.tokEnd)), 12, true)).filter((p) => !m.includes(p));
    return parties.length >= 2 ? cross(m, parties, 0.85, { between: parties }) : [];
  },
};
