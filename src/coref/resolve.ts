// Coreference inside each article: short names to full names (وانغ → وانغ يي, آل ثاني → the full
// name), title phrases to the person holding the office, and pronouns/descriptions (بلاده، البلدين).
// Nothing crosses an article boundary of the page.
import type { Doc, Mention, RoleLink } from '../doc.js';
import { need } from '../doc.js';
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import { addEntity } from '../match/gazetteer-match.js';
import type { RefersTo } from '../lexicon/references.js';
import type { Resources } from '../pipeline/resources.js';
import { toOriginal } from '../text/normalize.js';
import type { FormKeys } from '../text/form-features.js';
import type { Decomposition } from '../text/clitics.js';
import { mayHave, TokenKind, readingsOf } from '../text/tokenize.js';
import { uint8s } from '../util/arena.js';

/** The form feature "a reference word (البلدين، الجانبين …) may be here", defined by the coref stage. */
export const referenceKeys = (res: Resources): FormKeys => {
  // referenceReading: a reading whose bare form is a reference word, with ال exactly when the word has it.
  const words = [...res.references];
  return { baresWithArticle: words.filter(([, r]) => r.withArticle).map(([w]) => w), baresWithoutArticle: words.filter(([, r]) => !r.withArticle).map(([w]) => w) };
};

/** The reading that is a reference word (البلدين، الجانبين …), with the article when the lexicon wants it. */
const referenceReading = (res: Resources, readings: readonly Decomposition[]): Decomposition | undefined =>
  readings.find((x) => res.references.get(x.bare)?.withArticle === x.hasAl);

/** `referenceBit`: the bit of referenceTest's feature (0: every token is tried). */
export function resolveCoreference(doc: Doc, res: Resources, referenceBit = 0): void {
  shortNames(doc, res);
  resolveTitles(doc, res.gazetteer);
  resolveReferences(doc, res, referenceBit);
}

const GOD = 'الله';
const TAIL_SLOTS = 4096;
const tailSlot = (last: number, before: number): number => (last * 31 + before) & (TAIL_SLOTS - 1);

