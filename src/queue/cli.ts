// The queue's commands for src/cli.ts: `queue add | status | collect | clear` and `worker`.
// Errors that end a command as a whole (Redis unreachable, bad inputs, an unusable output
// directory, a run that does not fit) print one line and give exit status 2.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { PoolError } from '../batch/pool.js';
import { EXPORT_FORMATS, parseExportFormats, type ExportFormat } from '../graph/export-formats.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, InputPathError } from '../io/inputs.js';
import { OutputError } from '../io/output-dir.js';
import { PACKAGE_ROOT } from '../version.js';
import { QueueError, redactUrl, redisUrl } from './redis.js';
import { checkName, DEFAULT_PREFIX, DEFAULT_QUEUE, type QueueTarget } from './target.js';

/** The fallback when no default is handed in; src/cli.ts passes extract's, so both run the same. */
const FALLBACK_PIPELINE = fileURLToPath(new URL('pipelines/news.json', PACKAGE_ROOT));

const arg =
  <T>(parse: (v: string) => T) =>
  (v: string): T => {
    try {
      return parse(v);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
const positiveInt = arg((v) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a whole number from 1 and up, got "${v}"`);
  return n;
});
const positiveNumber = arg((v) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a number above 0, got "${v}"`);
  return n;
});

interface TargetOptions {
  redis?: string;
  queue: string;
  prefix: string;
}

const withTarget = (c: Command): Command =>
  c
    .option('--redis <url>', `Redis URL (default: $REDIS_URL, else redis://127.0.0.1:6379)`)
    .option('--queue <name>', 'queue name', arg((v) => checkName('queue name', v)), DEFAULT_QUEUE)
    .option('--prefix <prefix>', 'Redis key prefix', arg((v) => checkName('key prefix', v)), DEFAULT_PREFIX);

const target = (o: TargetOptions): QueueTarget => ({ url: redisUrl(o.redis), name: o.queue, prefix: o.prefix });

const RUN_ERRORS = [QueueError, InputPathError, OutputError, PoolError] as const;

/** Runs a command; known whole-run failures print one line and give exit status 2. */
async function guarded(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (RUN_ERRORS.some((k) => e instanceof k)) {
      process.stderr.write(`shabaka: ${redactUrl((e as Error).message)}\n`);
      return 2;
    }
    throw e;
  }
}

export function registerQueueCommands(program: Command, setCode: (code: number) => void, defaultPipeline = FALLBACK_PIPELINE): void {
  const queue = program.command('queue').description('scale out over machines: a BullMQ queue on Redis (README: "Scale-out")');
  withTarget(queue.command('add'))
    .description('put input documents on the queue, as jobs of consecutive documents')
    .argument('<inputs...>', '.txt files, directories, .jsonl or .jsonl.gz files')
    .option('--batch-size <n>', 'documents per job', positiveInt, 50)
    .option('--max-doc-mb <n>', 'largest document accepted, in MB (larger ones fail with a reason)', positiveNumber, DEFAULT_MAX_DOCUMENT_BYTES / 1048576)
    .option('--attempts <n>', 'tries per job before its documents are marked failed', positiveInt, 5)
    .action(async (inputs: string[], o: TargetOptions & { batchSize: number; maxDocMb: number; attempts: number }) => {
      const { queueAdd } = await import('./add.js');
      setCode(
        await guarded(async () => {
          await queueAdd({ target: target(o), inputs, batchSize: o.batchSize, maxDocumentBytes: Math.round(o.maxDocMb * 1048576), attempts: o.attempts, stderr: process.stderr });
          return 0;
        }),
      );
    });
  withTarget(queue.command('status'))
    .description('show how far the queued run is')
    .option('--json', 'print JSON')
    .action(async (o: TargetOptions & { json?: boolean }) => {
      const { queueStatus, formatStatus } = await import('./status.js');
      setCode(
        await guarded(async () => {
          const s = await queueStatus(target(o));
          process.stdout.write(o.json ? `${JSON.stringify(s)}\n` : formatStatus(s));
          return 0;
        }),
      );
    });
  withTarget(queue.command('collect'))
    .description('write documents.jsonl, graph.json and manifest.json of a finished run, as a local extract does')
    .requiredOption('-o, --out <dir>', 'output directory')
    .option('--wait', 'wait for the run to finish')
    .option('--export <formats>', `also write exports: ${EXPORT_FORMATS.join(', ')} (comma-separated)`, arg(parseExportFormats))
    .action(async (o: TargetOptions & { out: string; wait?: boolean; export?: ExportFormat[] }) => {
      const { queueCollect } = await import('./collect.js');
      setCode(await guarded(() => queueCollect({ target: target(o), out: o.out, exports: o.export ?? [], wait: o.wait ?? false, stderr: process.stderr })));
    });
  withTarget(queue.command('clear'))
    .description('remove the run from Redis: its jobs, results and records')
    .action(async (o: TargetOptions) => {
      const { queueClear } = await import('./clear.js');
      setCode(
        await guarded(async () => {
          await queueClear(target(o));
          return 0;
        }),
      );
    });
  withTarget(program.command('worker'))
    .description('process queued jobs until stopped (SIGINT/SIGTERM finish the current jobs first)')
    .option('--pipeline <file>', 'pipeline or router configuration (the same as extract\'s: the results must be a local run\'s)', defaultPipeline)
    .option('--concurrency <n>', 'extraction threads (default: the number of cores)', positiveInt)
    .option('--until-done', 'stop once every job of the run is done')
    .option('--lock-duration <s>', "seconds before a silent worker's job is taken over by another", positiveNumber, 30)
    .option('--doc-timeout <s>', 'seconds a document may take before its thread is replaced', positiveNumber, 120)
    .option('--worker-memory <mb>', 'heap limit of each extraction thread in MB', positiveInt, 1024)
    .option('--verbose', 'one line per job')
    .action(async (o: TargetOptions & { pipeline: string; concurrency?: number; untilDone?: boolean; lockDuration: number; docTimeout: number; workerMemory: number; verbose?: boolean }) => {
      const { runQueueWorker } = await import('./worker.js');
      const ac = new AbortController();
      const onSignal = (): void => {
        if (ac.signal.aborted) process.exit(130); // a second signal: stop now; the jobs go back to the queue
        process.stderr.write('shabaka: worker: stopping after the current jobs (signal again to stop now)\n');
        ac.abort();
      };
      process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
      try {
        setCode(
          await guarded(() =>
            runQueueWorker({
              target: target(o),
              pipeline: resolve(o.pipeline),
              concurrency: o.concurrency ?? availableParallelism(),
              lockDurationMs: Math.round(o.lockDuration * 1000),
              documentTimeoutMs: Math.round(o.docTimeout * 1000),
              workerMemoryMb: o.workerMemory,
              untilDone: o.untilDone ?? false,
              verbose: o.verbose ?? false,
              signal: ac.signal,
              stderr: process.stderr,
            }),
          ),
        );
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      }
    });
}
