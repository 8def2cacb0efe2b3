// Shared test fixtures: the default pipeline, built once per test file, and the shared dev set.
import { expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPipeline, type Pipeline } from '../src/pipeline/runner.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const PIPELINE_FILE = process.env["SHABAKA_PIPELINE"] ?? `${ROOT}pipelines/news-ar.json`;
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

let cached: Pipeline | undefined;
export function pipeline(): Pipeline {
  return (cached ??= buildPipeline(PIPELINE_FILE));
}

export interface DevDoc {
  id: string;
  text: string;
  source?: string;
}
export function devDocs(): DevDoc[] {
  const f = `${SHARED}eval/dev.jsonl`;
  if (!existsSync(f)) throw new Error(`${f} not found: the tests read the shared dev set beside the project`);
  return readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevDoc);
}

/** Runs the pipeline on one text and returns the graph. */
export function extract(text: string, published?: string) {
  return pipeline().process(published ? { id: 't', published } : { id: 't' }, text);
}

export const mentionsOf = (g: ReturnType<typeof extract>, id: string): string[] =>
  g.entities.find((e) => e.id === id)?.mentions.map((m) => m.text) ?? [];

export const hasRelation = (g: ReturnType<typeof extract>, type: string, a: string, b: string, symmetric = false): boolean =>
  g.relations.some((r) => r.type === type && ((r.source === a && r.target === b) || (symmetric && r.source === b && r.target === a)));

/** The graph's relations of one type. */
export const relationsOfType = (g: ReturnType<typeof extract>, type: string): ReturnType<typeof extract>['relations'] => g.relations.filter((r) => r.type === type);

/** Each text gives no relation of this type (the text names the failing case). */
export function expectNoRelation(type: string, texts: readonly string[]): void {
  for (const text of texts) expect(relationsOfType(extract(text), type), text).toEqual([]);
}
