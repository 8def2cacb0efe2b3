// Compiles gazetteer names into one token trie over normalized tokens, using the same normalizer
// and tokenizer as the documents. The first token is keyed without its article (ال), so that a
// text token is looked up once after its proclitics and article are stripped.
import { dirname, relative, resolve, sep } from 'node:path';
import { normalize, normalizeString } from '../text/normalize.js';
import { tokenForms } from '../text/tokenize.js';
import { pathNode, type Node } from '../util/trie.js';
import type { GazetteerData } from './load.js';
import { nisbaForms } from './nisba.js';
import { GazetteerEntry, type AmbiguityCondition, type EntityType } from './schema.js';
import { uniformShape } from '../util/shape.js';

export type NameKind = 'name' | 'alias' | 'nisba' | 'nominal';

export interface NameRecord {
  /** Index into CompiledGazetteer.entries. */
  readonly entry: number;
  readonly kind: NameKind;
  /** The name starts with the article: the text must have it too. */
  readonly hasAl: boolean;
  /** The name is written with a plain ال (the article), not أل/إل of a foreign name (أليغري). */
  readonly trueArticle: boolean;
  /** The normalized name, for provenance. */
  readonly form: string;
  /** The entry's type (kept here so that choosing among records reads no entry). */
  readonly type: EntityType;
  /** The trie path of the name: its tokens, the first without its article (what a match reads). */
  readonly path: string;
  /** KIND_RANK of its kind: a name before an alias, a nisba, a description. */
  readonly kindRank: number;
  /** The order among the records of one candidate: by kind, then by type (KIND_RANK, TYPE_RANK). */
  readonly preference: number;
  /**
   * The context rule of ambiguous.json for its path, if any (every record of a trie node shares it):
   * kept here so that a candidate costs no lookup by string, nor the rank objects a keyed read.
   */
  readonly ambiguity: CompiledAmbiguityRule | null;
}

export const KIND_RANK: Readonly<Record<NameKind, number>> = { name: 0, alias: 1, nisba: 2, nominal: 3 };
export const TYPE_RANK: Readonly<Record<EntityType, number>> = { COUNTRY: 0, ORGANIZATION: 1, LOCATION: 2, PERSON: 3 };

/** A name record with every field in one order (one hidden class for all: see insert). */
export const nameRecord = (entry: number, kind: NameKind, hasAl: boolean, trueArticle: boolean, form: string, type: EntityType, path: string, ambiguity: CompiledAmbiguityRule | null): NameRecord => ({
  entry,
  kind,
  hasAl,
  trueArticle,
  form,
  type,
  path,
  kindRank: KIND_RANK[kind],
  preference: KIND_RANK[kind] * 4 + TYPE_RANK[type],
  ambiguity,
});

export type TrieNode = Node<NameRecord>;

/** The words of a body's name without its country's nisba, and the body of each country so named. */
export interface BareBody {
  readonly tokens: readonly string[];
  readonly byCountry: ReadonlyMap<string, number>;
}

export interface CompiledAmbiguityRule {
  readonly description: string;
  readonly choose: readonly { entity: string | null; when: CompiledCondition }[];
  readonly otherwise: string | null;
}
export interface CompiledCondition {
  readonly prevAny?: ReadonlySet<string>;
  readonly nextAny?: ReadonlySet<string>;
  readonly nearAny?: ReadonlySet<string>;
  readonly window: number;
  readonly clitic?: ReadonlySet<string>;
  readonly withArticle?: boolean;
  readonly docAny?: ReadonlySet<string>;
  readonly docNone?: ReadonlySet<string>;
}

export interface CompiledRole {
  readonly key: string;
  readonly phrase: string;
  readonly hasAl: boolean;
  readonly requiresOf: boolean;
}

