// Bundles the browser code (src/report/client/main.ts with sigma and graphology) into one
// script. `npm run build` runs this file to write dist/report/client.js, which `shabaka report`
// inlines; tests call bundleClient() to use the current sources.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../version.js';

export const CLIENT_ENTRY = fileURLToPath(new URL('src/report/client/main.ts', PACKAGE_ROOT));
export const CLIENT_BUNDLE = fileURLToPath(new URL('dist/report/client.js', PACKAGE_ROOT));

export async function bundleClient(): Promise<string> {
  // esbuild is a build-time (dev) dependency: imported here only, never by `shabaka report`.
  const esbuild = await import('esbuild');
  const r = await esbuild.build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output for the report client');
  return out.text;
}

export async function writeClientBundle(file = CLIENT_BUNDLE): Promise<void> {
  const js = await bundleClient();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, js);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeClientBundle();
}
