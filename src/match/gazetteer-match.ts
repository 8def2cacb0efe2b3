// Gazetteer matching: one pass over the tokens of each sentence, each token looked up once per
// reading (proclitics and article stripped) in the name trie; overlaps settled by `selectLongest`,
// shared forms by the context rules of ambiguous.json.
import { hamzaSeats, nameRecord, type CompiledAmbiguityRule, type CompiledCondition, type CompiledGazetteer, type NameRecord, type TrieNode } from '../gazetteer/compile.js';
import type { Doc, EntityRecord, Mention } from '../doc.js';
import { need } from '../doc.js';
import { decompose, readingStarts, withArticle } from '../text/clitics.js';
import { toOriginal, type Normalized } from '../text/normalize.js';
import type { FormFeatures, FormKeys } from '../text/form-features.js';
import { continuationKeys } from '../util/trie.js';
import { lookupForm, mayHave, perForm, TokenKind, type Tokens } from '../text/tokenize.js';
import { selectLongest, type SpanCandidate } from './overlaps.js';

interface Candidate extends SpanCandidate {
  readonly records: readonly NameRecord[];
  /** The matched tokens as the trie read them (first token without proclitics and article). */
  readonly bareForm: string;
  /** The first token's form: its first prefixLen units are the proclitics. */
  readonly firstForm: string;
  readonly withArticle: boolean;
  /** Set once the record is chosen (pickRecord): the candidate is then ranked by its kind. */
  rank: number;
  record: NameRecord | null;
}



/** The form feature "a name of the gazetteer may start here" (a superset: see mayHave): a reading, or a form without readings, is a first word of the trie. */
const nameStartKeys = (gaz: CompiledGazetteer): FormKeys => ({ bares: gaz.root.keys(), formsWithoutReadings: gaz.root.keys() });

/** The form feature "the word alone is a whole name of the gazetteer" (as a start: see nameStartKeys). */
const wholeNameKeys = (gaz: CompiledGazetteer): FormKeys => {
  const keys = [...gaz.root].filter(([, node]) => node.items.length > 0).map(([key]) => key);
  return { bares: keys, formsWithoutReadings: keys };
};

/** The form feature "a name of the gazetteer may go on with this word". */
const nameContinuationKeys = (gaz: CompiledGazetteer): FormKeys => ({ forms: continuationKeys(gaz.root) });

/**
 * The form feature "a word that a context rule of ambiguous.json looks for" (prevAny, nextAny,
 * nearAny, docAny, docNone), so that a rule's scans, above all docAny/docNone's scan of the whole
 * document, pass over every other token without decomposing it.
 */
const contextWordKeys = (gaz: CompiledGazetteer): FormKeys => {
  const words = new Set<string>();
  for (const rule of gaz.ambiguity.values()) {
    for (const { when: w } of rule.choose) for (const set of [w.prevAny, w.nextAny, w.nearAny, w.docAny, w.docNone]) for (const word of set ?? []) words.add(word);
  }
  // stripped(form) as keys: the form, and each reading as withArticle(d) ('ال' + d.bare with the article).
  return { forms: words, baresWithoutArticle: words, baresWithArticle: [...words].filter((w) => w.startsWith('ال')).map((w) => w.slice(2)) };
};

/** Form-feature bits of the matcher (0: not known, every token is tried). */
export interface NameFeatures {
  /** A name may start at the token (nameStartTest). */
  readonly start: number;
  /** The token alone may be a whole name (wholeNameTest). */
  readonly whole: number;
  /** A name may go on with the token (nameContinuationTest). */
  readonly continuation: number;
  /** The token is a word some context rule looks for (contextWordTest). */
  readonly context: number;
}
const NO_FEATURES: NameFeatures = { start: 0, whole: 0, continuation: 0, context: 0 };

/** Defines the matcher's form features. */
export function defineNameFeatures(features: FormFeatures, gaz: CompiledGazetteer): NameFeatures {
  return {
    start: features.define('name-start', nameStartKeys(gaz)),
    whole: features.define('name-whole', wholeNameKeys(gaz)),
    continuation: features.define('name-continuation', nameContinuationKeys(gaz)),
    context: features.define('name-context', contextWordKeys(gaz)),
  };
}

