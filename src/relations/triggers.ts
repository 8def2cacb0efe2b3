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

export function findTriggers(lex: TriggerLexicon, tokens: Tokens, from: number, to: number): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (let i = from; i < to; i++) {
    if (tokens.kind[i] !== TokenKind.ArabicWord) continue;
    let best: TriggerHit[] = [];
    for (const d of readingsOf(tokens, i)) {
      const readings: { key: string; suffixed: boolean; future: boolean }[] = [{ key: d.bare, suffixed: false, future: false }];
      if (!d.hasAl && /^س[يتن]/.test(d.bare)) readings.push({ key: d.bare.slice(1), suffixed: false, future: true });
      for (const suf of lex.suffixes) {
        if (d.bare.length - suf.length >= 3 && d.bare.endsWith(suf)) {
          const stem = d.bare.slice(0, -suf.length);
          // لقائه → لقاء, زيارته → زيارة (ة is written ت before a suffix; normalized ة is ه).
          if (stem.endsWith('ت')) readings.push({ key: `${stem.slice(0, -1)}ه`, suffixed: true, future: false });
          // لقائه is normalized لقايه: the hamza seat before a suffix stands for a final ء.
          if (stem.endsWith('ي') && suf !== 'ي') readings.push({ key: `${stem.slice(0, -1)}ء`, suffixed: true, future: false });
          readings.push({ key: stem, suffixed: true, future: false });
        }
      }
      for (const r of readings) {
        let node = lex.root.get(r.key);
        let j = i + 1;
        while (node) {
          const defs = node.items.filter((def) => !r.suffixed || def.suffixes);
          if (defs.length && (!best.length || j > best[0]!.tokEnd)) {
            best = defs.map((def) => ({ def, tokStart: i, tokEnd: j, prefixLen: d.prefixLen, suffixed: r.suffixed, future: r.future }));
          }
          if (j >= to) break;
          const t = tokens.norm[j]!;
          node = node.next.get(t.startsWith('ال') && t.length >= 4 ? t.slice(2) : t);
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
