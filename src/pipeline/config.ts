// Pipeline configuration files (pipelines/*.json), validated and resolved against the stage registry.
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../util/errors.js';
import { readJsonChecked } from '../util/json-file.js';
import type { StageFactory } from './stage.js';

export const PipelineFile = z.strictObject({
  schema: z.literal('shabaka/pipeline@1'),
  name: z.string().min(1),
  lang: z.enum(['ar', 'en']),
  description: z.string().optional(),
  /** Data directories, relative to the pipeline file. */
  resources: z.strictObject({ gazetteers: z.string(), lexicons: z.string() }),
  stages: z.array(z.strictObject({ name: z.string(), options: z.record(z.string(), z.unknown()).optional() })).min(1),
});
export type PipelineFile = z.infer<typeof PipelineFile>;

export interface ResolvedPipeline {
  readonly file: string;
  readonly name: string;
  readonly lang: 'ar' | 'en';
  readonly gazetteerDir: string;
  readonly lexiconDir: string;
  readonly stages: readonly { name: string; options: Record<string, unknown> }[];
}

/** Reads a pipeline file, checks stage names, options and requires/assigns order, and freezes it. */
export function loadPipeline(file: string, registry: ReadonlyMap<string, StageFactory>): ResolvedPipeline {
  const cfg = readJsonChecked(file, PipelineFile);
  const problems: string[] = [];
  const assigned = new Set<string>(['text']);
  const stages = cfg.stages.map((s, i) => {
    const f = registry.get(s.name);
    if (!f) {
      problems.push(`${file}:stages.${i}.name: unknown stage "${s.name}" (known: ${[...registry.keys()].join(', ')})`);
      return { name: s.name, options: {} };
    }
    const opts = f.options.safeParse(s.options ?? {});
    if (!opts.success) for (const is of opts.error.issues) problems.push(`${file}:stages.${i}.options.${is.path.join('.')}: ${is.message}`);
    for (const r of f.requires) if (!assigned.has(r)) problems.push(`${file}:stages.${i}: stage "${s.name}" requires "${r}", which no earlier stage assigns`);
    for (const a of f.assigns) assigned.add(a);
    return { name: s.name, options: (opts.success ? opts.data : {}) as Record<string, unknown> };
  });
  if (problems.length) throw new ConfigError(`pipeline ${file}: ${problems.length} problem(s)`, problems);
  const base = dirname(resolve(file));
  return Object.freeze({
    file: resolve(file),
    name: cfg.name,
    lang: cfg.lang,
    gazetteerDir: resolve(base, cfg.resources.gazetteers),
    lexiconDir: resolve(base, cfg.resources.lexicons),
    stages: Object.freeze(stages),
  });
}
