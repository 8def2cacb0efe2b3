// The export formats a run can write beside graph.json (`--export gexf,csv,schemas`).
import type { OutputDir } from '../io/output-dir.js';
import { toGexf } from './export-gexf.js';
import { toNeo4jCsv } from './export-neo4j.js';
import { graphSchemas } from './export-schemas.js';
import type { CorpusGraph } from './schema.js';

export const EXPORT_FORMATS = ['gexf', 'csv', 'schemas'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Parses `gexf,csv`; throws with the known formats on an unknown one. */
export function parseExportFormats(v: string): ExportFormat[] {
  const out: ExportFormat[] = [];
  for (const f of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new Error(`unknown export format "${f}" (known: ${EXPORT_FORMATS.join(', ')})`);
    if (!out.includes(f as ExportFormat)) out.push(f as ExportFormat);
  }
  return out;
}

/** Writes the asked exports into the output directory (atomically); returns the file names. */
export function writeExports(g: CorpusGraph, formats: readonly ExportFormat[], out: OutputDir): string[] {
  const written: string[] = [];
  const put = (name: string, data: string): void => {
    out.writeAtomic(name, data);
    written.push(name);
  };
  for (const f of formats) {
    if (f === 'gexf') put('graph.gexf', toGexf(g));
    else if (f === 'csv') {
      const { nodes, relationships } = toNeo4jCsv(g);
      put('nodes.csv', nodes);
      put('relationships.csv', relationships);
    } else for (const [name, text] of Object.entries(graphSchemas())) put(name, text);
  }
  return written;
}

/** Every file name an export may write, so a new run can clear stale ones. */
export const EXPORT_FILES = ['graph.gexf', 'nodes.csv', 'relationships.csv', 'document-graph.schema.json', 'corpus-graph.schema.json'] as const;