/** Later single- or two-token parts of a person's full name become alias mentions of that person. */
function shortNames(doc: Doc, res: Resources): void {
  const tokens = need(doc, 'tokens', 'coref');
  const sentences = need(doc, 'sentences', 'coref');
  const norm = need(doc, 'norm', 'coref');
  const covered = uint8s(doc.arena, tokens.count);
  for (const m of doc.mentions) covered.fill(1, m.tokStart, m.tokEnd);
  for (const r of doc.roles) covered.fill(1, r.titleTokStart, r.titleTokEnd);
  const connectors = res.nameRules.nameConnectors;
  // A word that is itself a complete gazetteer name is not taken as someone's short name.
  const isName = (w: string): boolean => res.gazetteer.root.get(w)?.items.some((r) => !r.hasAl) ?? false;
  const byArticle = new Map<number, Mention[]>();
  for (const m of doc.mentions) {
    if (m.kind !== 'name' || doc.entities.get(m.entity)?.type !== 'PERSON' || m.tokEnd - m.tokStart < 2) continue;
    const a = sentences[m.sentence]!.article;
    let l = byArticle.get(a);
    if (!l) byArticle.set(a, (l = []));
    l.push(m);
  }
  for (const [article, fulls] of byArticle) {
    // key (1 or 2 normalized tokens) → entity; a key shared by two people is dropped.
    type Hit = { entity: string; after: number } | null;
    const keys = new Map<string, Hit>();
    // Two-word keys (آل ثاني) by their first word, so a token costs one lookup, not a new string.
    const pairs = new Map<string, Map<string, Hit>>();
    const putIn = (map: Map<string, Hit>, k: string, entity: string, after: number): void => {
      const old = map.get(k);
      if (old === undefined) map.set(k, { entity, after });
      else if (old && old.entity !== entity) map.set(k, null);
    };
    const put = (k: string, entity: string, after: number): void => putIn(keys, k, entity, after);
    const putPair = (a: string, b: string, entity: string, after: number): void => {
      let m = pairs.get(a);
      if (!m) pairs.set(a, (m = new Map()));
      putIn(m, b, entity, after);
    };
    for (const m of fulls) {
      const parts = tokens.norm.slice(m.tokStart, m.tokEnd);
      const last = parts[parts.length - 1]!;
      const prev = parts[parts.length - 2]!;
      // No frequency filter here: the frequent words of news text include the names themselves
      // (كارتر، بارزاني، ظريف); a key two people share is dropped below, and notNames holds the words
      // that are never names.
      if (connectors.has(prev)) putPair(prev, last, m.entity, m.tokStart);
      // "الله" ends many names (عبد الله، حمد الله، طيب الله ثراه) and stands for none of them.
      else if (last.length >= 3 && last !== GOD && !res.nameRules.notNames.has(last) && !isName(last)) put(last, m.entity, m.tokStart);
      // The first word stands for the whole name (وانغ يي → وانغ, كيم جونغ أون → كيم).
      const first = parts[0]!;
      if (parts.length <= 3 && first.length >= 3 && !connectors.has(first) && !isName(first) && !res.nameRules.notNames.has(first)) {
        // A person no list has keeps no short given name that is a frequent name word of listed people
        // (محمد، عبدالله، سلمان): alone in the article it is more likely someone else; nor does anyone
        // else then (the key is ambiguous).
        if (m.entity.startsWith('new:') && res.nameRules.personTokens.has(first) && res.nameRules.frequentWords.has(first)) keys.set(first, null);
        else put(first, m.entity, m.tokStart);
      }
    }
    // A reading keeps the last letters of its token, and every key has two or more: tokens whose
    // last two letters end no key are skipped without looking at their readings.
    const tails = uint8s(doc.arena, TAIL_SLOTS);
    for (const k of keys.keys()) if (k.length >= 2) tails[tailSlot(k.charCodeAt(k.length - 1), k.charCodeAt(k.length - 2))] = 1;
    for (const k of pairs.keys()) if (k.length >= 2) tails[tailSlot(k.charCodeAt(k.length - 1), k.charCodeAt(k.length - 2))] = 1;
    relinkSurnameAliases(doc, article, fulls, keys);
    const units = norm.units;
    sentences.forEach((s, si) => {
      if (s.article !== article) return;
      for (let i = s.tokStart; i < s.tokEnd; i++) {
        if (covered[i] || tokens.kind[i] !== TokenKind.ArabicWord) continue;
        const e = tokens.end[i]!;
        if (e - tokens.start[i]! >= 2 && e <= units.length && !tails[tailSlot(units[e - 1]!, units[e - 2]!)]) continue;
        for (const d of readingsOf(tokens, i)) {
          if (d.hasAl) continue;
          const two = i + 1 < s.tokEnd && !covered[i + 1] ? pairs.get(d.bare)?.get(tokens.norm[i + 1]!) : undefined;
          const one = keys.get(d.bare);
          const hit = two ?? one;
          // Headlines name people by their short name before the body gives the full one.
          if (!hit) continue;
          const endTok = two ? i + 2 : i + 1;
          const [start] = toOriginal(norm, tokens.start[i]! + d.prefixLen, tokens.end[i]!);
          const [, end] = toOriginal(norm, tokens.start[endTok - 1]!, tokens.end[endTok - 1]!);
          doc.mentions.push({ start, end, text: doc.text.slice(start, end), kind: 'alias', sentence: si, tokStart: i, tokEnd: endTok, entity: hit.entity, rule: 'coref:short-name' });
          covered.fill(1, i, endTok);
          i = endTok - 1;
          break;
        }
      }
    });
  }
}

/**
 * "وزيرة السياحة رانيا المشاط … وقالت المشاط": a one-word alias the gazetteer gives another person
 * (Mahdi al-Mashat) is the surname of the person the article names in full, when it never names
 * the alias's own person in full.
 */
function relinkSurnameAliases(doc: Doc, article: number, fulls: readonly Mention[], keys: ReadonlyMap<string, { entity: string } | null>): void {
  const sentences = doc.sentences!;
  const tokens = doc.tokens!;
  const named = new Set(fulls.map((m) => m.entity));
  const moved = new Set<string>();
  for (const m of doc.mentions) {
    if (m.kind !== 'alias' || m.tokEnd - m.tokStart !== 1 || named.has(m.entity) || sentences[m.sentence]!.article !== article) continue;
    if (doc.entities.get(m.entity)?.type !== 'PERSON') continue;
    let hit: { entity: string } | null | undefined;
    // With its article as written: the key of a surname (المشاط), not of a given name (فالح for الفالح).
    for (const d of readingsOf(tokens, m.tokStart)) if ((hit = keys.get(d.hasAl ? `ال${d.bare}` : d.bare))) break;
    if (!hit || hit.entity === m.entity) continue;
    moved.add(m.entity);
    m.entity = hit.entity;
    m.rule = 'coref:short-name';
  }
  // The alias's own person goes when nothing else names or points to them.
  for (const id of moved) {
    if (!doc.mentions.some((m) => m.entity === id) && !doc.roles.some((r) => r.person === id)) doc.entities.delete(id);
  }
}

export const dateOk = (published: string | undefined, from?: string, to?: string): boolean => {
  if (!published) return to === undefined;
  const d = published.slice(0, 10);
  return (!from || from.slice(0, d.length) <= d) && (!to || d <= `${to}\uffff`);
};