export interface CompiledGazetteer {
  readonly entries: readonly GazetteerEntry[];
  /** "file:line" of each entry, for provenance. */
  readonly origins: readonly string[];
  /** `gazetteer:<origin>` of each entry: the rule of its mentions and the source of its entities. */
  readonly gazetteerRules: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  /** Per entry: the hamza seats its Arabic forms are written with (hamzaSeats bits; normalization drops them, see matchGazetteer). */
  readonly hamzaSeats: Uint8Array;
  /** First-token (without ال) → trie node. */
  readonly root: ReadonlyMap<string, TrieNode>;
  /** Title phrases, keyed the same way as names. */
  readonly roleRoot: ReadonlyMap<string, RoleNode>;
  /** Normalized bare form (no clitics, no ال) → context rule. */
  readonly ambiguity: ReadonlyMap<string, CompiledAmbiguityRule>;
  readonly hashes: Readonly<Record<string, string>>;
  /** Entries (people) holding some role of a body: body id → entry indices. */
  readonly holdersOf: ReadonlyMap<string, readonly number[]>;
  /**
   * Bodies named "<words> <nisba of their country>" (مجلس الوزراء السعودي، وزارة الخارجية القطرية), by
   * the first of the words as written (with its article): the words alone name the body of whatever
   * country the context gives ("مجلس الوزراء" in a Saudi article).
   */
  readonly bareBodies: ReadonlyMap<string, readonly BareBody[]>;
  /** Full names (two tokens or more) of each person entry, as normalized tokens (for spelling-variant lookup). */
  readonly personNames: ReadonlyMap<number, readonly (readonly string[])[]>;
}

export type RoleNode = Node<CompiledRole>;

const nameTokens = (s: string): string[] => tokenForms(normalize(s).text);

/** "عبد الرحمن" and "عبدالرحمن", "أبو ظبي" and "أبوظبي": both spellings are in use. */
export function spacingVariants(tokens: readonly string[]): string[][] {
  const out: string[][] = [tokens.slice()];
  const joined: string[] = [];
  let changed = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    if ((t === 'عبد' || t === 'ابو') && n !== undefined) {
      joined.push(t + n);
      i++;
      changed = true;
    } else joined.push(t);
  }
  if (changed) out.push(joined);
  const split: string[] = [];
  changed = false;
  for (const t of tokens) {
    const m = /^(عبد|ابو)(ال.{2,})$/.exec(t);
    if (m) {
      split.push(m[1]!, m[2]!);
      changed = true;
    } else split.push(t);
  }
  if (changed) out.push(split);
  return out;
}

/** The compass words, in the construct (شمال) and the adjective (شمالي) form. */
const COMPASS: ReadonlyMap<string, string> = new Map([
  ['شمال', 'شمالي'],
  ['جنوب', 'جنوبي'],
  ['شرق', 'شرقي'],
  ['غرب', 'غربي'],
].flatMap(([a, b]) => [[a!, b!], [b!, a!]]));

/**
 * "حلف شمال الأطلسي" and "حلف شمالي الأطلسي", "جنوب شرق آسيا" and "جنوب شرقي آسيا": before another
 * word a compass word is written either way (ant-2018 and saudinewsnet: 128 "شمالي سوريا" against
 * 558 "شمال سوريا", 41 "جنوب شرقي آسيا" against 134).
 */
export function compassVariants(tokens: readonly string[]): string[][] {
  let out: string[][] = [tokens.slice()];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const other = COMPASS.get(tokens[i]!);
    if (other === undefined) continue;
    out = out.flatMap((v) => [v, [...v.slice(0, i), other, ...v.slice(i + 1)]]);
  }
  return out;
}

/** A name token without its article (ال), as the trie keys it; a short word (الي) keeps its letters. */
const withoutArticle = (token: string): string => (token.startsWith('ال') && token.length >= 4 ? token.slice(2) : token);

