// English relation extraction, with the semantics of the Arabic one (src/relations/extract.ts):
// triggers found by the longest form, argument patterns tried in order, the same type checks
// (relations/types.ts), negated / cancelled / requested events dropped, planned ones marked, a
// phone cue anywhere in the sentence giving the meeting's mode, HOLDS_ROLE from title phrases.
import { emitBindings } from '../relations/emit.js';
import { holdsRole, relationSink } from '../relations/holds-role.js';
import type { Doc, RelationRecord } from '../doc.js';
import { need } from '../doc.js';
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import { relationKey } from '../graph/document-graph.js';
import type { Binding } from '../relations/patterns.js';
import { checkTypes } from '../relations/types.js';
import type { Tokens } from '../text/tokenize.js';
import { longestAt, type EnglishLexicons, type EnTriggerDef, type PhraseTrie } from './lexicon.js';
import { EN_PATTERN_FNS, type EnHit } from './patterns.js';
import type { EnglishLayer } from './text.js';
import { englishUnits } from './units.js';

const VERB_TAGS = new Set(['VERB', 'AUX']);
const CLAUSE_BREAKS = new Set([',', ';', ':', '.', '"', '“', '”', '(', ')']);

export function extractEnglishRelations(doc: Doc, gaz: CompiledGazetteer, lex: EnglishLexicons, layer: EnglishLayer, minConfidence: number): void {
  const tokens = need(doc, 'tokens', 'en-relations');
  const sentences = need(doc, 'sentences', 'en-relations');
  const add = relationSink(doc, minConfidence);
  holdsRole(doc, gaz, add);
  sentences.forEach((s, si) => {
    const units = englishUnits(doc, si, lex, layer);
    if (!units.length) return;
    const hits = findTriggers(lex, tokens, layer, s.tokStart, s.tokEnd);
    const phone = hits.find((h) => h.def.type === 'MET_WITH' && h.def.attributes['mode'] && h.def.attributes['mode'] !== 'in_person');
    const sentence = { tokStart: s.tokStart, tokEnd: s.tokEnd };
    for (const hit of hits) {
      if (blocked(hit, tokens, s.tokStart, lex)) continue;
      const planned = near(lex.plannedCues, tokens, hit, s.tokStart, s.tokEnd, 6);
      for (const name of hit.def.patterns) {
        const bindings = EN_PATTERN_FNS[name]({ hit, units, tokens, sentence, lex, hits });
        const good = bindings.map((b) => checkTypes(hit.def.type, b, doc)).filter((b): b is Binding => b !== null);
        if (!good.length) continue;
        const tStart = tokens.start[hit.tokStart]!, tEnd = tokens.end[hit.tokEnd - 1]!;
        const phoneMode = phone?.def.attributes['mode'];
        emitBindings(doc, add, { def: hit.def, start: tStart, end: tEnd }, good, s, { pattern: name, rulePrefix: 'en:', phoneMode, planned });
        break;
      }
    }
  });
}

/** Triggers of a sentence, longest form first; a form that is both a noun and a verb (visits, strikes) is read by its POS tag. */
export function findTriggers(lex: EnglishLexicons, tokens: Tokens, layer: EnglishLayer, from: number, to: number): EnHit[] {
  const hits: EnHit[] = [];
  for (let i = from; i < to; i++) {
    const m = longestAt(lex.triggers, tokens.norm, i, to);
    if (!m) continue;
    const defs = [...new Set(m.items)];
    const verb = VERB_TAGS.has(layer.pos[i]!);
    const byPos = defs.filter((d: EnTriggerDef) => (d.pos === 'verb') === verb);
    const chosen = byPos.length ? byPos : defs;
    // One reading per relation type.
    const types = new Set<string>();
    for (const def of chosen) {
      if (types.has(def.type)) continue;
      types.add(def.type);
      hits.push({ def, tokStart: i, tokEnd: m.end });
    }
    i = m.end - 1;
  }
  return hits;
}

/** Negated ("did not meet"), cancelled ("called off his visit") or only requested ("urged talks") events, looked for back to the clause start. */
function blocked(hit: EnHit, tokens: Tokens, from: number, lex: EnglishLexicons): boolean {
  const t = hit.def.type;
  for (let k = hit.tokStart - 1; k >= Math.max(from, hit.tokStart - 12); k--) {
    if (CLAUSE_BREAKS.has(tokens.norm[k]!)) break;
    if (k >= hit.tokStart - 3 && longestAt(lex.negators, tokens.norm, k, hit.tokStart)) return true;
    // "efforts to end the war": a war being ended did happen; ended talks or support did not.
    if (t !== 'OPPOSES' && t !== 'AT_WAR_WITH' && longestAt(lex.cancellers, tokens.norm, k, hit.tokStart)) return true;
    if (t !== 'SUPPORTS' && t !== 'OPPOSES' && longestAt(lex.requesters, tokens.norm, k, hit.tokStart)) return true;
  }
  return false;
}

function near(cues: PhraseTrie<true>, tokens: Tokens, hit: EnHit, from: number, to: number, window: number): boolean {
  for (let k = Math.max(from, hit.tokStart - window); k < Math.min(to, hit.tokEnd + window); k++) {
    if (k >= hit.tokStart && k < hit.tokEnd) continue;
    if (longestAt(cues, tokens.norm, k, to)) return true;
  }
  return false;
}

