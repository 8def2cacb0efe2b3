// Tokens over the normalized text, stored in flat typed arrays (start/end in the normalized view).
import { decompose, type Decomposition } from './clitics.js';
import type { Normalized } from './normalize.js';

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
  /** Proclitic/article readings of each token (set by the text stage; see readingsOf). */
  readings?: readonly (readonly Decomposition[])[];
}

/** The readings of token i: precomputed when the text stage set them, else computed now. */
export const readingsOf = (tokens: Tokens, i: number): readonly Decomposition[] => tokens.readings?.[i] ?? decompose(tokens.norm[i] ?? '');

/**
 * Token i's form as a string that is the same object for every occurrence of the form (the bare
 * form of its cached plain reading), when the text stage cached readings: a Map lookup then reuses
 * the hash V8 computed once, instead of hashing each fresh token string again. Same characters as
 * tokens.norm[i].
 */
export function lookupForm(tokens: Tokens, i: number): string {
  const rs = tokens.readings?.[i];
  if (rs) {
    // decompose lists the readings without proclitics first: [article stripped,] plain.
    for (let k = 0; k < rs.length && k < 2; k++) {
      const d = rs[k]!;
      if (d.prefixLen === 0 && !d.hasAl) return d.bare;
    }
  }
  return tokens.norm[i]!;
}

/** Token i without its article (ال, when the token is long enough to carry one), as lookupForm does. */
export function lookupFormWithoutArticle(tokens: Tokens, i: number): string {
  const t = tokens.norm[i]!;
  if (!(t.startsWith('ال') && t.length >= 4)) return lookupForm(tokens, i);
  const d = tokens.readings?.[i]?.[0];
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

/** Tokenizes the normalized text: Arabic words, Latin words, numbers, single punctuation marks, line breaks. */
export function tokenize(norm: Normalized): Tokens {
  const t = norm.text;
  const n = t.length;
  let cap = Math.max(16, n >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  const forms: string[] = [];
  let count = 0;
  const push = (s: number, e: number, k: TokenKind): void => {
    if (count === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap), e2 = new Int32Array(cap), k2 = new Uint8Array(cap);
      s2.set(start), e2.set(end), k2.set(kind);
      start = s2, end = e2, kind = k2;
    }
    start[count] = s;
    end[count] = e;
    kind[count] = k;
    forms.push(t.slice(s, e));
    count++;
  };
  let i = 0;
  while (i < n) {
    const c = CLASS[t.charCodeAt(i)];
    if (c === C.Space) {
      i++;
    } else if (c === C.Newline) {
      const s = i;
      // CRLF and runs of blank lines are one break.
      while (i < n && (CLASS[t.charCodeAt(i)] === C.Newline || CLASS[t.charCodeAt(i)] === C.Space)) i++;
      push(s, s + 1, TokenKind.LineBreak);
    } else if (c === C.Arabic || c === C.Latin) {
      const s = i;
      while (i < n && CLASS[t.charCodeAt(i)] === c) i++;
      push(s, i, c === C.Arabic ? TokenKind.ArabicWord : TokenKind.LatinWord);
    } else if (c === C.Digit) {
      const s = i;
      while (i < n) {
        const d = CLASS[t.charCodeAt(i)];
        if (d === C.Digit) i++;
        else if (d === C.NumSep && i + 1 < n && CLASS[t.charCodeAt(i + 1)] === C.Digit) i += 2;
        else break;
      }
      push(s, i, TokenKind.Number);
    } else {
      push(i, i + 1, TokenKind.Punct);
      i++;
    }
  }
  return { count, start: start.subarray(0, count), end: end.subarray(0, count), kind: kind.subarray(0, count), norm: forms };
}

/**
 * The token forms of an already normalized short text (a gazetteer name, a lexicon phrase): the
 * same as tokenize(...).norm, without typed arrays when the text is Arabic words and spaces alone.
 */
export function tokenForms(text: string): string[] {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && CLASS[c] !== C.Arabic) return tokenize({ source: text, text, map: new Int32Array(0) }).norm.slice();
  }
  return text.split(' ').filter((w) => w !== '');
}

