// Tokens over the normalized text, stored in flat typed arrays (start/end in the normalized view).
import { decompose, newMemo, recall, remember, type Decomposition } from './clitics.js';
import type { Normalized } from './normalize.js';
import { FNV_OFFSET, FNV_PRIME } from '../util/fnv.js';
import { readingsOfEntry, stringUnits, unitsString, type FormEntry, type Vocabulary } from './vocabulary.js';
import { int32s, uint32s, uint8s, type TypedArena } from '../util/arena.js';

export const TokenKind = { ArabicWord: 1, LatinWord: 2, Number: 3, Punct: 4, LineBreak: 5 } as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Tokens {
  readonly count: number;
  /** Normalized-text offsets. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  /** Normalized form of each token. */
  readonly norm: readonly string[];
  /** The vocabulary entry of each token (when tokenized with a vocabulary): per-form memos. */
  readonly entries?: readonly FormEntry[];
  /** The form-feature bits of each token (when tokenized with a vocabulary; see FormFeatures). */
  readonly flags?: Uint32Array;
}

/**
 * False when token i surely lacks the form feature `bit`, so a scan may skip it; true when it has
 * it or when that is not known (no vocabulary, or bit 0: no feature defined).
 */
export function mayHave(tokens: Tokens, i: number, bit: number): boolean {
  const f = tokens.flags;
  return f === undefined || bit === 0 || (f[i]! & bit) !== 0;
}

/** The readings of token i: precomputed when the text stage set them, else computed now. */
export const readingsOf = (tokens: Tokens, i: number): readonly Decomposition[] => {
  const e = tokens.entries?.[i];
  return e ? readingsOfEntry(e) : decompose(tokens.norm[i] ?? '');
};

/** One of token k's readings (without proclitics and article) is in `words`. */
export function readingIn(tokens: Tokens, k: number, words: ReadonlySet<string>): boolean {
  const rs = readingsOf(tokens, k);
  for (let r = 0; r < rs.length; r++) if (words.has(rs[r]!.bare)) return true;
  return false;
}

/**
 * What `owner` derives from token i's form alone (its readings and form): computed once per form
 * and kept on the token's vocabulary entry, or computed now for tokens made without a vocabulary.
 * `derive` is a plain function of the owner and the form (no closure made per call).
 */
export function perForm<O extends object, T>(tokens: Tokens, i: number, owner: O, derive: (owner: O, readings: readonly Decomposition[], form: string) => T): T {
  const entry = tokens.entries?.[i];
  if (!entry) return derive(owner, readingsOf(tokens, i), tokens.norm[i]!);
  const memo = (entry.memo ??= newMemo());
  const known = recall(memo, owner);
  return known !== undefined ? (known as T) : remember(memo, owner, derive(owner, readingsOfEntry(entry), entry.form));
}

/**
 * Token i's form. With a vocabulary it is the same string object for every occurrence of the form,
 * so a Map lookup reuses the hash V8 computed once.
 */
export const lookupForm = (tokens: Tokens, i: number): string => tokens.norm[i]!;

/** Token i without its article (ال, when the token is long enough to carry one); interned when the token is. */
export function lookupFormWithoutArticle(tokens: Tokens, i: number): string {
  const t = tokens.norm[i]!;
  if (!(t.startsWith('ال') && t.length >= 4)) return t;
  // The kept reading's string is interned (its hash cached); without one, a fresh slice.
  const d = tokens.entries?.[i]?.readings?.[0];
  return d && d.prefixLen === 0 && d.hasAl ? d.bare : t.slice(2);
}

const enum C {
  Space = 0,
  Arabic = 1,
  Latin = 2,
  Digit = 3,
  Punct = 4,
  Newline = 5,
  NumSep = 6,
}

const CLASS = new Uint8Array(0x10000).fill(C.Punct);
for (const c of [0x20, 0x09, 0x0b, 0x0c]) CLASS[c] = C.Space;
CLASS[0x0a] = C.Newline;
CLASS[0x0d] = C.Newline;
CLASS[0x2028] = C.Newline;
CLASS[0x2029] = C.Newline;
CLASS[0x85] = C.Newline;
for (let c = 0x0621; c <= 0x064a; c++) CLASS[c] = C.Arabic;
for (let c = 0x0671; c <= 0x06d3; c++) CLASS[c] = C.Arabic;
CLASS[0x06d5] = C.Arabic;
for (let c = 0x06fa; c <= 0x06ff; c++) CLASS[c] = C.Arabic;
for (let c = 0x0750; c <= 0x077f; c++) CLASS[c] = C.Arabic;
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = C.Latin;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = C.Latin;
for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) CLASS[c] = C.Latin;
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = C.Digit;
for (const c of [0x2e, 0x2c, 0x066b, 0x066c]) CLASS[c] = C.NumSep;
// Surrogates (emoji, rare scripts) are kept together as one symbol token.
for (let c = 0xd800; c <= 0xdfff; c++) CLASS[c] = C.Latin;

