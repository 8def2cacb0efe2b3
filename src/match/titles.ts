// Title phrases (gazetteers/roles.json): "وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني",
// "X، رئيس الوزراء الإسرائيلي", "الأمين العام للأمم المتحدة أنطونيو غوتيريش". Each gives a RoleLink
// (person, role, of); people no gazetteer lists are found after a title and get new: ids.
import type { CompiledGazetteer, RoleNode } from '../gazetteer/compile.js';
import type { Doc, Mention, RoleLink } from '../doc.js';
import { need } from '../doc.js';
import { phraseAt, type NameRules } from '../lexicon/name-rules.js';
import { readingStarts, type Decomposition } from '../text/clitics.js';
import { addEntity } from './gazetteer-match.js';
import { TokenSlots, type TokenLookup } from '../util/token-slots.js';
import { findOrganizationNames, headReading } from './org-names.js';
import { toOriginal } from '../text/normalize.js';
import { transliterate } from '../text/transliterate.js';
import type { FormFeatures } from '../text/form-features.js';
import { mayHave, TokenKind, type Tokens, perForm, readingsOf } from '../text/tokenize.js';
import { uint8s } from '../util/arena.js';

const MAX_NEW_NAME_TOKENS = 4;

/** Form-feature bits of the titles stage (0: not known, every token is tried). */
export interface TitleFeatures {
  readonly title: number;
  readonly organizationHead: number;
  readonly honorific: number;
}
const NO_FEATURES: TitleFeatures = { title: 0, organizationHead: 0, honorific: 0 };

/** Defines the stage's form features: a title, an organization's head word, an honorific may start here. */
export function defineTitleFeatures(features: FormFeatures, gaz: CompiledGazetteer, rules: NameRules): TitleFeatures {
  return {
    title: features.define('title-start', { bares: gaz.roleRoot.keys() }),
    // headReading finds a reading whose bare form is a head word.
    organizationHead: features.define('organization-head', { bares: rules.organizationHeads }),
    // honorificForm(form) is a start: the start as written, or و + a start with ال (والشيخ).
    honorific: features.define('honorific-start', {
      forms: [...rules.honorificStarts].flatMap((h) => (h.startsWith('ال') ? [h, `و${h}`] : h.startsWith('وال') ? [] : [h])),
    }),
  };
}

/** The honorific phrase starting at token i, if any. (Not a closure in the caller's loop: see honorificNames.) */
function honorificAt(rules: NameRules, tokens: Tokens, i: number): readonly string[] | undefined {
  const form = honorificForm(tokens.norm[i]!);
  if (!rules.honorificStarts.has(form)) return undefined;
  for (const p of rules.honorifics) {
    if (p[0] !== form) continue;
    let ok = true;
    for (let k = 1; k < p.length && ok; k++) ok = tokens.norm[i + k] === p[k];
    if (ok) return p;
  }
  return undefined;
}

/** "والسفير" is looked up as "السفير". */
const honorificForm = (raw: string): string => (raw.charCodeAt(0) === 0x648 && raw.startsWith('وال') ? raw.slice(1) : raw);