function insert(root: Map<string, TrieNode>, ambiguity: ReadonlyMap<string, CompiledAmbiguityRule>, tokens: readonly string[], rec: Pick<NameRecord, 'entry' | 'kind' | 'trueArticle' | 'form' | 'type'>): void {
  const first = tokens[0];
  if (first === undefined) return;
  const key = withoutArticle(first);
  const hasAl = key !== first;
  const path = [key, ...tokens.slice(1)];
  const node = pathNode(root, path);
  // One object literal with every field in one order: V8 gives all records one hidden class (a spread
  // gave each record its own, which made every read of a record in the matcher megamorphic).
  if (!node.items.some((r) => r.entry === rec.entry && r.kind === rec.kind)) {
    const p = path.join(' ');
    node.items.push(nameRecord(rec.entry, rec.kind, hasAl, rec.trueArticle, rec.form, rec.type, p, ambiguity.get(p) ?? null));
  }
}

const condition = (w: AmbiguityCondition): CompiledCondition => {
  const set = (xs: string[] | undefined): ReadonlySet<string> | undefined => (xs ? new Set(xs.map(normalizeString)) : undefined);
  const c: { -readonly [K in keyof CompiledCondition]: CompiledCondition[K] } = { window: w.window ?? 6 };
  const prev = set(w.prevAny), next = set(w.nextAny), near = set(w.nearAny), clitic = set(w.clitic);
  if (prev) c.prevAny = prev;
  if (next) c.nextAny = next;
  if (near) c.nearAny = near;
  if (clitic) c.clitic = clitic;
  if (w.withArticle !== undefined) c.withArticle = w.withArticle;
  const docAny = set(w.docAny), docNone = set(w.docNone);
  if (docAny) c.docAny = docAny;
  if (docNone) c.docNone = docNone;
  return c;
};

/** Bits of the hamza seats ئ (normalized to ي) and ؤ (to و) in s[start, end): news spells many names either way. */
export function hamzaSeats(s: string, start: number, end: number): number {
  let bits = 0;
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x0626) bits |= 1;
    else if (c === 0x0624) bits |= 2;
  }
  return bits;
}

export const bareForm = (normalizedName: string): string => {
  const t = normalizedName.split(' ');
  t[0] = withoutArticle(t[0]!);
  return t.join(' ');
};

export function compileGazetteer(data: GazetteerData): CompiledGazetteer {
  // One shape for all entries (see util/shape.ts): the matcher reads them per candidate.
  const entryKeys = Object.keys(GazetteerEntry.shape) as (keyof GazetteerEntry)[];
  const entries = data.entries.map((e) => uniformShape(e.entry, entryKeys));
  const byId = new Map(entries.map((e, i) => [e.id, i]));
  const ambiguity = new Map<string, CompiledAmbiguityRule>();
  for (const rule of data.ambiguity.rules) {
    ambiguity.set(bareForm(normalizeString(rule.form)), {
      description: rule.description,
      choose: rule.choose.map((c) => ({ entity: c.entity, when: condition(c.when) })),
      otherwise: rule.otherwise,
    });
  }
  const root = new Map<string, TrieNode>();
  entries.forEach((e, i) => {
    const add = (forms: readonly string[] | undefined, kind: NameKind): void => {
      for (const f of forms ?? []) {
        const trueArticle = f.startsWith('ال');
        for (const spaced of spacingVariants(nameTokens(f))) {
          for (const toks of compassVariants(spaced)) insert(root, ambiguity, toks, { entry: i, kind, form: toks.join(' '), trueArticle, type: e.type });
        }
      }
    };
    add(e.ar, 'name');
    add(e.aliases, 'alias');
    add(e.latin, 'alias');
    add(e.descriptions, 'nominal');
    for (const stem of e.nisba ?? []) add(nisbaForms(stem), 'nisba');
  });
  const roleRoot = new Map<string, RoleNode>();
  for (const r of data.roles.roles) {
    for (const phrase of r.ar) {
      const toks = nameTokens(phrase);
      const first = toks[0]!;
      const key = withoutArticle(first);
      const node = pathNode(roleRoot, [key, ...toks.slice(1)]);
      node.items.push({ key: r.key, phrase: toks.join(' '), hasAl: key !== first, requiresOf: r.requiresOf ?? false });
    }
  }
  // Provenance paths are relative to the folder holding the gazetteer folder ("gazetteers/countries.jsonl"),
  // not to the working directory, so the same run gives the same graphs wherever it is started.
  const relFile = new Map<string, string>();
  const base = dirname(resolve(data.dir));
  const rel = (file: string): string => {
    let r = relFile.get(file);
    if (r === undefined) relFile.set(file, (r = relative(base, resolve(file)).split(sep).join('/')));
    return r;
  };
  const origins = data.entries.map((e) => `${rel(e.file)}:${e.line}`);
  const personNames = new Map<number, string[][]>();
  entries.forEach((e, i) => {
    if (e.type !== 'PERSON') return;
    const names = e.ar.map(nameTokens).filter((tokens) => tokens.length >= 2);
    if (names.length) personNames.set(i, names);
  });
  const holdersOf = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const of of new Set((e.roles ?? []).map((r) => r.of))) {
      let list = holdersOf.get(of);
      if (!list) holdersOf.set(of, (list = []));
      list.push(i);
    }
  });
  const gazetteerRules = origins.map((o) => `gazetteer:${o}`);
  const bareBodies = compileBareBodies(entries, byId, root);
  const seats = Uint8Array.from(entries, (e) => [...e.ar, ...(e.aliases ?? []), ...(e.descriptions ?? []), ...(e.nisba ?? [])].reduce((bits, f) => bits | hamzaSeats(f, 0, f.length), 0));
  return { entries, origins, gazetteerRules, byId, hamzaSeats: seats, root, roleRoot, ambiguity, hashes: data.hashes, personNames, holdersOf, bareBodies };
}

