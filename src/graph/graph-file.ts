// graph.json: the corpus graph as one JSON line, written in pieces (the same bytes as
// `${JSON.stringify(graph)}\n`) and made visible atomically.
import { jsonPieces } from '../io/json-pieces.js';
import type { OutputDir } from '../io/output-dir.js';
import type { CorpusGraph } from './schema.js';

export const GRAPH_FILE = 'graph.json';

export function writeGraphJson(out: OutputDir, graph: CorpusGraph): void {
  out.writeStreamAtomic(GRAPH_FILE, (write) => {
    for (const piece of jsonPieces(graph)) write(piece);
    write('\n');
  });
}
