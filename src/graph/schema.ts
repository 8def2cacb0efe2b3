// The document-graph and corpus-graph formats of CONTRACT.md, as zod schemas (exported as JSON Schema).
import { z } from 'zod';
import { EntityType } from '../gazetteer/schema.js';

export const MENTION_KINDS = ['name', 'alias', 'nisba', 'title', 'pronoun', 'nominal'] as const;
export const RELATION_TYPES = [
  'MET_WITH',
  'MEDIATES_BETWEEN',
  'NEGOTIATES_WITH',
  'VISITS',
  'COOPERATES_WITH',
  'SUPPORTS',
  'OPPOSES',
  'AT_WAR_WITH',
  'HOLDS_ROLE',
  'MEMBER_OF',
] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;
export const SYMMETRIC: ReadonlySet<string> = new Set(['MET_WITH', 'COOPERATES_WITH', 'AT_WAR_WITH', 'NEGOTIATES_WITH']);

const Offset = z.number().int().nonnegative();

export const MentionOut = z.object({
  start: Offset,
  end: Offset,
  text: z.string(),
  kind: z.enum(MENTION_KINDS),
  sentence: z.number().int().nonnegative(),
  rule: z.string().describe('gazetteer entry (file:line) or rule that produced the mention'),
});

export const EntityOut = z.object({
  id: z.string().min(1),
  type: EntityType,
  name: z.object({ ar: z.string(), en: z.string() }),
  source: z.string().describe('gazetteer entry (file:line) or rule that produced the entity'),
  standsFor: z.string().optional(),
  mentions: z.array(MentionOut),
});

export const EvidenceOut = z.object({
  start: Offset,
  end: Offset,
  text: z.string().describe('the evidence sentence (original text)'),
  trigger: z.object({ start: Offset, end: Offset, text: z.string() }).optional(),
});

export const RelationOut = z.object({
  id: z.string(),
  type: RelationType,
  source: z.string(),
  target: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceOut).min(1),
  rule: z.string().describe('relation rule that produced it'),
});

export const DocumentGraph = z.object({
  schema: z.literal('shabaka/document-graph@1'),
  document: z.object({
    id: z.string(),
    source: z.string().optional(),
    published: z.string().optional(),
    lang: z.string(),
    length: z.number().int().nonnegative(),
  }),
  sentences: z.array(z.object({ start: Offset, end: Offset })),
  entities: z.array(EntityOut),
  relations: z.array(RelationOut),
});
export type DocumentGraph = z.infer<typeof DocumentGraph>;

export const CorpusGraph = z.object({
  schema: z.literal('shabaka/corpus-graph@1'),
  entities: z.array(
    EntityOut.omit({ mentions: true }).extend({
      documents: z.array(z.string()),
      mentionCount: z.number().int().nonnegative(),
    }),
  ),
  relations: z.array(
    z.object({
      key: z.string(),
      type: RelationType,
      source: z.string(),
      target: z.string(),
      attributes: z.record(z.string(), z.unknown()),
      count: z.number().int().positive(),
      documents: z.array(z.string()),
      evidence: z.array(EvidenceOut.extend({ document: z.string() })),
    }),
  ),
  stats: z.object({
    documents: z.number().int().nonnegative(),
    entities: z.number().int().nonnegative(),
    relations: z.number().int().nonnegative(),
    entitiesByType: z.record(z.string(), z.number()),
    relationsByType: z.record(z.string(), z.number()),
  }),
});
export type CorpusGraph = z.infer<typeof CorpusGraph>;