export function findTitles(doc: Doc, gaz: CompiledGazetteer, rules: NameRules, bits: TitleFeatures = NO_FEATURES): void {
  const tokens = need(doc, 'tokens', 'titles');
  const sentences = need(doc, 'sentences', 'titles');
  const norm = need(doc, 'norm', 'titles');
  findOrganizationNames(doc, rules, bits.organizationHead);
  const consumed = (doc.consumed ??= uint8s(doc.arena, tokens.count));
  const startAt = new TokenSlots<Mention>(doc.arena, tokens.count + 1);
  const endAt = new TokenSlots<Mention>(doc.arena, tokens.count + 1);
  const inside = new TokenSlots<Mention>(doc.arena, tokens.count + 1);
  for (const m of doc.mentions) {
    startAt.set(m.tokStart, m);
    endAt.set(m.tokEnd, m);
    for (let k = m.tokStart + 1; k < m.tokEnd; k++) inside.set(k, m);
  }
  honorificNames(doc, gaz, rules, tokens, norm, startAt, bits.honorific);
  for (const m of doc.mentions) endAt.set(m.tokEnd, m);
  sentences.forEach((s, si) => {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (!mayHave(tokens, i, bits.title)) continue;
      if (tokens.kind[i] !== TokenKind.ArabicWord || (startAt.has(i) && !insideOrganization(doc, startAt.get(i)!))) continue;
      const t = matchTitle(gaz.roleRoot, tokens, i, s.tokEnd);
      if (!t) continue;
      let e = t.end;
      let of: string | undefined;
      // "ووزيرة الخارجية الكورية الجنوبية": the title ends inside the ministry's name, which is its body.
      const around = inside.get(e);
      if (around && isBody(doc, around.entity)) {
        of = around.entity;
        e = around.tokEnd;
      }
      e += phraseAt(rules.titleModifiers, tokens.norm, e, s.tokEnd);
      const comp = of ? undefined : startAt.get(e);
      if (comp && comp.kind !== 'title' && isBody(doc, comp.entity)) {
        of = comp.entity;
        e = comp.tokEnd;
        e += phraseAt(rules.titleModifiers, tokens.norm, e, s.tokEnd);
      } else if (comp && doc.entities.get(comp.entity)?.type === 'LOCATION' && !t.requiresOf) {
        // "رئيس بلدية مصراتة محمود …": a place in the title is no body of a role, but the name follows it.
        e = comp.tokEnd;
      } else if (!comp && e < s.tokEnd) {
        // Inside a longer name ("مكتب رئيس الوزراء الإسرائيلي") the nisba is no mention of its own.
        const body = bodyAt(gaz, readingsOf(tokens, e));
        if (body) {
          of = body;
          e++;
        }
      }
      // "وزير الثقافة والإعلام في المملكة العربية السعودية", "وزير شؤون الإعلام بمملكة البحرين":
      // a portfolio of a few words, then the country or body with في / ب / لدى.
      if (!of) {
        const far = portfolioBody(doc, tokens, e, s.tokEnd, startAt);
        if (far) {
          of = far.entity;
          e = far.tokEnd;
        }
      }
      if (t.requiresOf && !of) continue;
      // "المندوب الدائم لروسيا لدى منظمة التعاون الإسلامي X": the host body comes before the name.
      if (of && tokens.norm[e] === 'لدي' && startAt.get(e + 1)) e = startAt.get(e + 1)!.tokEnd;
      const titleEnd = e;
      for (let k = i; k < titleEnd; k++) consumed[k] = 1;
      // The person: right after the title (an optional comma and honorific between) …
      let p = e;
      if (tokens.norm[p] === '،' || tokens.norm[p] === ',') p++;
      p += phraseAt(rules.honorifics, tokens.norm, p, s.tokEnd);
      let person: string | undefined;
      let unitStart = i, unitEnd = titleEnd;
      const after = startAt.get(p);
      if (after && doc.entities.get(after.entity)?.type === 'PERSON') {
        person = after.entity;
        unitEnd = after.tokEnd;
      } else if (!after) {
        const named = newPerson(doc, gaz, tokens, norm, p, s.tokEnd, si, rules, of, startAt);
        if (named) {
          person = named.entity;
          unitEnd = named.tokEnd;
        }
      }
      // … or right before it: "بنيامين نتنياهو، رئيس الوزراء الإسرائيلي".
      if (!person) {
        let b = i;
        if (tokens.norm[b - 1] === '،' || tokens.norm[b - 1] === ',') b--;
        const before = endAt.get(b);
        if (before && b < i && doc.entities.get(before.entity)?.type === 'PERSON') {
          person = before.entity;
          unitStart = before.tokStart;
        } else if (!before && of) {
          // "نقلت عن بدر جاموس عضو الائتلاف الوطني": a name no list has, right before a title of a body.
          const named = newPersonBefore(doc, gaz, tokens, norm, b, s.tokStart, si, rules, startAt);
          if (named) {
            person = named.entity;
            unitStart = named.tokStart;
          }
        }
      }
      const [start] = toOriginal(norm, tokens.start[i]! + t.prefixLen, tokens.end[i]!);
      const [, end] = toOriginal(norm, tokens.start[titleEnd - 1]!, tokens.end[titleEnd - 1]!);
      const [, coreEnd] = toOriginal(norm, tokens.start[t.end - 1]!, tokens.end[t.end - 1]!);
      const link: RoleLink = {
        role: t.role,
        titleTokStart: i,
        titleTokEnd: titleEnd,
        unitTokStart: unitStart,
        unitTokEnd: unitEnd,
        sentence: si,
        start,
        end,
        coreEnd,
        rule: `title:${t.phrase}`,
      };
      if (of) link.of = of;
      if (person) link.person = person;
      doc.roles.push(link);
      i = Math.max(i, titleEnd - 1);
    }
  });
  chainTitles(doc.roles, tokens);
}

