// Zod schemas for gazetteer data files (gazetteers/*.jsonl and gazetteers/*.json).
import { z } from 'zod';

export const ENTITY_TYPES = ['PERSON', 'COUNTRY', 'ORGANIZATION', 'LOCATION'] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

const PREFIX: Record<EntityType, string> = {
  PERSON: 'person',
  COUNTRY: 'country',
  ORGANIZATION: 'org',
  LOCATION: 'location',
};
export const idPrefix = (t: EntityType): string => PREFIX[t];

/** Entity ids: `<prefix>:<slug>` with a lowercase ASCII slug. */
export const EntityId = z
  .string()
  .regex(/^(person|country|org|location):[a-z0-9][a-z0-9._-]*$/, 'expected "<person|country|org|location>:<lowercase-slug>"');

const ARABIC = /[\u0600-\u06FF]/;
export const ArabicName = z
  .string()
  .min(2)
  .max(120)
  .refine((s) => ARABIC.test(s), 'expected Arabic script')
  .refine((s) => s.trim() === s && !/\s{2,}/.test(s), 'no leading, trailing or doubled spaces');

const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/** A dated office: "foreign minister of Qatar from 2023-03-07". */
export const Role = z.strictObject({
  role: z.string().regex(/^[a-z_]+$/, 'expected a role key from gazetteers/roles.json'),
  of: EntityId,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type Role = z.infer<typeof Role>;

export const GazetteerEntry = z
  .strictObject({
    id: EntityId,
    type: EntityType,
    en: z.string().min(1),
    /** Full or official Arabic names and their spelling variants (mention kind "name"). */
    ar: z.array(ArabicName).min(1),
    /** Listed short forms (mention kind "alias"): surname, acronym, short name. */
    aliases: z.array(ArabicName).optional(),
    /** Latin-script forms used inside Arabic text (CNN, GRU), matched case-insensitively (mention kind "alias"). */
    latin: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 .&'-]*$/, 'expected Latin letters, digits, spaces or . & \' -').min(2)).optional(),
    /** Descriptions that stand for the entity but are not names (mention kind "nominal"): العاصمة القطرية. */
    descriptions: z.array(ArabicName).optional(),
    /** COUNTRY: masculine singular nisba stems (قطري); feminine, plural and ال forms are derived. */
    nisba: z.array(ArabicName).optional(),
    /** COUNTRY: id of its capital (a LOCATION entry). */
    capital: EntityId.optional(),
    /** LOCATION/ORGANIZATION: the country it belongs to or stands for (capital, ministry). */
    country: EntityId.optional(),
    /** The entity may stand for this one in a relation (a capital for its state, a ministry for its state). */
    standsFor: EntityId.optional(),
    /** PERSON: offices held, with dates. */
    roles: z.array(Role).optional(),
    iso: z.string().regex(/^[A-Z]{2}$/).optional(),
    /**
     * ORGANIZATION: its field, where relation rules treat it apart (trigger field notSectors): a
     * meeting "with" a broadcaster is an interview, two clubs that "meet" play a match.
     */
    sector: z.enum(['media', 'sport']).optional(),
    /** Where the names come from: package, corpus check, manual. */
    source: z.string().min(1),
  })
  .superRefine((e, ctx) => {
    if (!e.id.startsWith(`${idPrefix(e.type)}:`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id of a ${e.type} must start with "${idPrefix(e.type)}:"` });
    }
    if (e.nisba && e.type !== 'COUNTRY') ctx.addIssue({ code: 'custom', path: ['nisba'], message: 'nisba is for COUNTRY entries' });
    if (e.roles && e.type !== 'PERSON') ctx.addIssue({ code: 'custom', path: ['roles'], message: 'roles are for PERSON entries' });
    if (e.sector && e.type !== 'ORGANIZATION') ctx.addIssue({ code: 'custom', path: ['sector'], message: 'sector is for ORGANIZATION entries' });
  });
export type GazetteerEntry = z.infer<typeof GazetteerEntry>;

/** gazetteers/roles.json: the role vocabulary and its Arabic title phrases. */
export const RolesFile = z.strictObject({
  roles: z.array(
    z.strictObject({
      key: z.string().regex(/^[a-z_]+$/),
      en: z.string(),
      ar: z.array(ArabicName).min(1),
      /** The phrase is a title only when a country or organization follows it (رئيس حزب …). */
      requiresOf: z.boolean().optional(),
    }),
  ),
});
export type RolesFile = z.infer<typeof RolesFile>;

const Condition = z.strictObject({
  /** The token before the name (normalized, proclitics stripped) is one of these. */
  prevAny: z.array(z.string()).optional(),
  /** The token after the name is one of these. */
  nextAny: z.array(z.string()).optional(),
  /** One of these words occurs within `window` tokens in the same sentence. */
  nearAny: z.array(z.string()).optional(),
  window: z.number().int().positive().optional(),
  /** The proclitic attached to the name is one of these (e.g. "ب" in بحماس). */
  clitic: z.array(z.string()).optional(),
  /** The name is written with the article (الحماس) or without it. */
  withArticle: z.boolean().optional(),
  /** One of these words occurs somewhere in the document (one sense per article: الأهلي in a story about Saudi clubs). */
  docAny: z.array(z.string()).optional(),
  /** None of these words occurs in the document. */
  docNone: z.array(z.string()).optional(),
});

/** gazetteers/ambiguous.json: context rules for name forms that are common words or name two entities. */
export const AmbiguityFile = z.strictObject({
  rules: z.array(
    z.strictObject({
      form: ArabicName,
      description: z.string(),
      /** Checked in order; the first whose conditions all hold decides (entity null = not a name here). */
      choose: z.array(z.strictObject({ entity: EntityId.nullable(), when: Condition })),
      /** What the form means when no choice applies (null = not a name). */
      otherwise: EntityId.nullable(),
    }),
  ),
});
export type AmbiguityFile = z.infer<typeof AmbiguityFile>;
export type AmbiguityCondition = z.infer<typeof Condition>;