/**
 * Tokenizes the normalized text: Arabic words, Latin words, numbers, single punctuation marks, line
 * breaks. With a vocabulary, every form is interned (no string made for a form seen before) and
 * tokens carry their vocabulary entries and form-feature bits.
 */
export function tokenize(norm: Normalized, vocab?: Vocabulary, arena?: TypedArena): Tokens {
  const t = norm.units;
  const n = t.length;
  let cap = Math.max(16, n >> 2);
  let start = int32s(arena, cap);
  let end = int32s(arena, cap);
  let kind = uint8s(arena, cap);
  let flags = vocab ? uint32s(arena, cap) : undefined;
  // Sized for the usual token count (news text has a token every five or six units), so that the
  // arrays are rarely grown and copied; trimmed at the end. Capped: V8 makes a very long array
  // created with a length a slow dictionary, and a longer text simply grows past the guess.
  const guess = Math.min((n >> 2) + 8, 1 << 14);
  const forms: string[] = new Array<string>(guess);
  const entries: FormEntry[] = vocab ? new Array<FormEntry>(guess) : [];
  let count = 0;
  let i = 0;
  // One loop, no closure: each token's hash is computed while its units are read.
  while (i < n) {
    const c = CLASS[t[i]!]!;
    if (c === C.Space) {
      i++;
      continue;
    }
    const s = i;
    let h = Math.imul(FNV_OFFSET ^ t[i]!, FNV_PRIME);
    let k: TokenKind;
    i++;
    if (c === C.Arabic || c === C.Latin) {
      while (i < n && CLASS[t[i]!] === c) h = Math.imul(h ^ t[i++]!, FNV_PRIME);
      k = c === C.Arabic ? TokenKind.ArabicWord : TokenKind.LatinWord;
    } else if (c === C.Digit) {
      while (i < n) {
        const d = CLASS[t[i]!];
        if (d === C.Digit) h = Math.imul(h ^ t[i++]!, FNV_PRIME);
        else if (d === C.NumSep && i + 1 < n && CLASS[t[i + 1]!] === C.Digit) {
          h = Math.imul(h ^ t[i++]!, FNV_PRIME);
          h = Math.imul(h ^ t[i++]!, FNV_PRIME);
        } else break;
      }
      k = TokenKind.Number;
    } else if (c === C.Newline) {
      // CRLF and runs of blank lines are one break (of the first unit).
      while (i < n && (CLASS[t[i]!] === C.Newline || CLASS[t[i]!] === C.Space)) i++;
      k = TokenKind.LineBreak;
    } else {
      k = TokenKind.Punct;
    }
    const e = k === TokenKind.LineBreak ? s + 1 : i;
    if (count === cap) {
      cap *= 2;
      const s2 = int32s(arena, cap), e2 = int32s(arena, cap), k2 = uint8s(arena, cap);
      s2.set(start), e2.set(end), k2.set(kind);
      start = s2, end = e2, kind = k2;
      if (flags) {
        const f2 = uint32s(arena, cap);
        f2.set(flags);
        flags = f2;
      }
    }
    start[count] = s;
    end[count] = e;
    kind[count] = k;
    if (vocab) {
      entries[count] = vocab.intern(t, s, e, h | 0, k === TokenKind.ArabicWord);
      // Read from the vocabulary's front cache: the entry object itself is a cache miss away.
      flags![count] = vocab.lastFlags;
      forms[count] = vocab.lastForm;
    } else {
      forms[count] = unitsString(t, s, e);
    }
    count++;
  }
  forms.length = count;
  if (vocab) entries.length = count;
  const st = start.subarray(0, count), en = end.subarray(0, count), ki = kind.subarray(0, count);
  return vocab ? { count, start: st, end: en, kind: ki, norm: forms, entries, flags: flags!.subarray(0, count) } : { count, start: st, end: en, kind: ki, norm: forms };
}

/**
 * The token forms of an already normalized short text (a gazetteer name, a lexicon phrase): the
 * same as tokenize(...).norm, without typed arrays when the text is Arabic words and spaces alone.
 */
export function tokenForms(text: string): string[] {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && CLASS[c] !== C.Arabic) return tokenize({ source: text, units: stringUnits(text), text, map: new Int32Array(0) }).norm.slice();
  }
  return text.split(' ').filter((w) => w !== '');
}