/** Words at most of a new name right before a title: three, or five with a patronymic (lexicon patronymics: بن، بنت). */
const MAX_NAME_BEFORE_TITLE = 5;

const hasPatronymic = (tokens: Tokens, from: number, end: number, patronymics: ReadonlySet<string>): boolean => {
  for (let k = from + 1; k < end - 1; k++) if (patronymics.has(tokens.norm[k]!)) return true;
  return false;
};

/** "الفريق محمد فريد، رئيس أركان …": a person no gazetteer lists, introduced by an honorific. */
function honorificNames(doc: Doc, gaz: CompiledGazetteer, rules: NameRules, tokens: Tokens, norm: NonNullable<Doc['norm']>, startAt: TokenSlots<Mention>, bit: number): void {
  const taken = uint8s(doc.arena, tokens.count);
  for (const m of doc.mentions) taken.fill(1, m.tokStart, m.tokEnd);
  for (const r of doc.roles) taken.fill(1, r.titleTokStart, r.unitTokEnd);
  const sentences = doc.sentences!;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (taken[i] || !mayHave(tokens, i, bit)) continue;
      const h = honorificAt(rules, tokens, i);
      if (!h) continue;
      const p = i + h.length;
      if (p >= s.tokEnd || taken[p] || startAt.has(p)) continue;
      const named = newPerson(doc, gaz, tokens, norm, p, s.tokEnd, si, rules, undefined, startAt);
      if (!named) continue;
      taken.fill(1, p, named.tokEnd);
      const m = doc.mentions[doc.mentions.length - 1]!;
      startAt.set(m.tokStart, m);
      i = named.tokEnd - 1;
    }
  }
}

/** "رئيس مجلس الوزراء وزير الخارجية القطري محمد …": a title followed by another title holds the same person. */
function chainTitles(links: RoleLink[], tokens: Tokens): void {
  for (let k = links.length - 2; k >= 0; k--) {
    const a = links[k]!, b = links[k + 1]!;
    if (a.person || a.sentence !== b.sentence || !b.person) continue;
    let p = a.titleTokEnd;
    if (tokens.norm[p] === '،' || tokens.norm[p] === ',') p++;
    if (p !== b.titleTokStart) continue;
    a.person = b.person;
    a.unitTokEnd = b.unitTokEnd;
  }
}

const insideOrganization = (doc: Doc, m: Mention): boolean => doc.entities.get(m.entity)?.type === 'ORGANIZATION' && m.tokEnd - m.tokStart > 1;

const PORTFOLIO_PREPS = new Set(['في', 'لدي', 'ب', 'ل']);
const MAX_PORTFOLIO_TOKENS = 4;

