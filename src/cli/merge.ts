// `shabaka merge`: a corpus graph from document-graph shards (documents.jsonl files).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusGraphBuilder } from '../graph/corpus-graph.js';
import type { DocumentGraph } from '../graph/schema.js';
import { writeFileAtomic } from '../io/atomic.js';
import { readFileSync } from 'node:fs';

export function mergeFiles(files: readonly string[]): ReturnType<CorpusGraphBuilder['build']> {
  const b = new CorpusGraphBuilder();
  for (const f of files) {
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          b.addDocument(JSON.parse(line) as DocumentGraph);
        } catch (e) {
          throw new Error(`${f}:${i + 1}: ${(e as Error).message}`);
        }
      });
  }
  return b.build();
}

export function runMerge(files: readonly string[], out: string): number {
  mkdirSync(out, { recursive: true });
  writeFileAtomic(join(out, 'graph.json'), `${JSON.stringify(mergeFiles(files))}\n`);
  return 0;
}
