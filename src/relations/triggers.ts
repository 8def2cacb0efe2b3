// Finds relation triggers in a sentence: token trie over forms, with proclitics, the article,
// a pronoun suffix (when the trigger allows it) and the future prefix س.
import type { TriggerDef, TriggerLexicon } from '../lexicon/triggers.js';
import { TokenKind, type Tokens, readingsOf } from '../text/tokenize.js';

export interface TriggerHit {
  readonly def: TriggerDef;
  readonly tokStart: number;
  readonly tokEnd: number;
  /** Normalized code units of proclitics before the trigger. */
  readonly prefixLen: number;
  readonly suffixed: boolean;
  readonly future: boolean;
}

const SEEN = 0x633, YA = 0x64a, TA = 0x62a, NUN = 0x646;

export function findTriggers(lex: TriggerLexicon, tokens: Tokens, from: number, to: number): TriggerHit[] {
  const hits: TriggerHit[] = [];
  let best: TriggerHit[] = [];
  /** Walks the trigger trie from token i read as `key`; keeps the longest hit (the first among equals). */
  const tryKey = (key: string, i: number, prefixLen: number, suffixed: boolean, future: boolean): void => {
    let node = lex.root.get(key);
    let j = i + 1;
    while (node) {
      if (node.items.length && (!best.length || j > best[0]!.tokEnd)) {
        const defs = suffixed ? node.items.filter((def) => def.suffixes) : node.items;
        if (defs.length) best = defs.map((def) => ({ def, tokStart: i, tokEnd: j, prefixLen, suffixed, future }));
      }
      if (j >= to) break;
      const t = tokens.norm[j]!;
      node = node.next.get(t.startsWith('ال') && t.length >= 4 ? t.slice(2) : t);
      j++;
    }
  };
  for (let i = from; i < to; i++) {
    if (tokens.kind[i] !== TokenKind.ArabicWord) continue;
    best = [];
    for (const d of readingsOf(tokens, i)) {
      const bare = d.bare;
      tryKey(bare, i, d.prefixLen, false, false);
      // The future prefix: سيزور → يزور.
      if (!d.hasAl && bare.charCodeAt(0) === SEEN) {
        const c = bare.charCodeAt(1);
        if (c === YA || c === TA || c === NUN) tryKey(bare.slice(1), i, d.prefixLen, false, true);
      }
      for (const suf of lex.suffixes) {
        if (bare.length - suf.length >= 3 && bare.endsWith(suf)) {
          const stem = bare.slice(0, -suf.length);
          // لقائه → لقاء, زيارته → زيارة (ة is written ت before a suffix; normalized ة is ه).
          if (stem.endsWith('ت')) tryKey(`${stem.slice(0, -1)}ه`, i, d.prefixLen, true, false);
          // لقائه is normalized لقايه: the hamza seat before a suffix stands for a final ء.
          if (stem.endsWith('ي') && suf !== 'ي') tryKey(`${stem.slice(0, -1)}ء`, i, d.prefixLen, true, false);
          tryKey(stem, i, d.prefixLen, true, false);
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
