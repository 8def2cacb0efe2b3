#!/usr/bin/env node
// The shabaka command line (CONTRACT.md): extract, merge, eval, gazetteer, schemas.
import { Command, InvalidArgumentError } from 'commander';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExtract } from './cli/extract.js';
import { allNameForms, gazetteerStats, gazetteerValidate } from './cli/gazetteer.js';
import { runMerge } from './cli/merge.js';
import { registerQueueCommands } from './queue/cli.js';
import { EXPORT_FORMATS, parseExportFormats, type ExportFormat } from './graph/export-formats.js';
import { writeReport } from './report/write.js';
import { formatScore, score, type GoldDoc, type PredDoc } from './eval/score.js';
import { graphSchemas } from './graph/export-schemas.js';
import { writeFileAtomic } from './io/atomic.js';
import { ConfigError } from './util/errors.js';
import { PACKAGE_ROOT, VERSION } from './version.js';

const DEFAULT_PIPELINE = fileURLToPath(new URL('pipelines/news-ar.json', PACKAGE_ROOT));
/** extract routes Arabic and English documents to their pipelines. */
const DEFAULT_ROUTER = fileURLToPath(new URL('pipelines/news.json', PACKAGE_ROOT));
const DEFAULT_GAZETTEERS = fileURLToPath(new URL('gazetteers', PACKAGE_ROOT));

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number from 1 and up, got "${v}"`);
  return n;
};

function readJsonl(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch (e) {
        throw new ConfigError(`${file}:${i + 1}: invalid JSON: ${(e as Error).message}`);
      }
    });
}

const positiveNumber = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a number above 0, got "${v}"`);
  return n;
};

