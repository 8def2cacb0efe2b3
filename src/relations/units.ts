// Actor units of a sentence: a name, a title with its name (الرئيس الروسي فلاديمير بوتين), a
// nisba, or a resolved reference (البلدين → two countries), with the preposition that governs it.
import type { Doc, Mention, Reference, RoleLink } from '../doc.js';
import type { EntityType } from '../gazetteer/schema.js';
import { normalizeString } from '../text/normalize.js';
import type { Tokens } from '../text/tokenize.js';
import { sortInPlace } from '../util/sort.js';

export interface Unit {
  readonly tokStart: number;
  readonly tokEnd: number;
  readonly entities: readonly string[];
  readonly type: EntityType;
  /** 'pronoun': a reference to one entity (بلاده، حكومته). */
  readonly kind: 'name' | 'nisba' | 'title' | 'ref' | 'pronoun';
  /** Governing preposition: a word before (مع، بين، إلى …) or an attached ب/ل/ك; null for none. */
  readonly prep: string | null;
  /** Joined to the previous unit by و or a comma. */
  readonly coordinated: boolean;
  /** Joined to the unit before by a comma alone (no و): a list or an apposition. */
  readonly commaOnly: boolean;
  /** A place that stands for a state (a capital: موسكو for Russia), so an actor in an actor's slot. */
  readonly standsFor: boolean;
}

const PREPOSITIONS = new Set(
  ['مع', 'بين', 'الى', 'إلى', 'على', 'في', 'من', 'عن', 'ضد', 'لدى', 'عند', 'حول', 'بعد', 'قبل', 'خلال', 'منذ', 'عبر', 'نحو', 'تجاه', 'امام', 'داخل', 'خارج', 'جانب', 'باسم', 'بحسب', 'حسب', 'وفق', 'لصالح', 'ضمن', 'إزاء', 'حيال', 'بشأن', 'تجاه', 'دون', 'بدون', 'عدا', 'سوى', 'مثل', 'بينها', 'منها', 'بينهم', 'منهم', 'ومنها'].map(normalizeString),
);

// Leading conjunctions and prepositions looked through (و ف ب ل, and و ف).
const WBFL = new Set([0x648, 0x641, 0x628, 0x644]);
const WF = new Set([0x648, 0x641]);
/** w without its first letter when that letter is one of `lead` (as w.replace(/^[…]/, '')). */
const withoutLead = (w: string, lead: ReadonlySet<number>): string => (w.length > 0 && lead.has(w.charCodeAt(0)) ? w.slice(1) : w);

/** A document's mentions, role links and references grouped by sentence (built once per document). */
export interface BySentence {
  readonly mentions: readonly Mention[][];
  readonly roles: readonly RoleLink[][];
  readonly references: readonly Reference[][];
}

export function groupBySentence(doc: Doc): BySentence {
  const n = doc.sentences?.length ?? 0;
  // Sentences without any share one empty array (most of a document's sentences, three lists each).
  const make = <T extends { sentence: number }>(xs: readonly T[]): T[][] => {
    const none: T[] = [];
    const out: T[][] = new Array<T[]>(n).fill(none);
    for (const x of xs) {
      const si = x.sentence;
      if (si < 0 || si >= n) continue;
      if (out[si] === none) out[si] = [];
      out[si]!.push(x);
    }
    return out;
  };
  return { mentions: make(doc.mentions), roles: make(doc.roles), references: make(doc.references) };
}

/**
 * The normalized proclitics of token k before original offset `spanStart` (a mention starting inside
 * the token): normalizeString(text.slice(token start, spanStart)), read from the token's normalized
 * form (normalization works unit by unit; a span inside a token holds no space).
 */
function cliticBefore(norm: NonNullable<Doc['norm']>, tokens: Tokens, k: number, spanStart: number): string {
  const s = tokens.start[k]!, end = tokens.end[k]!;
  let e = s;
  while (e < end && norm.map[e]! < spanStart) e++;
  return tokens.norm[k]!.slice(0, e - s);
}

