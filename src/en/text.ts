// The English text layer: wink-nlp sentences and tokens, mapped to exact UTF-16 offsets of the
// original text. The text is never changed: `Doc.norm` is the identity view, and token forms are
// folded (lowercase, no accents, no dots: U.S. → us) for matching only.
import { createRequire } from 'node:module';
import type { ItemSentence, WinkMethods } from 'wink-nlp';
import type { Normalized } from '../text/normalize.js';
import type { Sentence } from '../text/segment.js';
import { TokenKind, type Tokens } from '../text/tokenize.js';

/** Per-token facts the English stages need besides the shared Tokens arrays. */
export interface EnglishLayer {
  /** Universal POS tag from wink (PROPN, VERB …). */
  readonly pos: readonly string[];
  /** First letter is uppercase. */
  readonly cap: Uint8Array;
  /** Has letters and none is lowercase (US, NATO). */
  readonly upper: Uint8Array;
  /** The text between token k-1 and token k contains a hyphen or dash ("Russia-Ukraine"). */
  readonly dashBefore: Uint8Array;
}

export interface EnglishText {
  readonly norm: Normalized;
  readonly tokens: Tokens;
  readonly sentences: Sentence[];
  readonly tokenSentence: Int32Array;
  readonly layer: EnglishLayer;
}

export type Wink = WinkMethods;

/** Loads the wink-nlp English model (about 0.3 s; one instance per pipeline), only when an English pipeline is built. */
export function loadWink(): Wink {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  const model = require('wink-eng-lite-web-model') as typeof import('wink-eng-lite-web-model').default;
  return winkNLP(model, ['sbd', 'pos']);
}

/** The folded form of a token used as a matching key. */
export function foldToken(s: string): string {
  const f = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\./g, '');
  // The Arabic article is written al- or el- (al-Sisi, el-Sisi): one key for both.
  return f === 'el' ? 'al' : f;
}

/** Splits a word at inner hyphens (al-Thani → al, Thani); the hyphen is no token, so a name keeps its tokens adjacent. */
export function splitHyphens(value: string, start: number): { text: string; start: number }[] {
  if (!/[-‐‑]/.test(value)) return [{ text: value, start }];
  const parts: { text: string; start: number }[] = [];
  const re = /[^-‐‑]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) parts.push({ text: m[0], start: start + m.index });
  // "-" alone, or a word with a leading/trailing hyphen, stays as it is.
  if (parts.length < 2 || !parts.every((p) => /[\p{L}\p{N}]/u.test(p.text))) return [{ text: value, start }];
  return parts;
}

const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const UPPER_FIRST = /^[^\p{L}\p{N}]*\p{Lu}/u;

