// The stage contract: a named factory with a zod options schema and declared requires/assigns.
import type { z } from 'zod';
import type { Doc } from '../doc.js';
import type { FormFeatures } from '../text/form-features.js';
import type { Resources } from './resources.js';

/** What the stages of one pipeline share besides the read-only resources. */
export interface StageContext {
  /** Per-form yes/no features, defined by stages at creation and computed by the text stage's vocabulary. */
  readonly features: FormFeatures;
}

export interface StageFactory {
  readonly name: string;
  readonly requires: readonly string[];
  readonly assigns: readonly string[];
  readonly options: z.ZodType<Record<string, unknown>>;
  create(options: Record<string, unknown>, resources: Resources, context: StageContext): (doc: Doc) => void;
  /** Validates the stage's own data files without building it (for a pipeline built on first use). */
  check?(options: Record<string, unknown>, resources: Resources): void;
}
