// Bodies named without their country: "مجلس الوزراء", "وزارة الخارجية" stand for the body of the
// country the context gives, when the gazetteer lists that country's body under the same words
// followed by its nisba (مجلس الوزراء السعودي). The country comes from the article itself: the
// nearest full name of the same kind of body ("وزارة الخارجية القطرية … وأضافت وزارة الخارجية"),
// unless the article used the bare words repeatedly before naming one; else the one country the
// article mostly names. A person or city named right by the words, or a person whose title holds
// them, gives the country first ("رئيس مجلس النواب سليم الجبوري"، "فرع وزارة الخارجية بجدة").
// Nothing is guessed otherwise, so that no node of the corpus graph mixes the
// bodies of several countries.
import type { Doc } from '../doc.js';
import { need } from '../doc.js';
import type { BareBody, CompiledGazetteer } from '../gazetteer/compile.js';
import { addEntity } from '../match/gazetteer-match.js';
import { countryOfEntity } from './resolve.js';
import { withArticle, type Decomposition } from '../text/clitics.js';
import type { NameRules } from '../lexicon/name-rules.js';
import type { FormKeys } from '../text/form-features.js';
import { toOriginal } from '../text/normalize.js';
import { uint8s } from '../util/arena.js';
import { mayHave, readingsOf, TokenKind, type Tokens } from '../text/tokenize.js';

/**
 * A reading that may open a bare body's name: the first word of a listed body that is also an
 * organization's head word (وزارة، مجلس، الحزب …). Other first words (القوات المسلحة، التلفزيون
 * الرسمي، الشؤون الخارجية) are as often plain descriptions as names.
 */
const opens = (gaz: CompiledGazetteer, rules: NameRules, d: Decomposition): boolean => rules.organizationHeads.has(d.bare) && gaz.bareBodies.has(withArticle(d));

/** The form feature "the first word of a body's name may be here": a reading that `opens`, as keys. */
export const bareBodyStartKeys = (gaz: CompiledGazetteer, rules: NameRules): FormKeys => {
  const keys = [...gaz.bareBodies.keys()];
  return {
    baresWithoutArticle: keys.filter((k) => rules.organizationHeads.has(k)),
    baresWithArticle: keys.filter((k) => k.startsWith('ال') && rules.organizationHeads.has(k.slice(2))).map((k) => k.slice(2)),
  };
};

/** The form feature "the second word of a body's name may be here" (as written: no clitics). */
export const bareBodySecondKeys = (gaz: CompiledGazetteer): FormKeys => ({ forms: [...gaz.bareBodies.values()].flatMap((bodies) => bodies.map((b) => b.tokens[1]!)) });

/** The bits of the two features (0: every token is tried). */
export interface BareBodyFeatures {
  readonly start: number;
  readonly second: number;
}
const NO_FEATURES: BareBodyFeatures = { start: 0, second: 0 };

/** The share of an article's country mentions its main country must have to stand for it. */
const MAIN_COUNTRY_SHARE = 0.7;
/** …and at least this many mentions. */
const MAIN_COUNTRY_MENTIONS = 3;

/** A bare body's words in the text, before its country is settled. */
interface Hit {
  readonly body: BareBody;
  readonly d: Decomposition;
  readonly sentence: number;
  readonly tokStart: number;
  readonly tokEnd: number;
}

