// The boilerplate lexicon (lexicons/boilerplate.json): page furniture lines and byline agencies.
import { z } from 'zod';
import { normalizeString } from '../text/normalize.js';

export const BoilerplateFile = z.strictObject({
  description: z.string().optional(),
  lines: z.array(
    z.strictObject({
      phrase: z.string().min(1),
      endsArticle: z.boolean(),
      wholeLine: z.boolean().optional(),
    }),
  ),
  bylineAgencies: z.array(z.string().min(1)),
  bylineMaxLength: z.number().int().positive(),
});
export type BoilerplateFile = z.infer<typeof BoilerplateFile>;

export interface BoilerplateLexicon {
  readonly lines: readonly { tokens: readonly string[]; endsArticle: boolean; wholeLine: boolean }[];
  readonly agencies: readonly (readonly string[])[];
  readonly bylineMaxLength: number;
}

const words = (s: string): string[] => normalizeString(s).split(' ').filter(Boolean);

export function compileBoilerplate(file: BoilerplateFile): BoilerplateLexicon {
  return {
    lines: file.lines.map((l) => ({ tokens: words(l.phrase), endsArticle: l.endsArticle, wholeLine: l.wholeLine ?? false })),
    agencies: file.bylineAgencies.map(words),
    bylineMaxLength: file.bylineMaxLength,
  };
}