/** A title without a name ("وزير خارجية قطر") stands for the person holding that office. */
export function resolveTitles(doc: Doc, gaz: CompiledGazetteer): void {
  const sentences = need(doc, 'sentences', 'coref');
  const mentionedIn = new Map<string, Set<number>>();
  for (const m of doc.mentions) {
    let set = mentionedIn.get(m.entity);
    if (!set) mentionedIn.set(m.entity, (set = new Set()));
    set.add(sentences[m.sentence]!.article);
  }
  for (const link of doc.roles) {
    if (link.role === 'counterpart' && !link.of) continue;
    if (!link.person && link.of) {
      const article = sentences[link.sentence]!.article;
      // نظيره المصري: the Egyptian holder of the office the other title of the sentence names.
      const office = link.role === 'counterpart' ? doc.roles.find((r) => r !== link && r.sentence === link.sentence && r.role !== 'counterpart')?.role : link.role;
      // "الوزير الأمريكي" stands for the American minister of any portfolio named in the article.
      const sameRole = (r: string): boolean => r === office || (office === 'minister' && r.endsWith('_minister')) || (link.role === 'counterpart' && r !== 'counterpart');
      const sameOffice = doc.roles.find((r) => r !== link && r.person && sameRole(r.role) && r.of === link.of && sentences[r.sentence]!.article === article);
      let person = sameOffice?.person;
      if (!person && link.role !== 'counterpart') {
        const holders = (gaz.holdersOf.get(link.of) ?? [])
          .map((i) => ({ e: gaz.entries[i]!, i }))
          .filter(({ e }) => e.roles?.some((r) => r.role === link.role && r.of === link.of && dateOk(doc.meta.published, r.from, r.to)));
        const mentioned = holders.filter(({ e }) => mentionedIn.get(e.id)?.has(article));
        const pick = mentioned.length === 1 ? mentioned[0] : holders.length === 1 && doc.meta.published ? holders[0] : undefined;
        if (pick) {
          addEntity(doc, gaz, pick.i);
          person = pick.e.id;
        }
      }
      if (person) link.person = person;
    }
    if (link.person && link.unitTokStart === link.titleTokStart && link.unitTokEnd === link.titleTokEnd) {
      // The mention covers the title words; the country or body named in it keeps its own mention.
      doc.mentions.push({
        start: link.start,
        end: link.coreEnd,
        text: doc.text.slice(link.start, link.coreEnd),
        kind: 'title',
        sentence: link.sentence,
        tokStart: link.titleTokStart,
        tokEnd: link.titleTokEnd,
        entity: link.person,
        rule: link.rule,
      });
    }
  }
}

/** بلاده → the speaker's country; البلدين → the two countries last named; الوزيران → the two people last named. */
function resolveReferences(doc: Doc, res: Resources, bit: number): void {
  const tokens = need(doc, 'tokens', 'coref');
  const sentences = need(doc, 'sentences', 'coref');
  const norm = need(doc, 'norm', 'coref');
  const events = namingEvents(doc);
  const countryOf = (id: string): string | undefined => countryOfEntity(doc, res.gazetteer, id, false);
  const covered = uint8s(doc.arena, tokens.count);
  for (const m of doc.mentions) covered.fill(1, m.tokStart, m.tokEnd);
  sentences.forEach((s, si) => {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (!mayHave(tokens, i, bit) || tokens.kind[i] !== TokenKind.ArabicWord || covered[i]) continue;
      const d = referenceReading(res, readingsOf(tokens, i));
      if (!d) continue;
      const ref = res.references.get(d.bare)!;
      const kind = ref.refersTo;
      // "الجانبين الأميركي والصيني": the adjectives after the description name its referents.
      const named = nisbasAfter(doc, i + 1);
      if (kind === 'last_two_countries' && named.length >= 2) {
        const [start, end] = toOriginal(norm, tokens.start[i]! + d.prefixLen, tokens.end[i]!);
        doc.references.push({ tokStart: i, tokEnd: i + 1, sentence: si, entities: named, start, end, text: doc.text.slice(start, end), rule: 'coref:named-by-nisba' });
        continue;
      }
      const before = eventsBefore(events, i, (tok) => sentences[doc.tokenSentence![tok]!]?.article === s.article);
      const holds = ref.roles ? (id: string): boolean => holdsOneOf(doc, res.gazetteer, id, ref.roles!) : undefined;
      const entities = referents(doc, kind, before, countryOf, holds);
      if (!entities.length) continue;
      const [start, end] = toOriginal(norm, tokens.start[i]! + d.prefixLen, tokens.end[i]!);
      doc.references.push({ tokStart: i, tokEnd: i + 1, sentence: si, entities, start, end, text: doc.text.slice(start, end), rule: `coref:${kind}` });
      if (entities.length === 1) {
        doc.mentions.push({ start, end, text: doc.text.slice(start, end), kind: 'pronoun', sentence: si, tokStart: i, tokEnd: i + 1, entity: entities[0]!, rule: `coref:${kind}` });
      }
    }
  });
}