/** Tokens and sentences of an English text. Line breaks always end a sentence (a headline is never joined to the body). */
export function englishText(wink: Wink, text: string): EnglishText {
  const its = wink.its;
  const doc = wink.readDoc(text);
  const values = doc.tokens().out() as string[];
  const types = doc.tokens().out(its.type) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const sentenceOf = new Int32Array(values.length).fill(-1);
  let sIndex = 0;
  doc.sentences().each((s: ItemSentence) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    sentenceOf.fill(sIndex++, a, b + 1);
  });
  const start: number[] = [], end: number[] = [], kind: number[] = [], forms: string[] = [], pos: string[] = [], sent: number[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const type = types[i]!;
    if (type === 'tabCRLF' || !v.trim()) {
      // A line break: wink keeps it as a token; it only separates sentences here.
      const at = text.indexOf(v, cursor);
      if (at >= 0) cursor = at + v.length;
      sent.push(-2);
      start.push(-1), end.push(-1), kind.push(TokenKind.LineBreak), forms.push('\n'), pos.push('SPACE');
      continue;
    }
    const at = text.indexOf(v, cursor);
    // wink returns the original characters of every token; if one ever differs, it is left out rather than misplaced.
    if (at < 0) continue;
    cursor = at + v.length;
    // A hyphen glued between two words (el-Sisi, Russia-Ukraine) is no token: the words stay adjacent, and dashBefore records it.
    if (/^[-‐‑–]$/.test(v) && WORD_CHAR.test(text[at - 1] ?? ' ') && WORD_CHAR.test(text[at + 1] ?? ' ')) continue;
    for (const part of splitHyphens(v, at)) {
      start.push(part.start);
      end.push(part.start + part.text.length);
      kind.push(type === 'word' || type === 'email' || type === 'url' || type === 'hashtag' || type === 'mention' ? TokenKind.LatinWord : type === 'number' || type === 'ordinal' ? TokenKind.Number : TokenKind.Punct);
      forms.push(foldToken(part.text));
      pos.push(tags[i] ?? 'X');
      sent.push(sentenceOf[i]!);
    }
  }
  // Drop line-break placeholders, cutting sentences there.
  const keep: number[] = [];
  const cutBefore = new Set<number>();
  for (let k = 0; k < sent.length; k++) {
    if (sent[k] === -2) cutBefore.add(keep.length);
    else keep.push(k);
  }
  const count = keep.length;
  const tokens: Tokens = {
    count,
    start: Int32Array.from(keep, (k) => start[k]!),
    end: Int32Array.from(keep, (k) => end[k]!),
    kind: Uint8Array.from(keep, (k) => kind[k]!),
    norm: keep.map((k) => forms[k]!),
  };
  const cap = new Uint8Array(count), upper = new Uint8Array(count), dashBefore = new Uint8Array(count);
  for (let t = 0; t < count; t++) {
    const raw = text.slice(tokens.start[t]!, tokens.end[t]!);
    if (UPPER_FIRST.test(raw)) cap[t] = 1;
    if (LETTER.test(raw) && !LOWER.test(raw)) upper[t] = 1;
    if (t > 0 && /[-‐‑–—]/.test(text.slice(tokens.end[t - 1]!, tokens.start[t]!))) dashBefore[t] = 1;
  }
  const sentences: Sentence[] = [];
  const tokenSentence = new Int32Array(count).fill(-1);
  let a = 0;
  for (let t = 1; t <= count; t++) {
    if (t < count && sent[keep[t]!] === sent[keep[a]!] && !cutBefore.has(t)) continue;
    tokenSentence.fill(sentences.length, a, t);
    sentences.push({ start: tokens.start[a]!, end: tokens.end[t - 1]!, tokStart: a, tokEnd: t, article: 0, boilerplate: false });
    a = t;
  }
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return {
    norm: { source: text, units: new Uint16Array(0), text, map },
    tokens,
    sentences,
    tokenSentence,
    layer: { pos: keep.map((k) => pos[k]!), cap, upper, dashBefore },
  };
}

/** Tokens of a name from a data file, split and folded the same way as text tokens (checked against wink in the tests). */
export function nameTokens(name: string): { folded: string[]; raw: string[] } {
  const raw: string[] = [];
  // Words with inner dots and apostrophes (U.S., Kata'ib), a possessive 's apart, other marks apart.
  const re = /[\p{L}\p{N}\p{M}]+(?:[.'’][\p{L}\p{N}\p{M}]+)*\.?|[^\s\p{L}\p{N}]/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(name))) {
    let w = m[0];
    const poss = /^(.+?)(['’]s)$/u.exec(w);
    if (poss && poss[1]!.length > 1) {
      raw.push(...splitHyphens(poss[1]!, 0).map((p) => p.text), poss[2]!);
      continue;
    }
    // A final dot belongs to an abbreviation (U.S., Jr.) only when the word has another dot or is one letter.
    if (w.endsWith('.') && !/\..*\./.test(w) && w.length > 2) w = w.slice(0, -1);
    raw.push(...splitHyphens(w, 0).map((p) => p.text));
  }
  const kept = raw.filter((r) => /[\p{L}\p{N}&+]/u.test(r));
  return { folded: kept.map(foldToken), raw: kept };
}
