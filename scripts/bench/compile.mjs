// Bundles the current src/ (not a possibly stale dist/) into one ESM file for the benchmark, so a
// run always measures the working tree. Packages stay external; the bundle lives in node_modules/.cache.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
const outDir = join(repoRoot, 'node_modules', '.cache', 'shabaka-bench');

/**
 * Writes the bundle (pipeline API and gazetteer loader) and returns its path. `srcParent` is the
 * folder holding the src/ to bundle (another copy of the tree, for identity checks).
 */
export async function bundlePipeline(srcParent = repoRoot, name = 'pipeline') {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    stdin: {
      contents: [
        "export { buildPipeline } from './src/pipeline/runner.ts';",
        "export { loadResources } from './src/pipeline/resources.ts';",
        "export { loadPipeline } from './src/pipeline/config.ts';",
        "export { registerStages } from './src/pipeline/registry.ts';",
        "export { loadGazetteers } from './src/gazetteer/load.ts';",
        "export { compileGazetteer } from './src/gazetteer/compile.ts';",
        "export { allNameForms } from './src/cli/gazetteer.ts';",
        "export { normalize } from './src/text/normalize.ts';",
        "export { tokenize } from './src/text/tokenize.ts';",
        "export { Vocabulary } from './src/text/vocabulary.ts';",
        "export { TypedArena } from './src/util/arena.ts';",
      ].join('\n'),
      resolveDir: srcParent,
      loader: 'ts',
      sourcefile: 'bench-entry.ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
