// The name-rule lexicon (lexicons/name-rules.json): what may stand between a title and a name,
// and words that are never part of a person's name.
import { z } from 'zod';
import { normalizeString } from '../text/normalize.js';

export const NameRulesFile = z.strictObject({
  description: z.string().optional(),
  titleModifiers: z.array(z.string().min(1)),
  honorifics: z.array(z.string().min(1)),
  nameConnectors: z.array(z.string().min(1)),
  /** "son of / daughter of": a word before one of these begins a name even when it is also a common word (علي بن محمد). */
  patronymics: z.array(z.string().min(1)),
  notNames: z.array(z.string().min(1)),
  organizationHeads: z.array(z.string().min(1)),
});
export type NameRulesFile = z.infer<typeof NameRulesFile>;

export const CommonWordsFile = z.strictObject({ description: z.string(), words: z.array(z.string().min(1)) });
export type CommonWordsFile = z.infer<typeof CommonWordsFile>;

export interface NameRules {
  /** Frequent words of news text that no gazetteer person name uses: never part of a new name. */
  readonly commonWords: ReadonlySet<string>;
  /** Every frequent word, name parts included. */
  readonly frequentWords: ReadonlySet<string>;
  /** Words of listed people's names (محمد، فيصل، بن). */
  readonly personTokens: ReadonlySet<string>;
  /** Normalized phrases as token arrays. */
  readonly titleModifiers: readonly (readonly string[])[];
  readonly honorifics: readonly (readonly string[])[];
  /** First words of the honorific phrases, for a quick test. */
  readonly honorificStarts: ReadonlySet<string>;
  readonly nameConnectors: ReadonlySet<string>;
  readonly patronymics: ReadonlySet<string>;
  readonly notNames: ReadonlySet<string>;
  /** Words opening the name of a body (وزارة، هيئة …), normalized without the article. */
  readonly organizationHeads: ReadonlySet<string>;
}

const phrases = (xs: readonly string[]): string[][] =>
  xs.map((x) => normalizeString(x).split(' ')).sort((a, b) => b.length - a.length);

/** `personTokens`: tokens of gazetteer person names, which stay allowed however frequent. */
export function compileNameRules(f: NameRulesFile, common: CommonWordsFile, personTokens: ReadonlySet<string>): NameRules {
  return {
    commonWords: new Set(common.words.filter((w) => !personTokens.has(w))),
    frequentWords: new Set(common.words),
    personTokens,
    titleModifiers: phrases(f.titleModifiers),
    honorifics: phrases(f.honorifics),
    honorificStarts: new Set(phrases(f.honorifics).map((p) => p[0]!)),
    nameConnectors: new Set(f.nameConnectors.map(normalizeString)),
    patronymics: new Set(f.patronymics.map(normalizeString)),
    notNames: new Set(f.notNames.map(normalizeString)),
    organizationHeads: new Set(f.organizationHeads.map((w) => normalizeString(w).replace(/^ال/, ''))),
  };
}

/** Length in tokens of the longest phrase of `list` at token `k`, or 0. */
export function phraseAt(list: readonly (readonly string[])[], norm: readonly string[], k: number, end: number): number {
  for (const p of list) {
    if (k + p.length > end) continue;
    let ok = true;
    for (let i = 0; i < p.length && ok; i++) ok = norm[k + i] === p[i];
    if (ok) return p.length;
  }
  return 0;
}
