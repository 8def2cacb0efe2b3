// The English lexicons (lexicons/en/*.json): zod schemas, cross-checks against the gazetteers
// (role keys, entity ids) with file:line:field errors, and compilation into token tries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import { RolesFile } from '../gazetteer/schema.js';
import { RelationType } from '../graph/schema.js';
import { ConfigError } from '../util/errors.js';
import { readJsonChecked } from '../util/json-file.js';
import { pathNode, type Node } from '../util/trie.js';
import { nameTokens } from './text.js';

const Phrase = z.string().min(1).refine((s) => nameTokens(s).folded.length > 0, 'expected at least one word');
const Id = z.string().regex(/^(person|country|org|location):[a-z0-9][a-z0-9._-]*$/, 'expected a gazetteer id');

export const EnRolesFile = z.strictObject({
  description: z.string().optional(),
  roles: z.array(z.strictObject({ key: z.string().regex(/^[a-z_]+$/), phrases: z.array(Phrase).min(1), of: Id.optional() })).min(1),
  honorifics: z.array(Phrase),
  determiners: z.array(Phrase),
});

export const EN_PATTERNS = ['between', 'agent_with', 'agent_object', 'agent_list', 'compound', 'mediator_between'] as const;
export type EnPatternName = (typeof EN_PATTERNS)[number];

const EnTrigger = z.strictObject({
  id: z.string().regex(/^[a-z_.-]+$/),
  type: RelationType,
  pos: z.enum(['verb', 'noun']),
  attributes: z.record(z.string(), z.string()),
  forms: z.array(Phrase).min(1),
  patterns: z.array(z.enum(EN_PATTERNS)).min(1),
  /** Prepositions that may govern the object of agent_object; "" is a direct object. */
  objectPreps: z.array(z.string()).optional(),
});
export type EnTriggerDef = z.infer<typeof EnTrigger>;

export const EnTriggersFile = z.strictObject({
  description: z.string().optional(),
  negators: z.array(Phrase),
  cancellers: z.array(Phrase),
  requesters: z.array(Phrase),
  plannedCues: z.array(Phrase),
  ledByMarkers: z.array(Phrase),
  triggers: z.array(EnTrigger).min(1),
});

export const EnCountriesFile = z.strictObject({
  description: z.string().optional(),
  countries: z.record(Id, z.strictObject({ names: z.array(Phrase).optional(), demonyms: z.array(Phrase).optional() })),
});

export const EnReferencesFile = z.strictObject({
  description: z.string().optional(),
  speaker_country: z.array(Phrase),
  last_two_countries: z.array(Phrase),
  last_two_persons: z.array(Phrase),
});
export type ReferenceKind = Exclude<keyof z.infer<typeof EnReferencesFile>, 'description'>;

export const EnNamesFile = z.strictObject({
  description: z.string().optional(),
  particles: z.array(z.string().min(1)),
  genericSuffixes: z.array(z.string().min(1)),
  familyNameFirst: z.array(Id),
  notNames: z.array(z.string().min(1)),
});

/** A phrase list compiled into a trie over folded tokens. */
export type PhraseTrie<T> = ReadonlyMap<string, Node<T>>;

export function phraseTrie<T>(entries: Iterable<readonly [string, T]>): Map<string, Node<T>> {
  const root = new Map<string, Node<T>>();
  for (const [phrase, value] of entries) {
    const toks = nameTokens(phrase).folded;
    if (toks.length) pathNode(root, toks).items.push(value);
  }
  return root;
}

/** Longest phrase of `trie` starting at token i (before `to`): its end and values, or null. */
export function longestAt<T>(trie: PhraseTrie<T>, norm: readonly string[], i: number, to: number): { end: number; items: readonly T[] } | null {
  let node = trie.get(norm[i]!);
  let j = i + 1;
  let best: { end: number; items: readonly T[] } | null = null;
  while (node) {
    if (node.items.length) best = { end: j, items: node.items };
    if (j >= to) break;
    node = node.next.get(norm[j]!);
    j++;
  }
  return best;
}

export interface EnRole {
  readonly key: string;
  readonly phrase: string;
  readonly of?: string;
}