/**
 * The country an entity stands for: itself, the state a capital or ministry stands for, or the
 * country a person holds an office of (in the text, else in the gazetteer at the document's date).
 * `addMissing` adds that country to the document's entities when it is not there yet.
 */
export function countryOfEntity(doc: Doc, gaz: CompiledGazetteer, id: string, addMissing: boolean): string | undefined {
  const e = doc.entities.get(id);
  if (!e) return undefined;
  if (e.type === 'COUNTRY') return id;
  if (e.standsFor && doc.entities.get(e.standsFor)?.type === 'COUNTRY') return e.standsFor;
  if (e.type !== 'PERSON') return undefined;
  const link = doc.roles.find((r) => r.person === id && r.of && doc.entities.get(r.of)?.type === 'COUNTRY');
  if (link) return link.of;
  const g = gaz.byId.get(id);
  const role = g !== undefined ? gaz.entries[g]!.roles?.find((r) => r.of.startsWith('country:') && dateOk(doc.meta.published, r.from, r.to)) : undefined;
  const country = role ? gaz.byId.get(role.of) : undefined;
  if (addMissing && role && country !== undefined && !doc.entities.has(role.of)) addEntity(doc, gaz, country);
  return role?.of;
}

/** The person holds one of these offices in the article's titles, else in the gazetteer at the document's date. */
function holdsOneOf(doc: Doc, gaz: CompiledGazetteer, id: string, roles: ReadonlySet<string>): boolean {
  if (doc.roles.some((r) => r.person === id && roles.has(r.role))) return true;
  const g = gaz.byId.get(id);
  return g !== undefined && (gaz.entries[g]!.roles ?? []).some((r) => roles.has(r.role) && dateOk(doc.meta.published, r.from, r.to));
}

/**
 * What a reference stands for, from the entities named before it (nearest last); [] when unclear.
 * `holds`: for "الرئيسان", only people holding the office the word names count.
 */
export function referents(doc: Doc, kind: RefersTo, before: readonly { entity: string }[], countryOf: (id: string) => string | undefined, holds?: (id: string) => boolean): string[] {
  const typeOf = (id: string): string | undefined => doc.entities.get(id)?.type;
  if (kind === 'last_organization') {
    const org = [...before].reverse().find((e) => typeOf(e.entity) === 'ORGANIZATION');
    return org ? [org.entity] : [];
  }
  if (kind === 'speaker_country') {
    // The nearest earlier person (the speaker) with a country.
    for (let k = before.length - 1; k >= 0; k--) {
      const c = typeOf(before[k]!.entity) === 'PERSON' ? countryOf(before[k]!.entity) : undefined;
      if (c) return [c];
    }
    return [];
  }
  const want = kind === 'last_two_persons' ? 'PERSON' : 'COUNTRY';
  const out: string[] = [];
  for (let k = before.length - 1; k >= 0 && out.length < 2; k--) {
    const ent = before[k]!.entity;
    const id = want === 'COUNTRY' ? (typeOf(ent) !== 'PERSON' ? countryOf(ent) : undefined) : typeOf(ent) === 'PERSON' && (!holds || holds(ent)) ? ent : undefined;
    if (id && !out.includes(id)) out.push(id);
  }
  return out.length < 2 ? [] : out;
}

/** Countries of the nisba mentions right after token `from`, joined by و (الأميركي والصيني). */
function nisbasAfter(doc: Doc, from: number): string[] {
  const out: string[] = [];
  let k = from;
  for (;;) {
    const m = doc.mentions.find((x) => x.tokStart === k && x.kind === 'nisba');
    if (!m || out.includes(m.entity)) break;
    out.push(m.entity);
    k = m.tokEnd;
  }
  return out;
}

/** Where entities are named, in token order (mentions, and the bodies of title phrases), for references. */
export function namingEvents(doc: Doc): { tok: number; entity: string }[] {
  return doc.mentions
    .filter((m) => m.kind !== 'title')
    .map((m) => ({ tok: m.tokStart, entity: m.entity }))
    .concat(doc.roles.filter((r) => r.of).map((r) => ({ tok: r.titleTokStart, entity: r.of! })))
    .sort((a, b) => a.tok - b.tok);
}

/** The events before token `tok` that pass `keep`, nearest last (the caller scans from the end); at most 50. */
function eventsBefore<E extends { tok: number }>(events: readonly E[], tok: number, keep: (tok: number) => boolean): E[] {
  let hi = events.length;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.tok < tok) lo = mid + 1;
    else hi = mid;
  }
  const out: E[] = [];
  for (let k = lo - 1; k >= 0 && out.length < 50; k--) if (keep(events[k]!.tok)) out.push(events[k]!);
  return out.reverse();
}

export type { RoleLink };
