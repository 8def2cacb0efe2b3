// The corpus graph: entities and relations merged across documents. The builder keeps only a
// summary (per entity: its canonical record, document ids, a mention count; per relation: counts,
// document ids, the first evidence spans), never the document graphs, so a corpus streams through
// it. Every part of the summary merges by set union, sum or "smallest n", so any grouping or order
// of shards gives the same graph (associative and commutative; a document seen twice counts once).
import type { CorpusGraph, DocumentGraph } from './schema.js';
import { relationKey } from './document-graph.js';

type CEntity = CorpusGraph['entities'][number];
type CRelation = CorpusGraph['relations'][number];
type CEvidence = CRelation['evidence'][number];
type EntityBase = Omit<CEntity, 'documents' | 'mentionCount'>;

interface EntityAcc {
  base: EntityBase;
  /**
   * JSON of `base`: when documents disagree on a name or source, the smallest wins, in any order.
   * Made only when a document disagrees (nearly all agree, and this ran for every entity of every document).
   */
  baseKey: string | undefined;
  /** Ordinals of the documents (see CorpusGraphBuilder.ids); repeats only after a merge of overlapping shards. */
  documents: number[];
  mentionCount: number;
}

interface RelationAcc {
  key: string;
  type: CRelation['type'];
  source: string;
  target: string;
  /** Per attribute: its distinct values by their JSON (null while there is none: most relations have none). */
  attributes: Map<string, Map<string, unknown>> | null;
  count: number;
  /** Document ordinals, as for entities. */
  documents: number[];
  evidence: CEvidence[];
}

/** JSON.stringify(a) === JSON.stringify(b), for plain JSON values, without making the strings (key order counts). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bb[i])) return false;
    return true;
  }
  const ka = definedKeys(a);
  const kb = definedKeys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameJson((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!])) return false;
  }
  return true;
}

/** The keys JSON writes (those whose value is not undefined); filtered only when some value is undefined. */
function definedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (const k of keys) if ((o as Record<string, unknown>)[k] === undefined) return keys.filter((x) => (o as Record<string, unknown>)[x] !== undefined);
  return keys;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A total order on evidence: document, start, end, then the whole span. */
const byEvidence = (a: CEvidence, b: CEvidence): number =>
  cmp(a.document, b.document) || a.start - b.start || a.end - b.end || cmp(JSON.stringify(a), JSON.stringify(b));

/**
 * Adds document ordinal `d` to a list that did not get it from this document yet: within one
 * document's summary the same ordinal can only be the last one added.
 */
function addOrdinal(list: number[], d: number): void {
  if (list[list.length - 1] !== d) list.push(d);
}

export class CorpusGraphBuilder {
  private readonly entities = new Map<string, EntityAcc>();
  private readonly relations = new Map<string, RelationAcc>();
  /**
   * Each document's ordinal, and its id by ordinal. Entities and relations keep ordinals in plain
   * arrays: a Set of id strings per entity made the builder 33 MB on ant-2018 (the main thread's
   * live heap, which V8 lets grow about fourfold with garbage between full collections).
   */
  private readonly ordinals = new Map<string, number>();
  private readonly ids: string[] = [];

  /** @param maxEvidence evidence spans kept per relation: the first by document id and offset. */
  constructor(private readonly maxEvidence = 10) {}

  get documentCount(): number {
    return this.ids.length;
  }

  /** The ordinal of a document id, given to it now if it has none. */
  private ordinalOf(id: string): number {
    let d = this.ordinals.get(id);
    if (d === undefined) {
      d = this.ids.length;
      this.ordinals.set(id, d);
      this.ids.push(id);
    }
    return d;
  }

  /** Adds one document graph; a document id already added is ignored (overlapping shards). */
  addDocument(g: DocumentGraph): void {
    this.addSummary(summarizeDocument(g));
  }

  /** Adds a document's summary (what the corpus graph keeps of it; made in the worker, cheap to send). */
  addSummary(g: DocumentSummary): void {
    const docId = g.document.id;
    if (this.ordinals.has(docId)) return;
    const d = this.ordinalOf(docId);
    for (const e of g.entities) this.addEntity(e.base, [d], e.mentionCount);
    for (const r of g.relations) {
      const key = relationKey(r.type, r.source, r.target);
      const [, source, target] = key.split('|') as [string, string, string];
      let attrs: RelationAcc['attributes'] = null;
      for (const [k, v] of Object.entries(r.attributes)) (attrs ??= new Map()).set(k, new Map([[JSON.stringify(v), v]]));
      this.addRelation({
        key,
        type: r.type,
        source,
        target,
        attributes: attrs,
        count: 1,
        documents: [d],
        evidence: r.evidence.map((ev) => Object.assign({}, ev, { document: docId })),
      });
    }
  }

