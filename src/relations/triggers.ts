// Finds relation triggers in a sentence: token trie over forms, with proclitics, the article,
// a pronoun suffix (when the trigger allows it) and the future prefix س.
import type { TriggerDef, TriggerLexicon, TriggerNode } from '../lexicon/triggers.js';
import type { Decomposition } from '../text/clitics.js';
import type { FormKeys, FormTest } from '../text/form-features.js';
import { lookupFormWithoutArticle, mayHave, perForm, TokenKind, type Tokens } from '../text/tokenize.js';

export interface TriggerHit {
  readonly def: TriggerDef;
  readonly tokStart: number;
  readonly tokEnd: number;
  /** Normalized code units of proclitics before the trigger. */
  readonly prefixLen: number;
  readonly suffixed: boolean;
  readonly future: boolean;
  /** The token carries the article, and the trigger's form does not (المعارض for معارض; not التقى). */
  readonly article: boolean;
}

const SEEN = 0x633, YA = 0x64a, TA = 0x62a, NUN = 0x646;

/** A way into the trigger trie from one reading of a token: its first node, and how the key was read. */
interface Start {
  readonly node: TriggerNode;
  readonly suffixed: boolean;
  readonly future: boolean;
}
const NO_STARTS: readonly Start[] = [];

/**
 * The trie nodes a reading leads to, in the order they are tried: the bare form, without the future
 * prefix (سيزور → يزور), without an attached pronoun.
 */
function startsOf(lex: TriggerLexicon, d: Decomposition): readonly Start[] {
  let out: Start[] | null = null;
  const bare = d.bare;
  out = tryKey(lex, out, bare, false, false);
  if (!d.hasAl && bare.charCodeAt(0) === SEEN) {
    const c = bare.charCodeAt(1);
    if (c === YA || c === TA || c === NUN) out = tryKey(lex, out, bare.slice(1), false, true);
  }
  for (const suf of lex.suffixes) {
    if (bare.length - suf.length >= 3 && bare.endsWith(suf)) {
      const stem = bare.slice(0, -suf.length);
      // لقائه → لقاء, زيارته → زيارة (ة is written ت before a suffix; normalized ة is ه).
      if (stem.endsWith('ت')) out = tryKey(lex, out, `${stem.slice(0, -1)}ه`, true, false);
      // لقائه is normalized لقايه: the hamza seat before a suffix stands for a final ء.
      if (stem.endsWith('ي') && suf !== 'ي') out = tryKey(lex, out, `${stem.slice(0, -1)}ء`, true, false);
      out = tryKey(lex, out, stem, true, false);
    }
  }
  return out ?? NO_STARTS;
}

/** `out` with the trie node of `key` added, if the trie has one (a function, not a closure made per reading). */
function tryKey(lex: TriggerLexicon, out: Start[] | null, key: string, suffixed: boolean, future: boolean): Start[] | null {
  const node = lex.root.get(key);
  if (!node) return out;
  (out ??= []).push({ node, suffixed, future });
  return out;
}

/** A reading of a form and the trie nodes it leads to. */
interface ReadingStarts {
  readonly d: Decomposition;
  readonly starts: readonly Start[];
}
const NO_READING_STARTS: readonly ReadingStarts[] = [];

/** The readings of a form that lead into the trigger trie, in reading order: once per form (perForm). */
function formStarts(lex: TriggerLexicon, readings: readonly Decomposition[]): readonly ReadingStarts[] {
  let out: ReadingStarts[] | null = null;
  for (const d of readings) {
    const starts = startsOf(lex, d);
    if (starts.length) (out ??= []).push({ d, starts });
  }
  return out ?? NO_READING_STARTS;
}

/**
 * The form feature "a trigger may start here": a reading for which startsOf finds a node, as keys —
 * every bare form that startsOf turns into a key of the trie (tests/fast-paths.test.ts checks the
 * two agree over the lexicon's keys and their variants).
 */
export const triggerStartKeys = (lex: TriggerLexicon): FormKeys => {
  const bares = new Set<string>();
  const withoutArticle = new Set<string>();
  for (const key of lex.root.keys()) {
    bares.add(key);
    // سيزور → يزور: the future prefix, on a reading without the article.
    const c = key.charCodeAt(0);
    if (c === YA || c === TA || c === NUN) withoutArticle.add(`س${key}`);
    if (key.length < 3) continue;
    for (const suf of lex.suffixes) {
      bares.add(key + suf);
      // زيارته → زيارة; لقائه (normalized لقايه) → لقاء.
      if (key.endsWith('ه')) bares.add(`${key.slice(0, -1)}ت${suf}`);
      if (key.endsWith('ء') && suf !== 'ي') bares.add(`${key.slice(0, -1)}ي${suf}`);
    }
  }
  return { bares, baresWithoutArticle: withoutArticle };
};

/** The form feature as startsOf itself answers it (for the check of triggerStartKeys). */
export const triggerStartTest = (lex: TriggerLexicon): FormTest => (readings) => readings.some((d) => startsOf(lex, d).length > 0);

/** `bit`: the bit of triggerStartKeys' feature (0: every token is tried). */
/** The hits of a trie node's triggers over [i, j); with an attached pronoun, only triggers that take one. */
// A function of its own: a closure in findTriggers' loop would capture the position and make V8
// allocate a context per token.
function hitsAt(lex: TriggerLexicon, node: TriggerNode, i: number, j: number, d: Decomposition, suffixed: boolean, future: boolean): TriggerHit[] {
  const out: TriggerHit[] = [];
  for (const def of node.items) {
    if (suffixed && !def.suffixes) continue;
    const article = d.hasAl && !(lex.articleForms.get(def.id)?.has(d.bare) ?? false);
    out.push({ def, tokStart: i, tokEnd: j, prefixLen: d.prefixLen, suffixed, future, article });
  }
  return out;
}

export function findTriggers(lex: TriggerLexicon, tokens: Tokens, from: number, to: number, bit = 0): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (let i = from; i < to; i++) {
    if (!mayHave(tokens, i, bit) || tokens.kind[i] !== TokenKind.ArabicWord) continue;
    const readingStarts = perForm(tokens, i, lex, formStarts);
    if (!readingStarts.length) continue;
    let best: TriggerHit[] = [];
    for (const { d, starts } of readingStarts) {
      // The longest trigger wins; among equals, the first found.
      for (const { node: first, suffixed, future } of starts) {
        let node: TriggerNode | undefined = first;
        let j = i + 1;
        while (node) {
          if (node.items.length && (!best.length || j > best[0]!.tokEnd)) {
            const found = hitsAt(lex, node, i, j, d, suffixed, future);
            if (found.length) best = found;
          }
          if (j >= to) break;
          node = node.next.get(lookupFormWithoutArticle(tokens, j));
          j++;
        }
      }
      if (best.length) break;
    }
    if (best.length) {
      hits.push(...best);
      i = best[0]!.tokEnd - 1;
    }
  }
  return hits;
}
