// What decides a run's output, recorded in the journal (resume must match it) and the manifest.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VERSION } from '../version.js';
import type { RunIdentity } from './journal.js';
import type { PipelineInfo } from './worker-protocol.js';

/** sha256 of every file in a directory tree, by relative path (sorted). */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else out[r] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

export function runIdentity(files: readonly string[], info: PipelineInfo, maxDocumentBytes: number): RunIdentity {
  return {
    version: VERSION,
    inputs: files.map((f) => {
      const st = statSync(f);
      return { file: resolve(f), size: st.size, mtimeMs: st.mtimeMs };
    }),
    pipeline: info.config,
    gazetteers: info.gazetteers,
    lexicons: hashTree(info.config.lexiconDir),
    limits: { maxDocumentBytes },
  };
}
