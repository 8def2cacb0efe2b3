// The Doc: original text (never changed), its normalized view with an offset map, tokens,
// sentences, and one store of mentions, entities, relations and messages that stages fill in.
import type { EntityType } from './gazetteer/schema.js';
import type { Normalized } from './text/normalize.js';
import type { Sentence } from './text/segment.js';
import type { Tokens } from './text/tokenize.js';
import type { TypedArena } from './util/arena.js';

export type MentionKind = 'name' | 'alias' | 'nisba' | 'title' | 'pronoun' | 'nominal';

export interface Mention {
  /** Original-text offsets: text.slice(start, end) === text. */
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  sentence: number;
  /** Token range [tokStart, tokEnd) of the tokens the mention lies in. */
  tokStart: number;
  tokEnd: number;
  entity: string;
  /** What produced it: a gazetteer entry (file:line) or a rule name. */
  rule: string;
  /** For title mentions: the role key (foreign_minister …) and what it is of. */
  role?: { key: string; of?: string };
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: { ar: string; en: string };
  /** The gazetteer entry (file:line) or rule that produced it. */
  source: string;
  /** Entity it may stand for in a relation (capital → country, ministry → state). */
  standsFor?: string;
}

export interface Evidence {
  start: number;
  end: number;
  /** The evidence sentence itself, so graphs can be read without the source text. */
  text: string;
  trigger?: { start: number; end: number; text: string };
}

export interface RelationRecord {
  type: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
  confidence: number;
  evidence: Evidence[];
  rule: string;
}

/** A title phrase (وزير الخارجية القطري) and the person and body it ties together. */
export interface RoleLink {
  role: string;
  /** COUNTRY or ORGANIZATION the office is of, when the phrase or its nisba says. */
  of?: string;
  person?: string;
  /** Tokens of the title phrase (with its nisba/complement) and of the whole unit (title + name). */
  titleTokStart: number;
  titleTokEnd: number;
  unitTokStart: number;
  unitTokEnd: number;
  sentence: number;
  /** Original offsets of the title phrase (with its complement: وزير خارجية قطر). */
  start: number;
  end: number;
  /** End offset of the title words alone (وزير خارجية), which a title mention covers. */
  coreEnd: number;
  rule: string;
}

/** A pronoun or description resolved to one or more entities (بلاده، البلدين، الوزيران). */
export interface Reference {
  tokStart: number;
  tokEnd: number;
  sentence: number;
  entities: string[];
  start: number;
  end: number;
  text: string;
  rule: string;
}

export interface Message {
  level: 'warning' | 'info';
  stage: string;
  message: string;
}

export interface DocMeta {
  id: string;
  source?: string;
  published?: string;
  lang?: string;
}

export interface Doc {
  readonly meta: DocMeta;
  readonly text: string;
  norm?: Normalized;
  tokens?: Tokens;
  sentences?: Sentence[];
  /** Sentence index of each token (-1 outside sentences, e.g. line breaks). */
  tokenSentence?: Int32Array;
  mentions: Mention[];
  /** Title phrases found by the titles stage. */
  roles: RoleLink[];
  /** Pronouns and descriptions resolved by the coref stage. */
  references: Reference[];
  /** Tokens used up inside title phrases (their nisba is not an actor of its own). */
  consumed?: Uint8Array;
  entities: Map<string, EntityRecord>;
  relations: RelationRecord[];
  messages: Message[];
  /** Where stages take the document's typed arrays from when it runs in a batch (see TypedArena). */
  readonly arena: TypedArena | undefined;
}

export const newDoc = (meta: DocMeta, text: string, arena?: TypedArena): Doc => ({
  meta,
  text,
  arena,
  mentions: [],
  roles: [],
  references: [],
  entities: new Map(),
  relations: [],
  messages: [],
});

/** Throws a clear error when a stage runs before the one that assigns what it needs. */
export function need<K extends keyof Doc>(doc: Doc, key: K, stage: string): NonNullable<Doc[K]> {
  const v = doc[key];
  if (v === undefined || v === null) throw new Error(`[E001] stage "${stage}" needs doc.${String(key)}, which no earlier stage assigned`);
  return v as NonNullable<Doc[K]>;
}
