// English names of the gazetteer entries, in one token trie over folded tokens: the entries' `en`
// names (a parenthesised acronym becomes an alias, a parenthesised qualifier is dropped), the
// extra country names and demonyms of lexicons/en/countries.json, and surnames derived from
// people's names for those the Arabic gazetteer already lists a short form for.
import { KIND_RANK, TYPE_RANK, type CompiledGazetteer } from '../gazetteer/compile.js';
import type { Doc } from '../doc.js';
import { need } from '../doc.js';
import { addGazetteerMention } from '../match/gazetteer-match.js';
import { selectLongest, type SpanCandidate } from '../match/overlaps.js';
import { pathNode, type Node } from '../util/trie.js';
import type { EnglishLexicons } from './lexicon.js';
import { nameTokens, type EnglishLayer } from './text.js';

export type EnNameKind = 'name' | 'alias' | 'nisba';

export interface EnNameRecord {
  readonly entry: number;
  readonly kind: EnNameKind;
  /** Written in capitals in the data (US, NATO): the text must be in capitals too. */
  readonly caseSensitive: boolean;
  /** From an `en` name with a qualifier ("Rafah (Egypt)"): loses to an unqualified entry with the same form. */
  readonly qualified: boolean;
  /** Where the form comes from, for provenance. */
  readonly how: string;
}

export interface EnglishNames {
  readonly root: ReadonlyMap<string, Node<EnNameRecord>>;
}

/** Every listed person by folded surname (last word), with the folded first word: to link spelling variants (Sergei / Sergey Lavrov). */
export interface PersonIndex {
  readonly bySurname: ReadonlyMap<string, readonly { entry: number; first: string }[]>;
}

export function compilePersonIndex(gaz: CompiledGazetteer): PersonIndex {
  const bySurname = new Map<string, { entry: number; first: string }[]>();
  gaz.entries.forEach((e, i) => {
    if (e.type !== 'PERSON') return;
    const f = nameTokens(e.en.replace(/\s*\([^)]*\)\s*$/, '')).folded;
    if (f.length < 2) return;
    const last = f[f.length - 1]!;
    let list = bySurname.get(last);
    if (!list) bySurname.set(last, (list = []));
    list.push({ entry: i, first: f[0]! });
  });
  return { bySurname };
}

const ACRONYM = /^[A-Z][A-Za-z0-9&+.-]*$/;
const allCaps = (s: string): boolean => /\p{L}.*\p{L}/u.test(s) && !/\p{Ll}/u.test(s);

/** The short form(s) of a person's English name: the last word (with a particle: Al Thani, el-Sisi and Sisi) or, for family-name-first names, the first. */
export function surnames(raw: readonly string[], particles: ReadonlySet<string>, familyFirst: boolean): string[][] {
  if (raw.length < 2) return [];
  if (familyFirst) return [[raw[0]!]];
  const last = raw[raw.length - 1]!;
  const prev = raw[raw.length - 2]!;
  if (particles.has(prev.toLowerCase()) && raw.length >= 3) {
    // "el-Sisi" is also "Sisi"; a capitalised family particle ("Al Thani") stays with its name.
    return prev === prev.toLowerCase() ? [[prev, last], [last]] : [[prev, last]];
  }
  return particles.has(last.toLowerCase()) ? [] : [[last]];
}

export const isFamilyNameFirst = (gaz: CompiledGazetteer, entry: number, lex: EnglishLexicons): boolean =>
  gaz.entries[entry]!.roles?.some((r) => lex.familyNameFirst.has(r.of)) ?? false;