export function resolveBareBodies(doc: Doc, gaz: CompiledGazetteer, rules: NameRules, bits: BareBodyFeatures = NO_FEATURES): void {
  if (gaz.bareBodies.size === 0) return;
  const tokens = need(doc, 'tokens', 'coref');
  const sentences = need(doc, 'sentences', 'coref');
  const norm = need(doc, 'norm', 'coref');
  // Made when a first word is followed by a possible second one (in few documents).
  let covered: Uint8Array | undefined;
  // First every occurrence, grouped by article and body: whether the article used the bare words
  // before naming a body of the kind in full decides what they stand for.
  const groups = new Map<string, Hit[]>();
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    for (let i = s.tokStart; i < s.tokEnd - 1; i++) {
      if (!mayHave(tokens, i, bits.start) || !mayHave(tokens, i + 1, bits.second) || tokens.kind[i] !== TokenKind.ArabicWord) continue;
      if (!covered) {
        covered = uint8s(doc.arena, tokens.count);
        for (const m of doc.mentions) covered.fill(1, m.tokStart, m.tokEnd);
      }
      if (covered[i]) continue;
      for (const d of readingsOf(tokens, i)) {
        if (!opens(gaz, rules, d)) continue;
        const body = bodyAt(gaz.bareBodies.get(withArticle(d)), tokens, i, s.tokEnd, covered);
        if (!body) continue;
        const key = `${s.article} ${body.tokens.join(' ')}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push({ body, d, sentence: si, tokStart: i, tokEnd: i + body.tokens.length });
        i += body.tokens.length - 1;
        break;
      }
    }
  }
  const mainCountry = new Map<number, string | null>();
  for (const hits of groups.values()) {
    const article = sentences[hits[0]!.sentence]!.article;
    const full = fullNames(doc, gaz, hits[0]!.body, article);
    // Used bare twice or more before any full name: the article's own body ("مجلس الوزراء" all through
    // a Saudi cabinet report that names "مجلس الوزراء القطري" once).
    const home = full.length === 0 || hits.filter((h) => h.tokStart < full[0]!.tokStart).length >= 2;
    for (const h of hits) {
      let country: string | null | undefined = anchorCountry(doc, gaz, h);
      if (country) {
        // The body's own phrase says whose it is.
      } else if (!home) {
        // The nearest full name before, else the first after (a headline's bare words, named in the body).
        const before = full.filter((f) => f.tokStart < h.tokStart).pop();
        country = (before ?? full[0]!).country;
      } else {
        country = mainCountry.get(article);
        if (country === undefined) mainCountry.set(article, (country = articleCountry(doc, article)));
      }
      const entry = country ? h.body.byCountry.get(country) : undefined;
      if (entry === undefined) continue;
      const [start] = toOriginal(norm, tokens.start[h.tokStart]! + h.d.prefixLen, tokens.end[h.tokStart]!);
      const [, stop] = toOriginal(norm, tokens.start[h.tokEnd - 1]!, tokens.end[h.tokEnd - 1]!);
      const e = addEntity(doc, gaz, entry);
      doc.mentions.push({ start, end: stop, text: doc.text.slice(start, stop), kind: 'alias', sentence: h.sentence, tokStart: h.tokStart, tokEnd: h.tokEnd, entity: e.id, rule: 'coref:bare-body' });
    }
  }
}

/**
 * The country a bare body's own phrase gives: a person named right after it ("رئيس مجلس النواب سليم
 * الجبوري"), a capital right after it or after في ("وزارة الخارجية في مانيلا"; not a region: "وزارة
 * المالية في كاليفورنيا" is the state's), or the person whose title holds it ("محمد بن راشد، نائب رئيس
 * الدولة رئيس مجلس الوزراء"); undefined when none does, or none's country is known.
 */
function anchorCountry(doc: Doc, gaz: CompiledGazetteer, h: Hit): string | undefined {
  const tokens = doc.tokens!;
  const between = tokens.norm[h.tokEnd] ?? '';
  for (const m of doc.mentions) {
    if (m.sentence !== h.sentence || m.rule === 'coref:bare-body') continue;
    const type = doc.entities.get(m.entity)?.type;
    const next = m.tokStart === h.tokEnd || (m.tokStart === h.tokEnd + 1 && (between === '،' || between === ',' || (type === 'LOCATION' && between === 'في')));
    if (!next || (type !== 'PERSON' && type !== 'LOCATION')) continue;
    // countryOfEntity: a person's country, or the state a capital stands for (not a region's).
    const c = countryOfEntity(doc, gaz, m.entity, false);
    if (c) return c;
  }
  for (const r of doc.roles) {
    if (!r.person || r.sentence !== h.sentence || r.titleTokStart > h.tokStart || r.titleTokEnd < h.tokEnd) continue;
    const c = countryOfEntity(doc, gaz, r.person, false);
    if (c) return c;
  }
  return undefined;
}

/** The longest listed body whose words start at token i, not followed by another name (its nisba, its country). */
function bodyAt(bodies: readonly BareBody[] | undefined, tokens: Tokens, i: number, end: number, covered: Uint8Array): BareBody | undefined {
  for (const body of bodies ?? []) {
    const n = body.tokens.length;
    if (i + n > end) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) ok = !covered[i + k] && tokens.norm[i + k] === body.tokens[k];
    // "وزارة الخارجية الروسية" names its own country, "الاستخبارات العسكرية التقليدية" is a
    // description: the words must end there.
    if (ok && !(i + n < end && (covered[i + n] || readingsOf(tokens, i + n).some((d) => d.hasAl && d.prefixLen === 0)))) return body;
  }
  return undefined;
}

/** The full names (gazetteer mentions) of bodies of this kind in the article, in text order, with their countries. */
function fullNames(doc: Doc, gaz: CompiledGazetteer, body: BareBody, article: number): { tokStart: number; country: string }[] {
  const sentences = doc.sentences!;
  const out: { tokStart: number; country: string }[] = [];
  for (const m of doc.mentions) {
    if (sentences[m.sentence]!.article !== article || m.rule === 'coref:bare-body') continue;
    const i = gaz.byId.get(m.entity);
    const c = i === undefined ? undefined : gaz.entries[i]!.country;
    if (c && body.byCountry.get(c) === i) out.push({ tokStart: m.tokStart, country: c });
  }
  return out.sort((a, b) => a.tokStart - b.tokStart);
}

/** The country most of an article's country mentions name (or stand for), when one clearly does; else null. */
function articleCountry(doc: Doc, article: number): string | null {
  const sentences = doc.sentences!;
  const counts = new Map<string, number>();
  let total = 0;
  for (const m of doc.mentions) {
    if (sentences[m.sentence]!.article !== article) continue;
    // A country, or a body or capital that stands for one (الحكومة المصرية، الرياض).
    const e = doc.entities.get(m.entity);
    const c = e?.type === 'COUNTRY' ? e.id : e?.standsFor;
    if (!c) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    total++;
  }
  let best: string | null = null, bestN = 0;
  for (const [c, n] of counts) if (n > bestN) [best, bestN] = [c, n];
  return best !== null && bestN >= MAIN_COUNTRY_MENTIONS && bestN >= MAIN_COUNTRY_SHARE * total ? best : null;
}
