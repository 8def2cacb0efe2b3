// The reference lexicon (lexicons/references.json): pronouns and descriptions and what they stand for.
import { z } from 'zod';
import { normalizeString } from '../text/normalize.js';

export const ReferencesFile = z.strictObject({
  description: z.string().optional(),
  references: z.array(
    z.strictObject({
      form: z.string().min(2),
      refersTo: z.enum(['speaker_country', 'last_two_countries', 'last_two_persons', 'last_organization']),
      /** "الرئيسان": only people the article gives one of these offices (role keys of gazetteers/roles.json). */
      roles: z.array(z.string().regex(/^[a-z_]+$/)).min(1).optional(),
    }),
  ),
});
export type ReferencesFile = z.infer<typeof ReferencesFile>;
export type RefersTo = ReferencesFile['references'][number]['refersTo'];

/** Normalized form (without ال) → what it refers to, and whether the article is required (البلدين, not بلدين). */
export type ReferenceLexicon = ReadonlyMap<string, { refersTo: RefersTo; withArticle: boolean; roles?: ReadonlySet<string> }>;

export const compileReferences = (f: ReferencesFile): ReferenceLexicon =>
  new Map(
    f.references.map((r) => {
      const n = normalizeString(r.form);
      const withArticle = n.startsWith('ال');
      return [withArticle ? n.slice(2) : n, r.roles ? { refersTo: r.refersTo, withArticle, roles: new Set(r.roles) } : { refersTo: r.refersTo, withArticle }] as const;
    }),
  );
