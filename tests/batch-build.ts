// Compiles src/ once per test file into a private directory (esbuild, no bundling), so tests that
// start worker threads or the CLI run the current sources, not whatever dist/ holds right now.
import { buildSync } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.js';

const list = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? list(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });

let built: { dir: string; cli: string; workerUrl: URL } | undefined;

export function testBuild(): { dir: string; cli: string; workerUrl: URL } {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'shabaka-build-'));
  buildSync({ entryPoints: list(join(ROOT, 'src')), outdir: join(dir, 'dist'), outbase: join(ROOT, 'src'), format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const d of ['node_modules', 'pipelines', 'gazetteers', 'lexicons']) symlinkSync(join(ROOT, d), join(dir, d));
  mkdirSync(join(dir, 'tmp'));
  built = { dir, cli: join(dir, 'dist', 'cli.js'), workerUrl: pathToFileURL(join(dir, 'dist', 'batch', 'worker.js')) };
  return built;
}

/** The first `n` documents of a real corpus (streamed, never copied into the repository). */
export async function corpusSample(n: number, corpus = 'ant-2018.jsonl.gz'): Promise<string[]> {
  const { createReadStream } = await import('node:fs');
  const { createGunzip } = await import('node:zlib');
  const { createInterface } = await import('node:readline');
  const { SHARED } = await import('./helpers.js');
  const stream = createReadStream(join(SHARED, 'corpora', corpus)).pipe(createGunzip());
  const lines: string[] = [];
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lines.push(line);
    if (lines.length >= n) break;
  }
  stream.destroy();
  return lines;
}
