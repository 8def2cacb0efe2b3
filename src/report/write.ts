// `writeReport(dir)`: DIR/graph.json (+ documents.jsonl, manifest.json) → DIR/report.html.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicFrom } from '../io/atomic.js';
import { ConfigError } from '../util/errors.js';
import { CLIENT_BUNDLE } from './bundle.js';
import { buildReportData } from './build-data.js';
import { htmlPieces } from './html.js';

export interface ReportOptions {
  /** The bundled browser code; by default the one `npm run build` wrote to dist/report/client.js. */
  clientJs?: string;
  /** Output file; default DIR/report.html. */
  out?: string;
  /** Page title; default "shabaka — <directory name>". */
  title?: string;
}

export interface ReportResult {
  file: string;
  bytes: number;
  entities: number;
  relations: number;
  warnings: string[];
}

export function readClientBundle(file = CLIENT_BUNDLE): string {
  if (!existsSync(file)) throw new ConfigError(`${file}: the report's browser code is not built; run \`npm run build\``);
  return readFileSync(file, 'utf8');
}

export async function writeReport(dir: string, o: ReportOptions = {}): Promise<ReportResult> {
  const clientJs = o.clientJs ?? readClientBundle();
  const data = await buildReportData(dir);
  if (o.title !== undefined) data.title = o.title;
  const file = o.out ?? join(dir, 'report.html');
  let bytes = 0;
  writeFileAtomicFrom(file, (write) => {
    for (const piece of htmlPieces(data, clientJs)) {
      write(piece);
      bytes += Buffer.byteLength(piece);
    }
  });
  return { file, bytes, entities: data.entities.length, relations: data.relations.length, warnings: data.warnings };
}
