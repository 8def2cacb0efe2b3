#!/usr/bin/env node
// The shabaka command line (CONTRACT.md): extract, merge, eval, gazetteer, schemas.
import { Command, InvalidArgumentError } from 'commander';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runExtract } from './cli/extract.js';
import { allNameForms, gazetteerStats, gazetteerValidate } from './cli/gazetteer.js';
import { runMerge } from './cli/merge.js';
import { formatScore, score, type GoldDoc, type PredDoc } from './eval/score.js';
import { CorpusGraph, DocumentGraph } from './graph/schema.js';
import { writeFileAtomic } from './io/atomic.js';
import { ConfigError } from './util/errors.js';
import { PACKAGE_ROOT, VERSION } from './version.js';

const DEFAULT_PIPELINE = fileURLToPath(new URL('pipelines/news-ar.json', PACKAGE_ROOT));
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

async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('shabaka').version(VERSION).description('Arabic news to a typed knowledge graph').exitOverride();
  program
    .command('extract')
    .argument('[inputs...]', '.txt files, directories, .jsonl or .jsonl.gz files')
    .option('-o, --out <dir>', 'output directory', 'output')
    .option('--pipeline <file>', 'pipeline configuration', DEFAULT_PIPELINE)
    .option('--concurrency <n>', 'worker threads', positiveInt)
    .option('--resume', 'continue an interrupted run in the same output directory')
    .option('--stdin', 'read JSONL documents on stdin, write document graphs on stdout')
    .action(async (inputs: string[], o: { out: string; pipeline: string; stdin?: boolean }) => {
      if (!o.stdin && inputs.length === 0) throw new ConfigError('extract: give input files or directories, or --stdin');
      code = await runExtract({ inputs, out: o.out, pipeline: o.pipeline, stdin: o.stdin ?? false });
    });
  program
    .command('merge')
    .argument('<documents...>', 'documents.jsonl files (shards)')
    .requiredOption('-o, --out <dir>', 'output directory')
    .action((files: string[], o: { out: string }) => {
      code = runMerge(files, o.out);
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
    .command('schemas')
    .description('write the JSON Schemas of the graph formats')
    .option('-o, --out <dir>', 'output directory', 'schemas')
    .action((o: { out: string }) => {
      mkdirSync(o.out, { recursive: true });
      writeFileAtomic(join(o.out, 'document-graph.schema.json'), `${JSON.stringify(z.toJSONSchema(DocumentGraph), null, 2)}\n`);
      writeFileAtomic(join(o.out, 'corpus-graph.schema.json'), `${JSON.stringify(z.toJSONSchema(CorpusGraph), null, 2)}\n`);
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