/** A country or body a few portfolio words after a title, governed by في / ب / ل / لدى. */
function portfolioBody(doc: Doc, tokens: Tokens, from: number, end: number, startAt: TokenLookup<Mention>): { entity: string; tokEnd: number } | undefined {
  for (let k = from; k < Math.min(end, from + MAX_PORTFOLIO_TOKENS + 1); k++) {
    if (tokens.kind[k] !== TokenKind.ArabicWord) return undefined;
    const m = startAt.get(k);
    if (m) {
      if (!isBody(doc, m.entity) || m.kind === 'nisba') return undefined;
      const lead = doc.text.slice(doc.norm!.map[tokens.start[k]!]!, m.start);
      const prev = k > from ? tokens.norm[k - 1]! : '';
      const governed = PORTFOLIO_PREPS.has(lead.replace(/^و/, '')) || PORTFOLIO_PREPS.has(prev) || /^(ممل?كه|جمهوريه|دوله|امير?ه|سلطنه)$/.test(prev);
      return governed && k > from ? { entity: m.entity, tokEnd: m.tokEnd } : undefined;
    }
  }
  return undefined;
}

/** A one-token country name or nisba at this token, looked up directly in the name trie. */
function bodyAt(gaz: CompiledGazetteer, readings: readonly Decomposition[]): string | undefined {
  for (const d of readings) {
    const rec = gaz.root.get(d.bare)?.items.find((r) => (!r.hasAl || d.hasAl) && gaz.entries[r.entry]!.type === 'COUNTRY');
    if (rec) return gaz.entries[rec.entry]!.id;
  }
  return undefined;
}

function isBody(doc: Doc, id: string): boolean {
  const t = doc.entities.get(id)?.type;
  return t === 'COUNTRY' || t === 'ORGANIZATION';
}

interface TitleMatch {
  role: string;
  phrase: string;
  end: number;
  prefixLen: number;
  requiresOf: boolean;
}

function matchTitle(root: ReadonlyMap<string, RoleNode>, tokens: Tokens, i: number, end: number): TitleMatch | null {
  let best: TitleMatch | null = null;
  // The first step depends on the form alone: looked up once per form.
  for (const { d, node: first } of perForm(tokens, i, root, readingStarts)) {
    let node: RoleNode | undefined = first;
    let j = i + 1;
    while (node) {
      const r = node.items.find((x) => x.hasAl === d.hasAl);
      if (r && (!best || j > best.end)) best = { role: r.key, phrase: r.phrase, end: j, prefixLen: d.prefixLen, requiresOf: r.requiresOf };
      if (j >= end) break;
      node = node.next.get(tokens.norm[j]!);
      j++;
    }
    if (best) break;
  }
  return best;
}

