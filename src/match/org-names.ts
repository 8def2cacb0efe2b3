// Organizations no list has, named by a head word, a few words and a nisba: "وزارة التوحيد الكورية
// الجنوبية", "جهاز الاستخبارات العسكرية الروسي". The nisba is part of the name (no mention of its own).
import type { Doc, Mention } from '../doc.js';
import { need } from '../doc.js';
import type { NameRules } from '../lexicon/name-rules.js';
import { toOriginal } from '../text/normalize.js';
import { withArticle, type Decomposition } from '../text/clitics.js';
import { mayHave, readingsOf, TokenKind } from '../text/tokenize.js';
import { transliterate } from '../text/transliterate.js';
import { uint8s } from '../util/arena.js';
import { TokenSlots } from '../util/token-slots.js';

const MAX_WORDS_BETWEEN = 3;

/** The reading of a token that is an organization's head word (وزارة، حزب …), if any. */
export const headReading = (rules: NameRules, readings: readonly Decomposition[]): Decomposition | undefined =>
  readings.find((d) => rules.organizationHeads.has(d.bare));

/** `bit`: the form feature "an organization's head word" (0: every token is tried). */
export function findOrganizationNames(doc: Doc, rules: NameRules, bit = 0): void {
  const tokens = need(doc, 'tokens', 'titles');
  const sentences = need(doc, 'sentences', 'titles');
  const norm = need(doc, 'norm', 'titles');
  const covered = uint8s(doc.arena, tokens.count);
  const startAt = new TokenSlots<Mention>(doc.arena, tokens.count + 1);
  for (const m of doc.mentions) {
    covered.fill(1, m.tokStart, m.tokEnd);
    startAt.set(m.tokStart, m);
  }
  const drop = new Set<Mention>();
  sentences.forEach((s, si) => {
    for (let i = s.tokStart; i < s.tokEnd - 2; i++) {
      if (covered[i] || !mayHave(tokens, i, bit) || tokens.kind[i] !== TokenKind.ArabicWord) continue;
      const head = headReading(rules, readingsOf(tokens, i));
      if (!head) continue;
      let k = i + 1;
      let nisba: Mention | undefined;
      while (k < s.tokEnd && k - i - 1 <= MAX_WORDS_BETWEEN) {
        const m = startAt.get(k);
        if (m) {
          if (m.kind === 'nisba' && doc.entities.get(m.entity)?.type === 'COUNTRY' && k > i + 1) nisba = m;
          break;
        }
        if (covered[k] || tokens.kind[k] !== TokenKind.ArabicWord || rules.notNames.has(tokens.norm[k]!)) break;
        k++;
      }
      if (!nisba) continue;
      // A name is definite: "حزب العمال البرازيلي", not the description "حزب سياسي سويدي"; after a
      // definite head the next word agrees or is a لـ genitive ("المجلس الأعلى"، not "الوزارة حجم").
      const definite = (k: number): boolean => readingsOf(tokens, k).some((d) => d.hasAl);
      if (!definite(nisba.tokStart) || !definite(nisba.tokStart - 1)) continue;
      if (head.hasAl && !definite(i + 1) && !tokens.norm[i + 1]!.startsWith('ل')) continue;
      const [start] = toOriginal(norm, tokens.start[i]! + head.prefixLen, tokens.end[i]!);
      const [, end] = toOriginal(norm, tokens.start[nisba.tokEnd - 1]!, tokens.end[nisba.tokEnd - 1]!);
      const text = doc.text.slice(start, end);
      const id = `new:organization:${[withArticle(head), ...tokens.norm.slice(i + 1, nisba.tokEnd)].join('-')}`;
      if (!doc.entities.has(id)) doc.entities.set(id, { id, type: 'ORGANIZATION', name: { ar: text, en: transliterate(text) }, source: 'rule:head-word-nisba' });
      doc.mentions.push({ start, end, text, kind: 'name', sentence: si, tokStart: i, tokEnd: nisba.tokEnd, entity: id, rule: 'rule:head-word-nisba' });
      drop.add(nisba);
      covered.fill(1, i, nisba.tokEnd);
      i = nisba.tokEnd - 1;
    }
  });
  if (drop.size) doc.mentions = doc.mentions.filter((m) => !drop.has(m));
}
