// Reading JSON and JSONL data files with zod validation and file:line:field errors.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from './errors.js';

const issueText = (file: string, line: number | undefined, issue: z.core.$ZodIssue): string =>
  `${file}${line !== undefined ? `:${line}` : ''}:${issue.path.length ? issue.path.join('.') : '(entry)'}: ${issue.message}`;

/** Parses and validates every line of a JSONL file; collects all problems before failing. */
export function readJsonlChecked<T>(file: string, schema: z.ZodType<T>, problems: string[]): { value: T; line: number }[] {
  const out: { value: T; line: number }[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push(`${file}:${i + 1}: invalid JSON: ${(e as Error).message}`);
      return;
    }
    const r = schema.safeParse(data);
    if (r.success) out.push({ value: r.data, line: i + 1 });
    else for (const issue of r.error.issues) problems.push(issueText(file, i + 1, issue));
  });
  return out;
}

/** Line number of the first occurrence of `"key"` along a path, for errors in pretty-printed JSON. */
function lineOfPath(text: string, path: readonly PropertyKey[]): number | undefined {
  let pos = 0;
  for (const key of path) {
    if (typeof key === 'number') continue;
    const at = text.indexOf(`"${String(key)}"`, pos);
    if (at < 0) break;
    pos = at;
  }
  return pos > 0 ? text.slice(0, pos).split('\n').length : undefined;
}

/** Reads and validates one JSON file; throws a ConfigError naming file:line:field for each problem. */
export function readJsonChecked<T>(file: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: invalid JSON: ${(e as Error).message}`);
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new ConfigError(
      `${file}: ${r.error.issues.length} problem(s)`,
      r.error.issues.map((issue) => issueText(file, lineOfPath(text, issue.path), issue)),
    );
  }
  return r.data;
}