  /** Merges another summary into this one (shards with disjoint documents). */
  merge(other: CorpusGraphBuilder): this {
    // The other builder's ordinals, as this one's.
    const mine = other.ids.map((id) => this.ordinalOf(id));
    for (const e of other.entities.values()) this.addEntity(e.base, e.documents.map((d) => mine[d]!), e.mentionCount);
    for (const r of other.relations.values()) {
      const attributes = r.attributes && new Map([...r.attributes].map(([k, m]) => [k, new Map(m)]));
      this.addRelation({ ...r, attributes, documents: r.documents.map((d) => mine[d]!), evidence: [...r.evidence] });
    }
    return this;
  }

  /** `documents`: ordinals, owned by the entity if it is new. */
  private addEntity(base: EntityBase, documents: number[], mentionCount: number): void {
    const old = this.entities.get(base.id);
    if (!old) {
      this.entities.set(base.id, { base, baseKey: undefined, documents, mentionCount });
      return;
    }
    if (!sameJson(base, old.base)) {
      const baseKey = JSON.stringify(base);
      if (baseKey < (old.baseKey ??= JSON.stringify(old.base))) Object.assign(old, { base, baseKey });
    }
    for (const d of documents) addOrdinal(old.documents, d);
    old.mentionCount += mentionCount;
  }

  private addRelation(r: RelationAcc): void {
    const old = this.relations.get(r.key);
    if (!old) {
      r.evidence.sort(byEvidence);
      r.evidence.length = Math.min(r.evidence.length, this.maxEvidence);
      this.relations.set(r.key, r);
      return;
    }
    old.count += r.count;
    for (const d of r.documents) addOrdinal(old.documents, d);
    old.evidence = [...old.evidence, ...r.evidence].sort(byEvidence).slice(0, this.maxEvidence);
    if (r.attributes) {
      const attributes = (old.attributes ??= new Map());
      for (const [k, values] of r.attributes) {
        const mine = attributes.get(k);
        if (!mine) attributes.set(k, new Map(values));
        else for (const [json, v] of values) mine.set(json, v);
      }
    }
  }

  /** The ids of these document ordinals, sorted, each once. */
  private documentIds(ordinals: readonly number[]): string[] {
    const ids = ordinals.map((d) => this.ids[d]!).sort(cmp);
    return ids.filter((id, i) => i === 0 || id !== ids[i - 1]);
  }

  build(): CorpusGraph {
    const entities: CEntity[] = [...this.entities.values()]
      .sort((a, b) => cmp(a.base.id, b.base.id))
      .map((e) => Object.assign({}, e.base, { documents: this.documentIds(e.documents), mentionCount: e.mentionCount }));
    const relations: CRelation[] = [...this.relations.values()]
      .sort((a, b) => cmp(a.key, b.key))
      .map((r) => ({
        key: r.key,
        type: r.type,
        source: r.source,
        target: r.target,
        attributes: r.attributes ? buildAttributes(r.attributes) : {},
        count: r.count,
        documents: this.documentIds(r.documents),
        evidence: r.evidence,
      }));
    const count = <T>(xs: readonly T[], k: (x: T) => string): Record<string, number> => {
      const o: Record<string, number> = {};
      for (const x of xs) o[k(x)] = (o[k(x)] ?? 0) + 1;
      return Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
    };
    return {
      schema: 'shabaka/corpus-graph@1',
      entities,
      relations,
      stats: {
        documents: this.ids.length,
        entities: entities.length,
        relations: relations.length,
        entitiesByType: count(entities, (e) => e.type),
        relationsByType: count(relations, (r) => r.type),
      },
    };
  }
}

/** An attribute with one value across documents keeps it; several values become a list sorted by JSON. */
function buildAttributes(attrs: ReadonlyMap<string, ReadonlyMap<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...attrs.keys()].sort(cmp)) {
    const values = [...attrs.get(k)!].sort(([a], [b]) => cmp(a, b)).map(([, v]) => v);
    out[k] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** A document graph without its mention lists: all the corpus graph and the run's tally need. */
export interface DocumentSummary {
  document: { id: string };
  /** Each entity without its mentions (what the corpus graph keeps of it) and their count. */
  entities: { base: EntityBase; mentionCount: number }[];
  relations: DocumentGraph['relations'];
}

export function summarizeDocument(g: DocumentGraph): DocumentSummary {
  return {
    document: { id: g.document.id },
    entities: g.entities.map(({ mentions, ...base }) => ({ base, mentionCount: mentions.length })),
    relations: g.relations,
  };
}
