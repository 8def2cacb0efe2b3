// Which entities and relations are drawn, given the filters. The canvas shows at most
// `maxNodes` entities (the most mentioned, or the ends of the relations between the most
// mentioned) so a corpus graph of thousands stays responsive;
// the rest stays reachable from the table, and a focused entity is always drawn with its
// neighbours.
import type { ReportData } from '../model.js';

export interface Filters {
  relationTypes: ReadonlySet<string>;
  entityTypes: ReadonlySet<string>;
  /** Index of the one document to show, or null for all. */
  document: number | null;
  maxNodes: number;
  /** Leave out entities that have no drawn relation. */
  connectedOnly: boolean;
  /** An entity drawn whatever the cap, with its neighbours. */
  focus: number | null;
}

export interface View {
  /** Entity indices, most mentioned first. */
  nodes: number[];
  /** Relation indices whose two ends are drawn. */
  edges: number[];
  /** How many entities and relations pass the filters (drawn or not). */
  matchingNodes: number;
  matchingEdges: number;
}

type Graph = Pick<ReportData, 'entities' | 'relations'>;

export function selectView(g: Graph, f: Filters): View {
  const entityOk = g.entities.map((e) => f.entityTypes.has(e.type) && (f.document === null || e.docs.includes(f.document)));
  const edgeOk: number[] = [];
  const degree = new Uint32Array(g.entities.length);
  g.relations.forEach((r, i) => {
    if (!f.relationTypes.has(r.type) || !entityOk[r.s] || !entityOk[r.t]) return;
    if (f.document !== null && !r.docs.includes(f.document)) return;
    edgeOk.push(i);
    degree[r.s]!++;
    degree[r.t]!++;
  });
  const candidates: number[] = [];
  entityOk.forEach((ok, i) => {
    if (ok && (!f.connectedOnly || degree[i]! > 0)) candidates.push(i);
  });
  const rank = (a: number, b: number): number =>
    g.entities[b]!.mentions - g.entities[a]!.mentions || degree[b]! - degree[a]! || a - b;
  candidates.sort(rank);
  const chosen = new Set<number>();
  if (f.connectedOnly) {
    // Fill the cap with the relations between the most mentioned entities, so each drawn
    // entity has a drawn relation: a lone node whose partners fell under the cap says nothing.
    const weight = (i: number): number => {
      const r = g.relations[i]!;
      return Math.min(g.entities[r.s]!.mentions, g.entities[r.t]!.mentions);
    };
    const byWeight = edgeOk.slice().sort((a, b) => weight(b) - weight(a) || a - b);
    for (const i of byWeight) {
      if (chosen.size >= f.maxNodes) break;
      const r = g.relations[i]!;
      const added = (chosen.has(r.s) ? 0 : 1) + (chosen.has(r.t) || r.t === r.s ? 0 : 1);
      if (chosen.size + added > f.maxNodes) continue;
      chosen.add(r.s).add(r.t);
    }
  } else for (const e of candidates.slice(0, Math.max(0, f.maxNodes))) chosen.add(e);
  if (f.focus !== null && f.focus < g.entities.length) {
    chosen.add(f.focus);
    for (const i of edgeOk) {
      const r = g.relations[i]!;
      if (r.s === f.focus) chosen.add(r.t);
      if (r.t === f.focus) chosen.add(r.s);
    }
  }
  const edges = edgeOk.filter((i) => chosen.has(g.relations[i]!.s) && chosen.has(g.relations[i]!.t));
  return { nodes: [...chosen].sort(rank), edges, matchingNodes: candidates.length, matchingEdges: edgeOk.length };
}