/** A person no gazetteer lists, named right after a title: 1–4 name-like tokens. */
function newPerson(
  doc: Doc,
  gaz: CompiledGazetteer,
  tokens: Tokens,
  norm: NonNullable<Doc['norm']>,
  p: number,
  end: number,
  sentence: number,
  rules: NameRules,
  of: string | undefined,
  startAt: TokenSlots<Mention>,
): { entity: string; tokEnd: number } | null {
  const specificTitle = of !== undefined;
  let k = p;
  // Where the last part ended: a hyphen read past is no part of the name ("تشارلز غرانر - …").
  let partsEnd = p;
  const parts: string[] = [];
  while (k < end && parts.length < MAX_NEW_NAME_TOKENS && !startAt.has(k)) {
    // كانغ كيونغ-هوا: a hyphen inside a name joins its parts.
    if (tokens.norm[k] === '-' && parts.length && tokens.kind[k + 1] === TokenKind.ArabicWord && k + 1 < end) {
      k++;
      continue;
    }
    if (tokens.kind[k] !== TokenKind.ArabicWord) break;
    const w = tokens.norm[k]!;
    // "وزير شؤون الإعلام في مملكة البحرين علي بن محمد الرميحي": before بن a listed first name that is
    // also a common word (على) begins the name; not any word ("وقال بن ستيوارت": Ben is a first name).
    const patronymic = parts.length === 0 && k + 2 < end && rules.personTokens.has(w) && rules.patronymics.has(tokens.norm[k + 1]!) && tokens.kind[k + 2] === TokenKind.ArabicWord;
    if (!patronymic && (rules.notNames.has(w) || rules.commonWords.has(w) || carriesClitic(rules, readingsOf(tokens, k), w))) break;
    if (w.length < 2) break;
    if (parts.length === 0 && (w.startsWith('ال') || /^[وفبلك]ال/.test(w))) break;
    parts.push(w);
    k++;
    partsEnd = k;
    // A surname with the article closes the name ("حيدر العبادي").
    if (parts.length > 1 && w.startsWith('ال') && !rules.nameConnectors.has(parts[parts.length - 2]!)) break;
  }
  k = partsEnd;
  while (parts.length && rules.nameConnectors.has(parts[parts.length - 1]!)) {
    parts.pop();
    k--;
  }
  if (parts.length === 0) return null;
  // "الدكتور مساعد بن محمد العيبان": the surname was matched alone as the listed "مساعد العيبان"; with
  // the same given name before it, the whole name is that person's.
  const surname = joinedSurname(doc, gaz, norm, tokens, startAt, p, k, parts);
  if (surname) return surname;
  // A lone given name or frequent word (محمد، أحلام) says too little to be a new person.
  if (parts.length === 1 && (rules.personTokens.has(parts[0]!) || rules.frequentWords.has(parts[0]!))) return null;
  const closed = k >= end || tokens.kind[k] === TokenKind.Punct || tokens.kind[k] === TokenKind.LineBreak;
  if (parts.length === 1 && !(specificTitle && closed)) return null;
  if (!specificTitle && parts.length < 2) return null;
  const [start, stop] = [toOriginal(norm, tokens.start[p]!, tokens.end[p]!)[0], toOriginal(norm, tokens.start[k - 1]!, tokens.end[k - 1]!)[1]];
  const text = doc.text.slice(start, stop);
  // "شي جي بينغ" for the listed "شي جين بينغ": a spelling variant of a listed person holding this office.
  const variant = spellingVariant(gaz, parts, of);
  if (variant !== undefined) {
    const e = addEntity(doc, gaz, variant);
    doc.mentions.push({ start, end: stop, text, kind: 'name', sentence, tokStart: p, tokEnd: k, entity: e.id, rule: `rule:spelling-variant:${gaz.origins[variant]}` });
    return { entity: e.id, tokEnd: k };
  }
  const id = `new:person:${parts.join('-')}`;
  if (!doc.entities.has(id)) doc.entities.set(id, { id, type: 'PERSON', name: { ar: text, en: transliterate(text) }, source: 'rule:title-person' });
  doc.mentions.push({ start, end: stop, text, kind: 'name', sentence, tokStart: p, tokEnd: k, entity: id, rule: 'rule:title-person' });
  return { entity: id, tokEnd: k };
}

/**
 * The person mention starting at token k (where a new name of `parts`, from token p, stopped), when
 * the listed person's name has the same first word: that mention then starts at p.
 */
function joinedSurname(doc: Doc, gaz: CompiledGazetteer, norm: NonNullable<Doc['norm']>, tokens: Tokens, startAt: TokenSlots<Mention>, p: number, k: number, parts: readonly string[]): { entity: string; tokEnd: number } | null {
  const m = startAt.get(k);
  if (!m || m.tokStart !== k || m.kind === 'title') return null;
  const entry = gaz.byId.get(m.entity);
  if (entry === undefined || !(gaz.personNames.get(entry) ?? []).some((name) => name[0] === parts[0] && name.length > 1 && name[name.length - 1] === tokens.norm[m.tokEnd - 1])) return null;
  const [start] = toOriginal(norm, tokens.start[p]!, tokens.end[p]!);
  Object.assign(m, { start, text: doc.text.slice(start, m.end), tokStart: p, kind: 'name' });
  startAt.set(p, m);
  return { entity: m.entity, tokEnd: m.tokEnd };
}