const exportFormats = (v: string): ExportFormat[] => {
  try {
    return parseExportFormats(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
};

interface ExtractCliOptions {
  out: string;
  pipeline: string;
  stdin?: boolean;
  resume?: boolean;
  concurrency?: number;
  export?: ExportFormat[];
  maxDocMb: number;
  chunkSize: number;
  docTimeout: number;
  workerMemory: number;
  /** false with --no-report */
  report?: boolean;
}

async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('shabaka').version(VERSION).description('Arabic news to a typed knowledge graph').exitOverride();
  program
    .command('extract')
    .argument('[inputs...]', '.txt files, directories, .jsonl or .jsonl.gz files')
    .option('-o, --out <dir>', 'output directory', 'output')
    .option('--pipeline <file>', 'pipeline or router configuration (default: Arabic and English by language)', DEFAULT_ROUTER)
    .option('--concurrency <n>', 'worker threads (default: one core fewer than the machine has, fewer for a small input)', positiveInt)
    .option('--resume', 'continue an interrupted run in the same output directory')
    .option('--stdin', 'read JSONL documents on stdin, write document graphs on stdout')
    .option('--export <formats>', `also write exports: ${EXPORT_FORMATS.join(', ')} (comma-separated)`, exportFormats)
    .option('--max-doc-mb <n>', 'largest document accepted, in MB (larger ones fail with a reason)', positiveNumber, 5)
    .option('--chunk-size <n>', 'documents per journal chunk (the most work a kill can lose; each chunk costs three fsyncs)', positiveInt, 1000)
    .option('--doc-timeout <s>', 'seconds a document may take before its worker is replaced', positiveNumber, 120)
    .option('--worker-memory <mb>', 'heap limit of each worker thread in MB', positiveInt, 1024)
    .option('--no-report', 'do not write report.html')
    .action(async (inputs: string[], o: ExtractCliOptions) => {
      if (!o.stdin && inputs.length === 0) throw new ConfigError('extract: give input files or directories, or --stdin');
      code = await runExtract({
        inputs,
        out: o.out,
        pipeline: o.pipeline,
        stdin: o.stdin ?? false,
        resume: o.resume ?? false,
        ...(o.concurrency ? { concurrency: o.concurrency } : {}),
        exports: o.export ?? [],
        maxDocumentBytes: Math.round(o.maxDocMb * 1048576),
        chunkSize: o.chunkSize,
        documentTimeoutSeconds: o.docTimeout,
        workerMemoryMb: o.workerMemory,
        report: o.report !== false,
      });
    });
  program
    .command('merge')
    .argument('<documents...>', 'documents.jsonl files (shards)')
    .requiredOption('-o, --out <dir>', 'output directory')
    .option('--export <formats>', `also write exports: ${EXPORT_FORMATS.join(', ')} (comma-separated)`, exportFormats)
    .action(async (files: string[], o: { out: string; export?: ExportFormat[] }) => {
      code = await runMerge(files, o.out, o.export ?? []);
    });
  program
    .command('eval')
    .requiredOption('--gold <file>', 'gold JSONL')
    .option('--pred <file>', 'predicted documents.jsonl (else extract the gold texts)')
    .option('--pipeline <file>', 'pipeline configuration', DEFAULT_PIPELINE)
    .option('--json', 'print the full result as JSON')
    .action(async (o: { gold: string; pred?: string; pipeline: string; json?: boolean }) => {
      const gold = readJsonl(o.gold) as GoldDoc[];
      let pred: PredDoc[];
      if (o.pred) pred = readJsonl(o.pred) as PredDoc[];
      else {
        const { buildPipeline } = await import('./pipeline/runner.js');
        const p = buildPipeline(o.pipeline);
        pred = gold.map((g) => p.process({ id: g.id }, g.text));
      }
      const res = score(gold, pred);
      process.stdout.write(`${o.json ? JSON.stringify(res, null, 1) : formatScore(res)}\n`);
    });
  const gaz = program.command('gazetteer').description('check and inspect the gazetteers');
  gaz
    .command('validate')
    .option('--dir <dir>', 'gazetteer directory', DEFAULT_GAZETTEERS)
    .action((o: { dir: string }) => {
      code = gazetteerValidate(o.dir);
    });
  gaz
    .command('stats')
    .option('--dir <dir>', 'gazetteer directory', DEFAULT_GAZETTEERS)
    .option('--json', 'print JSON')
    .action((o: { dir: string; json?: boolean }) => {
      const s = gazetteerStats(o.dir);
      process.stdout.write(o.json ? `${JSON.stringify(s)}\n` : Object.entries(s).map(([k, v]) => `${k}\t${v}`).join('\n') + '\n');
    });
  gaz
    .command('names')
    .option('--dir <dir>', 'gazetteer directory', DEFAULT_GAZETTEERS)
    .action((o: { dir: string }) => {
      process.stdout.write(allNameForms(o.dir).join('\n') + '\n');
    });
  program
    .command('report')
    .description('write DIR/report.html: the graph, its filters, entities and evidence in one offline HTML file')
    .argument('[dir]', 'output directory of extract or merge (reads graph.json, documents.jsonl, manifest.json)', 'output')
    .action(async (dir: string) => {
      const r = await writeReport(dir);
      for (const w of r.warnings.slice(0, 20)) process.stderr.write(`shabaka: report: ${w}\n`);
      if (r.warnings.length > 20) process.stderr.write(`shabaka: report: … ${r.warnings.length - 20} more warnings (listed in the page)\n`);
      process.stderr.write(`shabaka: ${r.entities} entities, ${r.relations} relations → ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB)\n`);
    });
  gaz
    .command('mine')
    .description('propose frequent names the gazetteers lack, from a corpus, with contexts, for review')
    .argument('<corpus...>', '.jsonl or .jsonl.gz files of documents')
    .option('--pipeline <file>', 'pipeline configuration', DEFAULT_PIPELINE)
    .option('--max-docs <n>', 'documents to read at most', positiveInt, 5000)
    .option('--min-count <n>', 'report names seen at least this often', positiveInt, 3)
    .option('--limit <n>', 'report at most this many names', positiveInt, 200)
    .option('--json', 'print JSON lines instead of a table')
    .action(async (files: string[], o: { pipeline: string; maxDocs: number; minCount: number; limit: number; json?: boolean }) => {
      const { mineGazetteerCandidates } = await import('./cli/mine.js');
      code = await mineGazetteerCandidates(files, o);
    });
  registerQueueCommands(program, (c) => {
    code = c;
  }, DEFAULT_ROUTER);
  program
    .command('schemas')
    .description('write the JSON Schemas of the graph formats')
    .option('-o, --out <dir>', 'output directory', 'schemas')
    .action((o: { out: string }) => {
      mkdirSync(o.out, { recursive: true });
      for (const [name, text] of Object.entries(graphSchemas())) writeFileAtomic(join(o.out, name), text);
    });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message: string };
    if (err.code?.startsWith('commander.')) return err.exitCode === 0 ? 0 : 2;
    if (e instanceof ConfigError) {
      process.stderr.write(`shabaka: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`shabaka: ${(e as Error).stack ?? err.message}\n`);
    return 2;
  }
  return code;
}

process.exitCode = await main(process.argv);