export const entityType = (g: CompiledGazetteer, i: number): EntityType => g.entries[i]!.type;

/** Every normalized token of every PERSON name and alias (name parts such as محمد، علي، بن). */
export function personNameTokens(g: CompiledGazetteer): Set<string> {
  const out = new Set<string>();
  for (const e of g.entries) {
    if (e.type !== 'PERSON') continue;
    for (const f of [...e.ar, ...(e.aliases ?? [])]) for (const t of nameTokens(f)) out.add(t);
  }
  return out;
}

/** See CompiledGazetteer.bareBodies: names of two words or more before the nisba of the entry's own country. */
function compileBareBodies(entries: readonly GazetteerEntry[], byId: ReadonlyMap<string, number>, root: ReadonlyMap<string, TrieNode>): Map<string, BareBody[]> {
  const byWords = new Map<string, { tokens: string[]; byCountry: Map<string, number>; ambiguous: Set<string> }>();
  entries.forEach((e, i) => {
    if (e.type !== 'ORGANIZATION' || !e.country) return;
    const country = byId.get(e.country);
    for (const f of [...e.ar, ...(e.aliases ?? [])]) {
      const tokens = nameTokens(f);
      if (tokens.length < 3) continue;
      if (!root.get(withoutArticle(tokens[tokens.length - 1]!))?.items.some((r) => r.kind === 'nisba' && r.entry === country)) continue;
      const words = tokens.slice(0, -1);
      const k = words.join(' ');
      let b = byWords.get(k);
      if (!b) byWords.set(k, (b = { tokens: words, byCountry: new Map(), ambiguous: new Set() }));
      const had = b.byCountry.get(e.country);
      if (had !== undefined && had !== i) b.ambiguous.add(e.country);
      b.byCountry.set(e.country, i);
    }
  });
  const out = new Map<string, BareBody[]>();
  for (const b of byWords.values()) {
    // Two bodies of one country with the same words: the words do not tell which.
    for (const c of b.ambiguous) b.byCountry.delete(c);
    if (!b.byCountry.size) continue;
    let l = out.get(b.tokens[0]!);
    if (!l) out.set(b.tokens[0]!, (l = []));
    l.push({ tokens: b.tokens, byCountry: b.byCountry });
  }
  // Longest first: "مجلس الوزراء الاتحادي" before "مجلس الوزراء".
  for (const l of out.values()) l.sort((a, b) => b.tokens.length - a.tokens.length);
  return out;
}
