// Sentences and article sections. Line breaks always end a sentence (a headline is never joined
// with the body); boilerplate lines of scraped pages are flagged and may start a new article, so
// that no relation or coreference crosses an article boundary.
import type { BoilerplateLexicon } from '../lexicon/boilerplate.js';
import { toOriginal, type Normalized } from './normalize.js';
import type { FormKeys } from './form-features.js';
import { mayHave, TokenKind, type Tokens } from './tokenize.js';

export interface Sentence {
  /** Original-text offsets. */
  readonly start: number;
  readonly end: number;
  /** Token range [tokStart, tokEnd). */
  readonly tokStart: number;
  readonly tokEnd: number;
  /** Index of the article section on the page. */
  readonly article: number;
  /** Page furniture (source lines, bylines, "read also"): entities are kept, relations are not drawn. */
  readonly boilerplate: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '…']);
const CLOSERS = new Set(['"', '»', '”', '’', ')', ']', "'"]);
/** A sentence longer than this is cut, so that rules stay linear on text without punctuation. */
const MAX_SENTENCE_TOKENS = 300;

/** The form feature "a boilerplate line may start with this word" (for segment's `lineStart`). */
export const boilerplateStartKeys = (lex: BoilerplateLexicon): FormKeys => ({ forms: lex.lines.map((l) => l.tokens[0]!) });

/** `lineStart`: the bit of boilerplateStartTest's feature (0: every line is compared with the lexicon). */
export function segment(norm: Normalized, tokens: Tokens, lex: BoilerplateLexicon, lineStart = 0): Sentence[] {
  const out: Sentence[] = [];
  let article = 0;
  let pendingNewArticle = false;
  let sawText = false;
  const emit = (a: number, b: number, boilerplate: boolean): void => {
    if (b <= a) return;
    const [start] = toOriginal(norm, tokens.start[a]!, tokens.end[a]!);
    const [, end] = toOriginal(norm, tokens.start[b - 1]!, tokens.end[b - 1]!);
    out.push({ start, end, tokStart: a, tokEnd: b, article, boilerplate });
  };
  let i = 0;
  while (i < tokens.count) {
    let lineEnd = i;
    while (lineEnd < tokens.count && tokens.kind[lineEnd] !== TokenKind.LineBreak) lineEnd++;
    const furniture = i < lineEnd && mayHave(tokens, i, lineStart) ? boilerplateLine(tokens, i, lineEnd, lex) : null;
    if (furniture) {
      emit(i, lineEnd, true);
      if (furniture.endsArticle && sawText) pendingNewArticle = true;
    } else if (lineEnd > i) {
      if (pendingNewArticle) {
        article++;
        pendingNewArticle = false;
      }
      sawText = true;
      const bylineEnd = byline(tokens, i, lineEnd, lex);
      if (bylineEnd > i) emit(i, bylineEnd, true);
      splitSentences(tokens, bylineEnd, lineEnd, emit);
    }
    i = lineEnd + 1;
  }
  return out;
}

/** `emit(a, b, false)` for each sentence (the one closure of the document: a closure per line made V8 recompile `segment` each time its call target changed). */
function splitSentences(tokens: Tokens, from: number, to: number, emit: (a: number, b: number, boilerplate: boolean) => void): void {
  let s = from;
  for (let k = from; k < to; k++) {
    let cut = -1;
    if (tokens.kind[k] === TokenKind.Punct && SENTENCE_END.has(tokens.norm[k]!) && !isAbbreviationDot(tokens, k)) {
      let e = k + 1;
      while (e < to && tokens.kind[e] === TokenKind.Punct && (CLOSERS.has(tokens.norm[e]!) || SENTENCE_END.has(tokens.norm[e]!))) e++;
      cut = e;
    } else if (k + 1 - s >= MAX_SENTENCE_TOKENS) {
      cut = k + 1;
    }
    if (cut > 0) {
      emit(s, cut, false);
      s = cut;
      k = cut - 1;
    }
  }
  if (s < to) emit(s, to, false);
}

// "U.S." and single-letter initials in Latin text are not sentence ends.
function isAbbreviationDot(tokens: Tokens, k: number): boolean {
  if (tokens.norm[k] !== '.' || k === 0) return false;
  return tokens.kind[k - 1] === TokenKind.LatinWord && tokens.norm[k - 1]!.length === 1;
}

function boilerplateLine(tokens: Tokens, a: number, b: number, lex: BoilerplateLexicon): { endsArticle: boolean } | null {
  for (const line of lex.lines) {
    const n = line.tokens.length;
    if (b - a < n) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = tokens.norm[a + k] === line.tokens[k];
    if (!ok) continue;
    if (line.wholeLine) {
      // Only trailing punctuation may follow a whole-line marker ("إعلان").
      for (let k = a + n; k < b && ok; k++) ok = tokens.kind[k] === TokenKind.Punct;
      if (!ok) continue;
    } else if (a + n < b && tokens.norm[a + n] !== ':' && tokens.kind[a + n] !== TokenKind.Punct && b - a > n + 12) {
      // "المصدر" followed by running text is a sentence, not a source line.
      continue;
    }
    return { endsArticle: line.endsArticle };
  }
  return null;
}

/** End token (exclusive) of a dateline/byline such as "دبي، الإمارات العربية المتحدة (CNN)--", or `a` if none. */
function byline(tokens: Tokens, a: number, b: number, lex: BoilerplateLexicon): number {
  const limit = tokens.start[a]! + lex.bylineMaxLength;
  for (let k = a; k < b && tokens.start[k]! < limit; k++) {
    if (tokens.kind[k] !== TokenKind.Punct || tokens.norm[k] !== '(') continue;
    for (const agency of lex.agencies) {
      let m = 0;
      while (m < agency.length && tokens.norm[k + 1 + m] === agency[m]) m++;
      if (m < agency.length || tokens.norm[k + 1 + m] !== ')') continue;
      let e = k + 2 + m;
      while (e < b && tokens.kind[e] === TokenKind.Punct && /^[-–—:]$/.test(tokens.norm[e]!)) e++;
      return e;
    }
  }
  return a;
}
