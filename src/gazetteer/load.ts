// Loads the gazetteer directory: every *.jsonl entry file, roles.json and ambiguous.json, all
// validated; problems are collected and reported together with file:line:field.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError } from '../util/errors.js';
import { readJsonChecked, readJsonlChecked } from '../util/json-file.js';
import { normalizeString } from '../text/normalize.js';
import { bareForm } from './compile.js';
import { AmbiguityFile, GazetteerEntry, RolesFile } from './schema.js';

export interface LoadedEntry {
  readonly entry: GazetteerEntry;
  readonly file: string;
  readonly line: number;
}

export interface GazetteerData {
  readonly dir: string;
  readonly entries: readonly LoadedEntry[];
  readonly roles: RolesFile;
  readonly ambiguity: AmbiguityFile;
  /** sha256 of every data file, by path relative to dir (recorded with each run). */
  readonly hashes: Readonly<Record<string, string>>;
}

function listJsonl(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'sources') walk(p);
      } else if (name.endsWith('.jsonl')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function loadGazetteers(dir: string): GazetteerData {
  if (!existsSync(dir)) throw new ConfigError(`${dir}: gazetteer directory not found`);
  const problems: string[] = [];
  const entries: LoadedEntry[] = [];
  const hashes: Record<string, string> = {};
  const hash = (file: string): void => {
    hashes[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  };
  for (const file of listJsonl(dir)) {
    hash(file);
    for (const { value, line } of readJsonlChecked(file, GazetteerEntry, problems)) entries.push({ entry: value, file, line });
  }
  const seen = new Map<string, LoadedEntry>();
  for (const e of entries) {
    const first = seen.get(e.entry.id);
    if (first) problems.push(`${e.file}:${e.line}:id: duplicate id "${e.entry.id}" (first at ${first.file}:${first.line})`);
    else seen.set(e.entry.id, e);
  }
  for (const e of entries) {
    const refs: [string, string | undefined][] = [
      ['capital', e.entry.capital],
      ['country', e.entry.country],
      ['standsFor', e.entry.standsFor],
    ];
    for (const [field, ref] of refs) {
      if (ref && !seen.has(ref)) problems.push(`${e.file}:${e.line}:${field}: unknown id "${ref}"`);
    }
  }
  const rolesFile = join(dir, 'roles.json');
  const ambiguityFile = join(dir, 'ambiguous.json');
  let roles: RolesFile = { roles: [] };
  let ambiguity: AmbiguityFile = { rules: [] };
  for (const [file, set] of [
    [rolesFile, (f: string) => (roles = readJsonChecked(f, RolesFile))],
    [ambiguityFile, (f: string) => (ambiguity = readJsonChecked(f, AmbiguityFile))],
  ] as const) {
    if (!existsSync(file)) continue;
    hash(file);
    try {
      set(file);
    } catch (e) {
      if (e instanceof ConfigError) problems.push(...(e.issues.length ? e.issues : [e.message]));
      else throw e;
    }
  }
  // Rules are looked up by the form's normalized bare key: a second rule for the same key would
  // silently replace the first.
  const ruleAt = new Map<string, number>();
  ambiguity.rules.forEach((r, k) => {
    const key = bareForm(normalizeString(r.form));
    const first = ruleAt.get(key);
    if (first === undefined) ruleAt.set(key, k);
    else problems.push(`${ambiguityFile}:rules.${k}.form: "${r.form}" has a rule already (rules.${first}); merge them`);
  });
  const roleKeys = new Set(roles.roles.map((r) => r.key));
  for (const e of entries) {
    e.entry.roles?.forEach((r, k) => {
      if (!roleKeys.has(r.role)) problems.push(`${e.file}:${e.line}:roles.${k}.role: unknown role "${r.role}" (see roles.json)`);
    });
  }
  if (problems.length) throw new ConfigError(`gazetteers in ${dir}: ${problems.length} problem(s)`, problems);
  return { dir, entries, roles, ambiguity, hashes };
}
