// GEXF export of the corpus graph (graphology + graphology-gexf), for Gephi and friends.
// Symmetric relation types become undirected edges, the others directed ones, in one mixed graph.
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import type { CorpusGraph } from './schema.js';
import { SYMMETRIC } from './schema.js';

export function toGraphology(g: CorpusGraph): MultiGraph {
  const graph = new MultiGraph({ type: 'mixed', multi: true, allowSelfLoops: true });
  for (const e of g.entities) {
    graph.addNode(e.id, { label: e.name.ar || e.name.en || e.id, type: e.type, name_ar: e.name.ar, name_en: e.name.en, mentions: e.mentionCount, documents: e.documents.length });
  }
  for (const r of g.relations) {
    // A relation may point at an id no document listed as an entity; keep it visible.
    for (const id of [r.source, r.target]) if (!graph.hasNode(id)) graph.addNode(id, { label: id, type: 'UNKNOWN', name_ar: '', name_en: '', mentions: 0, documents: 0 });
    const attrs = { label: r.type, type: r.type, weight: r.count, count: r.count, documents: r.documents.length, attributes: JSON.stringify(r.attributes) };
    if (SYMMETRIC.has(r.type)) graph.addUndirectedEdgeWithKey(r.key, r.source, r.target, attrs);
    else graph.addDirectedEdgeWithKey(r.key, r.source, r.target, attrs);
  }
  return graph;
}

export function toGexf(g: CorpusGraph): string {
  return gexf.write(toGraphology(g), { pretty: true });
}
