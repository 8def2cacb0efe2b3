// The corpus graph: entities and relations merged across documents. Merging works on a
// commutative summary (sets and sums, sorted on output), so any grouping or order of shards
// gives the same graph.
import type { CorpusGraph, DocumentGraph } from './schema.js';
import { relationKey } from './document-graph.js';

type CEntity = CorpusGraph['entities'][number];
type CRelation = CorpusGraph['relations'][number];

export class CorpusGraphBuilder {
  private readonly entities = new Map<string, CEntity>();
  private readonly relations = new Map<string, CRelation>();
  private readonly documents = new Set<string>();
  /** Evidence kept per relation (the earliest by document id and offset). */
  constructor(private readonly maxEvidence = 10) {}

  addDocument(g: DocumentGraph): void {
    const docId = g.document.id;
    this.documents.add(docId);
    for (const e of g.entities) {
      const { mentions, ...rest } = e;
      this.addEntity({ ...rest, documents: [docId], mentionCount: mentions.length });
    }
    for (const r of g.relations) {
      const [source, target] = relationKey(r.type, r.source, r.target).split('|').slice(1) as [string, string];
      const symmetricSwap = source !== r.source;
      this.addRelation({
        key: relationKey(r.type, r.source, r.target),
        type: r.type,
        source: symmetricSwap ? source : r.source,
        target: symmetricSwap ? target : r.target,
        attributes: r.attributes,
        count: 1,
        documents: [docId],
        evidence: r.evidence.map((ev) => ({ ...ev, document: docId })),
      });
    }
  }

  addEntity(e: CEntity): void {
    const old = this.entities.get(e.id);
    if (!old) {
      this.entities.set(e.id, { ...e, documents: [...e.documents] });
      return;
    }
    old.documents = union(old.documents, e.documents);
    old.mentionCount += e.mentionCount;
  }

  addRelation(r: CRelation): void {
    const old = this.relations.get(r.key);
    if (!old) {
      this.relations.set(r.key, { ...r, documents: [...r.documents], evidence: [...r.evidence] });
      return;
    }
    old.count += r.count;
    old.documents = union(old.documents, r.documents);
    old.evidence = [...old.evidence, ...r.evidence].sort(byEvidence).slice(0, this.maxEvidence);
    old.attributes = mergeAttributes(old.attributes, r.attributes);
  }

  build(): CorpusGraph {
    const entities = [...this.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const e of entities) e.documents.sort();
    const relations = [...this.relations.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const r of relations) {
      r.documents.sort();
      r.evidence.sort(byEvidence);
      r.evidence = r.evidence.slice(0, this.maxEvidence);
    }
    const count = <T>(xs: readonly T[], k: (x: T) => string): Record<string, number> => {
      const o: Record<string, number> = {};
      for (const x of xs) o[k(x)] = (o[k(x)] ?? 0) + 1;
      return Object.fromEntries(Object.entries(o).sort());
    };
    return {
      schema: 'shabaka/corpus-graph@1',
      entities,
      relations,
      stats: {
        documents: this.documents.size,
        entities: entities.length,
        relations: relations.length,
        entitiesByType: count(entities, (e) => e.type),
        relationsByType: count(relations, (r) => r.type),
      },
    };
  }
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])].sort();
const byEvidence = (a: { document: string; start: number }, b: { document: string; start: number }): number =>
  a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start;

/** Attribute values from several documents: equal values stay, differing ones become a sorted list. */
function mergeAttributes(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const vs = [...(Array.isArray(a[k]) && k !== 'between' ? (a[k] as unknown[]) : a[k] === undefined ? [] : [a[k]]), ...(Array.isArray(b[k]) && k !== 'between' ? (b[k] as unknown[]) : b[k] === undefined ? [] : [b[k]])];
    const uniq = [...new Map(vs.map((v) => [JSON.stringify(v), v])).entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, v]) => v);
    out[k] = uniq.length === 1 ? uniq[0] : uniq;
  }
  return out;
}
