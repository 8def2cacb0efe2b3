// Actor units of an English sentence: a title with its person ("Qatari Foreign Minister Mohammed …"),
// a name, a demonym, or a resolved description ("the two countries"), with the preposition that
// governs it, whether it is joined to the previous unit (and / comma / hyphen) and whether it is a
// possessor ("Russia's").
import type { Doc } from '../doc.js';
import type { Unit } from '../relations/units.js';
import type { EnglishLexicons } from './lexicon.js';
import type { EnglishLayer } from './text.js';

export interface EnUnit extends Unit {
  readonly possessive: boolean;
  /** A capital or ministry that may stand for its state as a subject. */
  readonly standsFor: boolean;
}

const PREPOSITIONS = new Set([
  'with', 'between', 'to', 'in', 'on', 'against', 'from', 'of', 'by', 'for', 'at', 'into', 'toward', 'towards', 'over', 'among', 'amid', 'about',
  'across', 'during', 'after', 'before', 'under', 'through', 'via', 'including', 'like', 'near', 'within', 'without', 'despite', 'than', 'as', 'upon', 'inside', 'outside',
]);

export function englishUnits(doc: Doc, si: number, lex: EnglishLexicons, layer: EnglishLayer): EnUnit[] {
  const s = doc.sentences![si]!;
  const norm = doc.tokens!.norm;
  const covered = new Set<number>();
  const raw: Omit<EnUnit, 'prep' | 'coordinated' | 'commaOnly' | 'possessive'>[] = [];
  const make = (tokStart: number, tokEnd: number, entities: string[], kind: EnUnit['kind']): void => {
    const e = doc.entities.get(entities[0]!);
    if (!e) return;
    raw.push({ tokStart, tokEnd, entities, type: e.type, kind, standsFor: e.standsFor !== undefined });
  };
  const links = doc.roles.filter((r) => r.sentence === si && r.person).sort((a, b) => b.unitTokEnd - b.unitTokStart - (a.unitTokEnd - a.unitTokStart));
  for (const r of links) {
    if (covered.has(r.unitTokStart) || covered.has(r.unitTokEnd - 1)) continue;
    make(r.unitTokStart, r.unitTokEnd, [r.person!], 'title');
    for (let k = r.unitTokStart; k < r.unitTokEnd; k++) covered.add(k);
  }
  for (const m of doc.mentions) {
    if (m.sentence !== si || covered.has(m.tokStart) || m.kind === 'title') continue;
    if (m.kind === 'nisba' && doc.consumed?.[m.tokStart]) continue;
    make(m.tokStart, m.tokEnd, [m.entity], m.kind === 'nisba' ? 'nisba' : 'name');
  }
  for (const r of doc.references) {
    if (r.sentence !== si || r.entities.length < 2) continue;
    make(r.tokStart, r.tokEnd, r.entities, 'ref');
  }
  raw.sort((a, b) => a.tokStart - b.tokStart);
  const units: EnUnit[] = [];
  for (const u of raw) {
    // Look back through determiners and honorifics: "with the Qatari prime minister", "and his American counterpart".
    let p = u.tokStart - 1;
    while (p >= s.tokStart && lex.determiners.has(norm[p]!)) p--;
    const prev = p >= s.tokStart ? norm[p]! : '';
    const before = units[units.length - 1];
    const dash = layer.dashBefore[u.tokStart] === 1 && before !== undefined && before.tokEnd === u.tokStart;
    const coordinated = prev === 'and' || prev === ',' || prev === '&' || dash;
    let prep = PREPOSITIONS.has(prev) ? prev : null;
    // "between Israel and Hamas": a coordinated unit shares the preposition of the one before it.
    if (coordinated && prep === null && before && before.prep !== null && u.tokStart <= before.tokEnd + 3) prep = before.prep;
    const possessive = norm[u.tokEnd] === "'s" || norm[u.tokEnd] === "'";
    units.push(Object.assign({}, u, { prep, coordinated, commaOnly: prev === ',', possessive }));
  }
  return units;
}