/** `honorifics`: words that may stand before a name (الدكتور، صاحب السمو الملكي الأمير) and are looked through. */
export function sentenceUnits(doc: Doc, si: number, tokens: Tokens, honorifics: ReadonlySet<string>, by: BySentence): Unit[] {
  const s = doc.sentences![si]!;
  const units: Unit[] = [];
  const covered = new Set<number>();
  const tokenOrigStart = (k: number): number => doc.norm!.map[tokens.start[k]!]!;
  const make = (tokStart: number, tokEnd: number, spanStart: number, entities: string[], kind: Unit['kind']): Unit | null => {
    const entity = doc.entities.get(entities[0]!);
    const type = entity?.type;
    if (!type) return null;
    const tokenStart = tokenOrigStart(tokStart);
    let clitic = spanStart > tokenStart ? cliticBefore(doc.norm!, tokens, tokStart, spanStart) : '';
    // Look through honorifics: "مع صاحب السمو الملكي الأمير محمد" is governed by مع; "والدكتور سلطان" is coordinated.
    let lead = tokStart;
    while (lead - 1 >= s.tokStart && honorifics.has(withoutLead(tokens.norm[lead - 1]!, WBFL))) lead--;
    if (lead < tokStart) clitic = tokens.norm[lead]!.startsWith('و') && !honorifics.has(tokens.norm[lead]!) ? 'و' : '';
    const prevTok = lead - 1 >= s.tokStart ? tokens.norm[lead - 1]! : '';
    const prevWord = withoutLead(prevTok, WF);
    let prep: string | null = null;
    if (clitic.endsWith('ب') || clitic.endsWith('ل') || clitic.endsWith('ك')) prep = clitic.slice(-1);
    else if (PREPOSITIONS.has(prevTok)) prep = prevTok;
    else if (PREPOSITIONS.has(prevWord) && prevWord.length > 1) prep = prevWord;
    const commaOnly = !clitic.startsWith('و') && (prevTok === '،' || prevTok === ',');
    const coordinated = commaOnly || clitic.startsWith('و') || prevTok === 'و';
    return { tokStart, tokEnd, entities, type, kind, prep, coordinated, commaOnly, standsFor: entity!.standsFor !== undefined };
  };
  const links = sortInPlace(by.roles[si]!.filter((r) => r.person), (a, b) => b.unitTokEnd - b.unitTokStart - (a.unitTokEnd - a.unitTokStart));
  for (const r of links) {
    if (covered.has(r.unitTokStart) || covered.has(r.unitTokEnd - 1)) continue;
    const u = make(r.unitTokStart, r.unitTokEnd, r.unitTokStart === r.titleTokStart ? r.start : spanStartOf(doc, r.unitTokStart, r.person!), [r.person!], 'title');
    if (!u) continue;
    units.push(u);
    for (let k = r.unitTokStart; k < r.unitTokEnd; k++) covered.add(k);
  }
  for (const m of by.mentions[si]!) {
    if (covered.has(m.tokStart) || m.kind === 'title') continue;
    if (m.kind === 'nisba' && doc.consumed?.[m.tokStart]) continue;
    const u = make(m.tokStart, m.tokEnd, m.start, [m.entity], m.kind === 'nisba' ? 'nisba' : m.kind === 'pronoun' ? 'pronoun' : 'name');
    if (u) units.push(u);
  }
  for (const r of by.references[si]!) {
    if (r.entities.length < 2) continue;
    const u = make(r.tokStart, r.tokEnd, r.start, r.entities, 'ref');
    if (u) units.push(u);
  }
  sortInPlace(units, (a, b) => a.tokStart - b.tokStart);
  // "في سوريا وأوكرانيا": a coordinated unit shares the preposition of the one before it.
  for (let i = 1; i < units.length; i++) {
    const u = units[i]!, prev = units[i - 1]!;
    if (u.coordinated && u.prep === null && prev.prep !== null && u.tokStart <= prev.tokEnd + 1) units[i] = { ...u, prep: prev.prep };
  }
  return units;
}

function spanStartOf(doc: Doc, tok: number, entity: string): number {
  return doc.mentions.find((m) => m.tokStart === tok && m.entity === entity)?.start ?? doc.norm!.map[doc.tokens!.start[tok]!]!;
}