export function compileEnglishNames(gaz: CompiledGazetteer, lex: EnglishLexicons): EnglishNames {
  const root = new Map<string, Node<EnNameRecord>>();
  const add = (form: string, rec: Omit<EnNameRecord, 'caseSensitive'>): void => {
    const { folded, raw } = nameTokens(form);
    if (!folded.length) return;
    const node = pathNode(root, folded);
    const caseSensitive = raw.every(allCaps) && folded.join('').length <= 6;
    if (!node.items.some((r) => r.entry === rec.entry && r.kind === rec.kind)) node.items.push(Object.assign({}, rec, { caseSensitive }));
  };
  const surnameOwners = new Map<string, number[]>();
  const acronyms = new Map<string, number[]>();
  const bySurname = new Map<string, { entry: number; first: string }[]>();
  const derived: { entry: number; form: string }[] = [];
  gaz.entries.forEach((e, i) => {
    for (const alt of e.en.split(' / ')) {
      const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(alt);
      const base = (m ? m[1]! : alt).trim();
      const paren = m?.[2]?.trim();
      if (base) add(base, { entry: i, kind: 'name', qualified: !!paren && !ACRONYM.test(paren), how: 'en' });
      if (paren && ACRONYM.test(paren) && /[A-Z].*[A-Z]/.test(paren)) add(paren, { entry: i, kind: 'alias', qualified: false, how: 'en-acronym' });
      // "Washington, D.C.", "Gavi, the Vaccine Alliance": the part before the comma.
      if (e.type !== 'PERSON' && base.includes(', ')) add(base.split(', ')[0]!, { entry: i, kind: 'alias', qualified: false, how: 'en-short' });
      const words = nameTokens(base).raw;
      // "Gaza Strip" is also "Gaza".
      if (e.type === 'LOCATION' && words.length >= 2 && lex.genericSuffixes.has(words[words.length - 1]!.toLowerCase())) {
        add(words.slice(0, -1).join(' '), { entry: i, kind: 'alias', qualified: false, how: 'en-generic-suffix' });
      }
      // "United Nations" is also "UN" / "U.N.", "Israel Defense Forces" "IDF", when no other entry has those initials.
      if (e.type === 'ORGANIZATION' && words.length >= 2) {
        const caps = words.filter((w) => /^\p{Lu}/u.test(w));
        if (caps.length >= 2 && caps.length === words.filter((w) => !/^(of|the|and|for|de|in|on)$/i.test(w)).length) {
          const acr = caps.map((w) => w[0]).join('');
          acronyms.set(acr, [...(acronyms.get(acr) ?? []), i]);
        }
      }
      if (e.type === 'PERSON' && e.aliases?.length) {
        for (const s of surnames(nameTokens(base).raw, lex.particles, isFamilyNameFirst(gaz, i, lex))) {
          const form = s.join(' ');
          const key = nameTokens(form).folded.join(' ');
          surnameOwners.set(key, [...(surnameOwners.get(key) ?? []), i]);
          derived.push({ entry: i, form });
        }
      }
    }
  });
  const taken = (acr: string): boolean => root.get(acr.toLowerCase())?.items.some((r) => r.kind !== 'nisba') ?? false;
  for (const [acr, owners] of acronyms) {
    if (owners.length !== 1 || taken(acr)) continue;
    add(acr, { entry: owners[0]!, kind: 'alias', qualified: false, how: 'en-initials' });
    add(`${acr.split('').join('.')}.`, { entry: owners[0]!, kind: 'alias', qualified: false, how: 'en-initials' });
  }
  // A surname is a name of its own only when no other listed person has it.
  for (const d of derived) {
    if (new Set(surnameOwners.get(nameTokens(d.form).folded.join(' '))).size === 1) add(d.form, { entry: d.entry, kind: 'alias', qualified: false, how: 'en-surname' });
  }
  for (const [id, c] of Object.entries(lex.countries)) {
    const i = gaz.byId.get(id)!;
    for (const n of c.names ?? []) add(n, { entry: i, kind: 'name', qualified: false, how: 'countries.json' });
    for (const d of c.demonyms ?? []) {
      add(d, { entry: i, kind: 'nisba', qualified: false, how: 'countries.json' });
      if (/[in]$/.test(d)) add(`${d}s`, { entry: i, kind: 'nisba', qualified: false, how: 'countries.json' });
    }
  }
  return { root };
}

interface Candidate extends SpanCandidate {
  readonly records: readonly EnNameRecord[];
}

/** Gazetteer mentions of an English document: a capitalised span whose folded tokens are a listed name. */
export function matchEnglishNames(doc: Doc, gaz: CompiledGazetteer, names: EnglishNames, layer: EnglishLayer): void {
  const tokens = need(doc, 'tokens', 'en-gazetteer');
  const sentences = need(doc, 'sentences', 'en-gazetteer');
  const candidates: Candidate[] = [];
  sentences.forEach((s, si) => {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (!layer.cap[i]) continue;
      let node = names.root.get(tokens.norm[i]!);
      let j = i + 1;
      while (node) {
        const end = j;
        const records = node.items.filter((r) => !r.caseSensitive || allUpper(layer, i, end));
        if (records.length) candidates.push({ tokStart: i, tokEnd: end, prefixLen: 0, sentence: si, records, rank: Math.min(...records.map((r) => KIND_RANK[r.kind])) });
        if (j >= s.tokEnd) break;
        node = node.next.get(tokens.norm[j]!);
        j++;
      }
    }
  });
  const kept = selectLongest(candidates);
  const taken = new Uint8Array(tokens.count);
  for (const c of kept) taken.fill(1, c.tokStart, c.tokEnd);
  for (const found of kept) {
    const record = pick(gaz, found.records);
    const entry = gaz.entries[record.entry]!;
    let c = found;
    // "Sergei Lavrov" for the listed "Sergey Lavrov": a first name with the listed initial joins a surname.
    const f = c.tokStart - 1;
    if (record.how === 'en-surname' && f >= sentences[c.sentence]!.tokStart && !taken[f] && layer.cap[f] && layer.pos[f] === 'PROPN' && tokens.norm[f]![0] === nameTokens(entry.en).folded[0]![0]) {
      c = { ...c, tokStart: f };
    }
    const span = { start: tokens.start[c.tokStart]!, end: tokens.end[c.tokEnd - 1]!, sentence: c.sentence, tokStart: c.tokStart, tokEnd: c.tokEnd };
    const rule = gaz.gazetteerRules[record.entry]!;
    addGazetteerMention(doc, gaz, record.entry, record.kind, span, record.how === 'en' ? rule : `${rule}:${record.how}`);
  }
}

function allUpper(layer: EnglishLayer, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!layer.upper[k]) return false;
  return true;
}

function pick(gaz: CompiledGazetteer, records: readonly EnNameRecord[]): EnNameRecord {
  const score = (r: EnNameRecord): number => KIND_RANK[r.kind] * 100 + (r.qualified ? 10 : 0) + TYPE_RANK[gaz.entries[r.entry]!.type];
  return records.reduce((best, r) => (score(r) < score(best) ? r : best));
}