export interface EnglishLexicons {
  readonly roles: PhraseTrie<EnRole>;
  readonly honorifics: PhraseTrie<true>;
  readonly determiners: ReadonlySet<string>;
  readonly triggers: PhraseTrie<EnTriggerDef>;
  readonly negators: PhraseTrie<true>;
  readonly cancellers: PhraseTrie<true>;
  readonly requesters: PhraseTrie<true>;
  readonly plannedCues: PhraseTrie<true>;
  readonly ledBy: PhraseTrie<true>;
  readonly countries: z.infer<typeof EnCountriesFile>['countries'];
  readonly references: PhraseTrie<ReferenceKind>;
  readonly particles: ReadonlySet<string>;
  readonly genericSuffixes: ReadonlySet<string>;
  readonly familyNameFirst: ReadonlySet<string>;
  readonly notNames: ReadonlySet<string>;
}

const lineOf = (file: string, needle: string): string => {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  return at < 0 ? '' : `:${text.slice(0, at).split('\n').length}`;
};

/** Loads lexicons/en/ (under the pipeline's lexicon directory) and checks role keys and ids against the gazetteers. */
export function loadEnglishLexicons(lexiconDir: string, gazetteerDir: string, gaz: CompiledGazetteer): EnglishLexicons {
  const dir = join(lexiconDir, 'en');
  const files = {
    roles: join(dir, 'roles.json'),
    triggers: join(dir, 'triggers.json'),
    countries: join(dir, 'countries.json'),
    references: join(dir, 'references.json'),
    names: join(dir, 'names.json'),
  };
  const roles = readJsonChecked(files.roles, EnRolesFile);
  const triggers = readJsonChecked(files.triggers, EnTriggersFile);
  const countries = readJsonChecked(files.countries, EnCountriesFile);
  const references = readJsonChecked(files.references, EnReferencesFile);
  const names = readJsonChecked(files.names, EnNamesFile);
  const problems: string[] = [];
  const roleKeys = new Set(readJsonChecked(join(gazetteerDir, 'roles.json'), RolesFile).roles.map((r) => r.key));
  roles.roles.forEach((r, i) => {
    if (!roleKeys.has(r.key)) problems.push(`${files.roles}${lineOf(files.roles, `"${r.key}"`)}:roles.${i}.key: unknown role "${r.key}" (see gazetteers/roles.json)`);
    if (r.of && !gaz.byId.has(r.of)) problems.push(`${files.roles}${lineOf(files.roles, `"${r.of}"`)}:roles.${i}.of: unknown id "${r.of}"`);
  });
  for (const id of Object.keys(countries.countries)) {
    if (gaz.entries[gaz.byId.get(id) ?? -1]?.type !== 'COUNTRY') problems.push(`${files.countries}${lineOf(files.countries, `"${id}"`)}:countries.${id}: not a COUNTRY of the gazetteers`);
  }
  names.familyNameFirst.forEach((id, i) => {
    if (!gaz.byId.has(id)) problems.push(`${files.names}${lineOf(files.names, `"${id}"`)}:familyNameFirst.${i}: unknown id "${id}"`);
  });
  triggers.triggers.forEach((t, i) => {
    if (t.patterns.includes('agent_object') && !t.objectPreps) problems.push(`${files.triggers}${lineOf(files.triggers, `"${t.id}"`)}:triggers.${i}.objectPreps: agent_object needs objectPreps`);
  });
  if (problems.length) throw new ConfigError(`English lexicons in ${dir}: ${problems.length} problem(s)`, problems);
  const flag = (xs: readonly string[]): PhraseTrie<true> => phraseTrie(xs.map((x) => [x, true as const]));
  const refs: [string, ReferenceKind][] = [];
  for (const k of ['speaker_country', 'last_two_countries', 'last_two_persons'] as const) for (const p of references[k]) refs.push([p, k]);
  return {
    roles: phraseTrie(roles.roles.flatMap((r) => r.phrases.map((p) => [p, r.of ? { key: r.key, phrase: p, of: r.of } : { key: r.key, phrase: p }] as const))),
    honorifics: flag(roles.honorifics),
    determiners: new Set(roles.determiners.map((d) => nameTokens(d).folded.join(' '))),
    triggers: phraseTrie(triggers.triggers.flatMap((t) => t.forms.map((f) => [f, t] as const))),
    negators: flag(triggers.negators),
    cancellers: flag(triggers.cancellers),
    requesters: flag(triggers.requesters),
    plannedCues: flag(triggers.plannedCues),
    ledBy: flag(triggers.ledByMarkers),
    countries: countries.countries,
    references: phraseTrie(refs),
    particles: new Set(names.particles),
    genericSuffixes: new Set(names.genericSuffixes),
    familyNameFirst: new Set(names.familyNameFirst),
    notNames: new Set(names.notNames),
  };
}
