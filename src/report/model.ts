// The data a report page carries: the corpus graph reshaped for the browser. Entities and
// documents are referred to by index to keep the file small at corpus scale; evidence offsets
// for the trigger and the arguments are relative to the evidence sentence, ready to highlight.
// Type-only for the browser code; the zod schema guards what the writer embeds.
import { z } from 'zod';

const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const ReportEvidence = z.object({
  /** Index into `documents`. */
  doc: z.number().int().nonnegative(),
  /** Offsets of the sentence in the document text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** Trigger span, relative to the sentence. */
  trigger: Span.optional(),
  /** Mentions of the source ('s') and target ('t') inside the sentence, relative to it. */
  args: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.enum(['s', 't'])])),
});
export type ReportEvidence = z.infer<typeof ReportEvidence>;

export const ReportEntity = z.object({
  id: z.string(),
  type: z.string(),
  ar: z.string(),
  en: z.string(),
  mentions: z.number().int().nonnegative(),
  docs: z.array(z.number().int().nonnegative()),
});
export type ReportEntity = z.infer<typeof ReportEntity>;

export const ReportRelation = z.object({
  key: z.string(),
  type: z.string(),
  /** Indices into `entities`. */
  s: z.number().int().nonnegative(),
  t: z.number().int().nonnegative(),
  symmetric: z.boolean(),
  count: z.number().int().nonnegative(),
  docs: z.array(z.number().int().nonnegative()),
  attributes: z.record(z.string(), z.unknown()),
  evidence: z.array(ReportEvidence),
});
export type ReportRelation = z.infer<typeof ReportRelation>;

export const ReportDocument = z.object({
  id: z.string(),
  source: z.string().optional(),
  published: z.string().optional(),
  lang: z.string(),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

export const ReportData = z.object({
  schema: z.literal('shabaka/report-data@1'),
  title: z.string(),
  stats: z.object({
    documents: z.number().int().nonnegative(),
    entities: z.number().int().nonnegative(),
    relations: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative().optional(),
    skipped: z.number().int().nonnegative().optional(),
  }),
  entityTypes: z.array(z.string()),
  relationTypes: z.array(z.string()),
  documents: z.array(ReportDocument),
  entities: z.array(ReportEntity),
  relations: z.array(ReportRelation),
  /** Problems met while reading the inputs (e.g. a bad documents.jsonl line): shown, never fatal. */
  warnings: z.array(z.string()),
});
export type ReportData = z.infer<typeof ReportData>;
