// The reference lexicon (lexicons/references.json): pronouns and descriptions and what they stand for.
import { z } from 'zod';
import { normalizeString } from '../text/normalize.js';

export const ReferencesFile = z.strictObject({
  description: z.string().optional(),
  references: z.array(
    z.strictObject({ form: z.string().min(2), refersTo: z.enum(['speaker_country', 'last_two_countries', 'last_two_persons']) }),
  ),
});
export type ReferencesFile = z.infer<typeof ReferencesFile>;
export type RefersTo = ReferencesFile['references'][number]['refersTo'];

/** Normalized form (without ال) → what it refers to. */
export type ReferenceLexicon = ReadonlyMap<string, RefersTo>;

export const compileReferences = (f: ReferencesFile): ReferenceLexicon =>
  new Map(
    f.references.map((r) => {
      const n = normalizeString(r.form);
      return [n.startsWith('ال') ? n.slice(2) : n, r.refersTo] as const;
    }),
  );