/** A new person of 2–3 name words ending right before token `end`, after a clear boundary. */
function newPersonBefore(
  doc: Doc,
  gaz: CompiledGazetteer,
  tokens: Tokens,
  norm: NonNullable<Doc['norm']>,
  end: number,
  from: number,
  sentence: number,
  rules: NameRules,
  startAt: TokenSlots<Mention>,
): { entity: string; tokStart: number } | null {
  for (let len = Math.min(MAX_NAME_BEFORE_TITLE, end - from); len >= 2; len--) {
    const p = end - len;
    // Four or five words only with بن / بنت inside: "وعلي بن محمد الرميحي وزير شؤون الإعلام بمملكة البحرين".
    if (len > 3 && !hasPatronymic(tokens, p, end, rules.patronymics)) continue;
    const prev = p - 1;
    const boundary =
      prev < from || tokens.kind[prev] === TokenKind.Punct || rules.notNames.has(tokens.norm[prev]!) || rules.honorificStarts.has(honorificForm(tokens.norm[prev]!));
    if (!boundary) continue;
    const named = newPerson(doc, gaz, tokens, norm, p, end, sentence, rules, undefined, startAt);
    if (named && named.tokEnd === end) return { entity: named.entity, tokStart: p };
    if (named) {
      // It read past `end`: undo the mention it added.
      doc.mentions.pop();
    }
  }
  return null;
}

/** "وعمرو", "بأغنية": a word that reads as a proclitic on a name part or a frequent word is no part of a new name. */
function carriesClitic(rules: NameRules, readings: readonly Decomposition[], w: string): boolean {
  if (rules.personTokens.has(w)) return false;
  // The future prefix of a verb (سيطلب، ستبحث) before a frequent word: a verb, not a name.
  if (w.length >= 4 && w.startsWith('س') && 'يتن'.includes(w[1]!) && rules.frequentWords.has(w.slice(1))) return true;
  return readings.some((d) => d.prefixLen > 0 && (rules.personTokens.has(d.bare) || rules.frequentWords.has(d.bare)));
}

/** A listed person whose full name differs by at most one letter a word (two in all) and who held an office of `of`. */
function spellingVariant(gaz: CompiledGazetteer, parts: readonly string[], of: string | undefined): number | undefined {
  if (parts.length < 2 || !of) return undefined;
  const found = new Set<number>();
  // The holders of an office of this body (a few), not every listed name.
  for (const entry of gaz.holdersOf.get(of) ?? []) {
    for (const tokens of gaz.personNames.get(entry) ?? []) {
      if (tokens.length !== parts.length) continue;
      // Two edits in all, and per word one (two in a word of five letters or more: أرودغان، مشنوق for
      // المشنوق): a word that differs more is another name (علي for حمزة، ستيفنز for ميلر). The cut-off
      // distance once counted as two, so one wholly different word passed for a spelling variant.
      let total = 0;
      for (let i = 0; i < parts.length && total <= 2; i++) {
        const a = parts[i]!, b = tokens[i]!;
        // With or without the article (حبيب الصيد، رائد صالح) is one edit.
        const d = a === `ال${b}` || b === `ال${a}` ? 1 : editDistance(a, b, 2);
        total += d > (Math.min(a.length, b.length) >= 5 ? 2 : 1) ? 3 : d;
      }
      if (total > 0 && total <= 2) found.add(entry);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Levenshtein distance, cut off above `max` (returns max + 1). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return Math.min(prev[b.length]!, max + 1);
}
