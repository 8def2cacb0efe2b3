// The stage contract: a named factory with a zod options schema and declared requires/assigns.
import type { z } from 'zod';
import type { Doc } from '../doc.js';
import type { Resources } from './resources.js';

export interface StageFactory {
  readonly name: string;
  readonly requires: readonly string[];
  readonly assigns: readonly string[];
  readonly options: z.ZodType<Record<string, unknown>>;
  create(options: Record<string, unknown>, resources: Resources): (doc: Doc) => void;
}