export function matchGazetteer(doc: Doc, gaz: CompiledGazetteer, bits: NameFeatures = NO_FEATURES): void {
  const tokens = need(doc, 'tokens', 'gazetteer');
  const sentences = need(doc, 'sentences', 'gazetteer');
  const norm = need(doc, 'norm', 'gazetteer');
  const candidates: Candidate[] = [];
  // Hot loop: plain indexed loops and no allocation unless a trie node holds names.
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (!mayHave(tokens, i, bits.start)) continue;
      // A word that only begins longer names (محمد، مجلس) needs a next word that goes on a name:
      // most have none, and are passed over without a look at their readings.
      if (!mayHave(tokens, i, bits.whole) && (i + 1 >= s.tokEnd || !mayHave(tokens, i + 1, bits.continuation))) continue;
      const kind = tokens.kind[i];
      if (kind === TokenKind.LatinWord) {
        const form = tokens.norm[i]!;
        walk(tokens, candidates, gaz.root.get(form), form, 0, false, i, si, s.tokEnd, bits.continuation);
      } else if (kind === TokenKind.ArabicWord) {
        // The readings that start a name: one lookup per form (perForm).
        const first = perForm(tokens, i, gaz.root, readingStarts);
        for (let k = 0; k < first.length; k++) {
          const { d, node } = first[k]!;
          walk(tokens, candidates, node, d.bare, d.prefixLen, d.hasAl, i, si, s.tokEnd, bits.continuation);
        }
      }
    }
  }
  const chosen: Candidate[] = [];
  // Per document, whether a context rule's word set occurs in it (docAny / docNone): scanned once.
  const inDoc = new Map<ReadonlySet<string>, boolean>();
  for (const c of candidates) {
    const record = pickRecord(c, gaz, tokens, sentences[c.sentence]!, inDoc, bits.context);
    if (record && c.tokEnd - c.tokStart === 1 && otherHamzaSeat(doc.text, norm, tokens, c, gaz.hamzaSeats[record.entry]!)) continue;
    if (record) {
      c.record = record;
      c.rank = record.kindRank;
      chosen.push(c);
    }
  }
  const keptSet = new Set(selectLongest(chosen, doc.arena));
  for (const c of chosen) {
    if (!keptSet.has(c)) continue;
    const record = c.record!;
    const [start, end] = toOriginal(norm, tokens.start[c.tokStart]! + c.prefixLen, tokens.end[c.tokEnd - 1]!);
    addGazetteerMention(doc, gaz, record.entry, record.kind, { start, end, sentence: c.sentence, tokStart: c.tokStart, tokEnd: c.tokEnd }, gaz.gazetteerRules[record.entry]!);
  }
}

/**
 * The candidate's text has a hamza seat (ئ، ؤ) that no form of the name has (`nameSeats`). A one-word
 * name is then another word that normalization made look like it: فئات (categories) read as فيات
 * (Fiat), الدائر (ongoing) as a place, المناوئ (opponent) as مناوي, المؤدي (leading to) as مودي —
 * 1,580 wrong mentions in the two corpora. Names of several words are not checked: news spells them
 * either way (نائف/نايف البكري، فائز/فايز السراج).
 */
function otherHamzaSeat(text: string, norm: Normalized, tokens: Tokens, c: Candidate, nameSeats: number): boolean {
  const [start, end] = toOriginal(norm, tokens.start[c.tokStart]! + c.prefixLen, tokens.end[c.tokEnd - 1]!);
  return (hamzaSeats(text, start, end) & ~nameSeats) !== 0;
}

/** Records a mention of gazetteer entry `index` over `span` (original offsets and tokens), and its entity. */
export function addGazetteerMention(
  doc: Doc,
  gaz: CompiledGazetteer,
  index: number,
  kind: Mention['kind'],
  span: Pick<Mention, 'start' | 'end' | 'sentence' | 'tokStart' | 'tokEnd'>,
  rule: string,
): void {
  const { start, end } = span;
  doc.mentions.push({ start, end, text: doc.text.slice(start, end), kind, sentence: span.sentence, tokStart: span.tokStart, tokEnd: span.tokEnd, entity: gaz.entries[index]!.id, rule });
  addEntity(doc, gaz, index);
}

/** Follows the name trie from `first`, the node of token i read as `bare` (proclitics and article stripped), adding a candidate at every node that holds names. */
function walk(tokens: Tokens, out: Candidate[], first: TrieNode | undefined, bare: string, prefixLen: number, hasAl: boolean, i: number, si: number, sentenceEnd: number, continuation: number): void {
  let node = first;
  let j = i + 1;
  while (node) {
    const items = node.items;
    if (items.length) {
      const single = j === i + 1;
      // Most often every record fits: the node's own array is used, no new one made.
      let all = true;
      for (let k = 0; k < items.length && all; k++) all = fits(items[k]!, hasAl, single);
      const records: readonly NameRecord[] = all ? items : items.filter((r) => fits(r, hasAl, single));
      if (records.length) {
        // Every record of a node has the node's path: no string is built per candidate.
        out.push({ tokStart: i, tokEnd: j, prefixLen, sentence: si, records, bareForm: j === i + 1 ? bare : items[0]!.path, firstForm: tokens.norm[i]!, withArticle: hasAl, rank: 0, record: null });
      }
    }
    // Most names stop here: a word that goes on no name is known without a lookup.
    if (j >= sentenceEnd || !mayHave(tokens, j, continuation)) break;
    node = node.next.get(lookupForm(tokens, j));
    j++;
  }
}

