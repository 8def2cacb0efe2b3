// `shabaka merge`: the corpus graph of document-graph shards (documents.jsonl files), streamed
// line by line. A line that is not a document graph is reported (file:line) and skipped; the
// rest is merged and the exit status is 1.
import { createReadStream } from 'node:fs';
import { CorpusGraphBuilder } from '../graph/corpus-graph.js';
import { writeExports, type ExportFormat } from '../graph/export-formats.js';
import { DocumentGraph } from '../graph/schema.js';
import { readLines } from '../io/lines.js';
import { OutputDir, OutputError } from '../io/output-dir.js';
import { writeGraphJson } from '../graph/graph-file.js';

/** Document graphs can be far larger than input documents; this only guards against runaway lines. */
const MAX_LINE_BYTES = 512 << 20;

export interface MergeResult {
  builder: CorpusGraphBuilder;
  problems: string[];
}

export async function mergeFiles(files: readonly string[], validate = false): Promise<MergeResult> {
  const builder = new CorpusGraphBuilder();
  const problems: string[] = [];
  for (const f of files) {
    try {
      for await (const line of readLines(createReadStream(f), MAX_LINE_BYTES)) {
        if (!line.ok) {
          problems.push(`${f}:${line.n}: line of ${line.size} bytes is too long`);
          continue;
        }
        const text = line.bytes.toString('utf8');
        if (!text.trim()) continue;
        try {
          const data = JSON.parse(text) as DocumentGraph;
          if (validate) DocumentGraph.parse(data);
          else if (data?.schema !== 'shabaka/document-graph@1') throw new Error(`not a document graph (schema: ${JSON.stringify(data?.schema)})`);
          builder.addDocument(data);
        } catch (e) {
          problems.push(`${f}:${line.n}: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    } catch (e) {
      problems.push(`${f}: cannot read: ${(e as Error).message}`);
    }
  }
  return { builder, problems };
}

export async function runMerge(files: readonly string[], out: string, exports: readonly ExportFormat[] = []): Promise<number> {
  const { builder, problems } = await mergeFiles(files);
  for (const p of problems) process.stderr.write(`shabaka: ${p}\n`);
  try {
    const dir = OutputDir.open(out);
    const graph = builder.build();
    writeGraphJson(dir, graph);
    writeExports(graph, exports, dir);
    process.stderr.write(`shabaka: merged ${graph.stats.documents} documents: ${graph.stats.entities} entities, ${graph.stats.relations} relations → ${dir.root}\n`);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    process.stderr.write(`shabaka: ${e.message}\n`);
    return 2;
  }
  return problems.length ? 1 : 0;
}
