// graph.json is written in pieces (src/io/json-pieces.ts); the bytes must stay JSON.stringify's.
import { describe, expect, it } from 'vitest';
import { CorpusGraphBuilder } from '../src/graph/corpus-graph.js';
import { jsonPieces } from '../src/io/json-pieces.js';
import { devDocs, pipeline } from './helpers.js';

describe('jsonPieces', () => {
  const graphs = devDocs().map((d) => pipeline().process(d.source ? { id: d.id, source: d.source } : { id: d.id }, d.text));

  it('writes the corpus graph of the dev set exactly as JSON.stringify does', () => {
    const b = new CorpusGraphBuilder();
    for (const g of graphs) b.addDocument(g);
    const graph = b.build();
    expect(graph.relations.length).toBeGreaterThan(0);
    expect([...jsonPieces(graph)].join('')).toBe(JSON.stringify(graph));
  });

  it('cuts a long top-level array into several pieces, and their concatenation is unchanged', () => {
    // The dev set's document graphs (Arabic mentions, evidence spans): several hundred thousand units.
    const big = { schema: 'x', documents: graphs, count: graphs.length };
    const pieces = [...jsonPieces(big)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(JSON.stringify(big));
  });

  it('leaves out what JSON.stringify leaves out, and writes null where it does', () => {
    const odd = { a: undefined, b: [1, undefined, () => 1, 'ب'], c: () => 2, d: [], e: { f: undefined, g: 'نص' }, h: null };
    expect([...jsonPieces(odd)].join('')).toBe(JSON.stringify(odd));
    expect([...jsonPieces({})].join('')).toBe('{}');
  });
});