/**
 * A name listed with ال needs it in the text, but a one-word alias listed with ال (الناتو، الفيفا)
 * is also written without it (ناتو، فيفا). Where the bare word is also a common word (قاعدة: a base),
 * gazetteers/ambiguous.json settles it; a word-frequency list cannot, as the most frequent of these
 * words are the names themselves (فيفا).
 */
function fits(r: NameRecord, hasAl: boolean, single: boolean): boolean {
  return !r.hasAl || hasAl || (r.kind === 'alias' && r.trueArticle && single);
}

export function addEntity(doc: Doc, gaz: CompiledGazetteer, index: number): EntityRecord {
  const entry = gaz.entries[index]!;
  let e = doc.entities.get(entry.id);
  if (!e) {
    e = { id: entry.id, type: entry.type, name: { ar: entry.ar[0]!, en: entry.en }, source: gaz.gazetteerRules[index]! };
    if (entry.standsFor) e.standsFor = entry.standsFor;
    doc.entities.set(entry.id, e);
  }
  return e;
}

/** The record a candidate stands for, after the context rules; null when the form is not a name here. */
function pickRecord(c: Candidate, gaz: CompiledGazetteer, tokens: Tokens, s: { tokStart: number; tokEnd: number }, inDoc: Map<ReadonlySet<string>, boolean>, contextBit: number): NameRecord | null {
  // Every record of a candidate has its path (c.bareForm), and with it the path's context rule.
  const rule = c.records[0]!.ambiguity;
  if (rule !== null) {
    const id = decide(rule, c, tokens, s, inDoc, contextBit);
    if (id === null) return null;
    const idx = gaz.byId.get(id);
    const r0 = c.records[0]!;
    if (idx === undefined) return nameRecord(r0.entry, 'name', false, false, c.bareForm, r0.type, c.bareForm, rule);
    return c.records.find((r) => r.entry === idx) ?? nameRecord(idx, 'name', false, false, c.bareForm, gaz.entries[idx]!.type, c.bareForm, rule);
  }
  let best = c.records[0]!;
  for (const r of c.records) if (r.preference < best.preference) best = r;
  return best;
}

function decide(rule: CompiledAmbiguityRule, c: Candidate, tokens: Tokens, s: { tokStart: number; tokEnd: number }, inDoc: Map<ReadonlySet<string>, boolean>, contextBit: number): string | null {
  for (const choice of rule.choose) if (holds(choice.when, c, tokens, s, inDoc, contextBit)) return choice.entity;
  return rule.otherwise;
}

/** One of `words` is a token of the document (any clitics, with or without ال); remembered in `inDoc`. */
function inDocument(words: ReadonlySet<string>, tokens: Tokens, inDoc: Map<ReadonlySet<string>, boolean>, contextBit: number): boolean {
  let found = inDoc.get(words);
  if (found === undefined) {
    found = false;
    for (let k = 0; k < tokens.count && !found; k++) found = strippedIn(tokens, k, words, contextBit);
    inDoc.set(words, found);
  }
  return found;
}

const stripped = (form: string): string[] => decompose(form).map(withArticle).concat(form);

/** Token k, with any proclitics (with or without ال) or as written, is one of `words`. */
const strippedIn = (tokens: Tokens, k: number, words: ReadonlySet<string>, contextBit: number): boolean =>
  mayHave(tokens, k, contextBit) && stripped(tokens.norm[k]!).some((f) => words.has(f));

function holds(w: CompiledCondition, c: Candidate, tokens: Tokens, s: { tokStart: number; tokEnd: number }, inDoc: Map<ReadonlySet<string>, boolean>, contextBit: number): boolean {
  if (w.clitic && !w.clitic.has(c.firstForm.slice(0, c.prefixLen))) return false;
  if (w.docAny && !inDocument(w.docAny, tokens, inDoc, contextBit)) return false;
  if (w.docNone && inDocument(w.docNone, tokens, inDoc, contextBit)) return false;
  if (w.withArticle !== undefined && w.withArticle !== c.withArticle) return false;
  if (w.prevAny) {
    const p = c.tokStart - 1;
    if (p < s.tokStart || !strippedIn(tokens, p, w.prevAny, contextBit)) return false;
  }
  if (w.nextAny) {
    const n = c.tokEnd;
    if (n >= s.tokEnd || !strippedIn(tokens, n, w.nextAny, contextBit)) return false;
  }
  if (w.nearAny) {
    const lo = Math.max(s.tokStart, c.tokStart - w.window), hi = Math.min(s.tokEnd, c.tokEnd + w.window);
    let found = false;
    for (let k = lo; k < hi && !found; k++) {
      if (k >= c.tokStart && k < c.tokEnd) continue;
      found = strippedIn(tokens, k, w.nearAny, contextBit);
    }
    if (!found) return false;
  }
  return true;
}
