// What decides a run's output, recorded in the journal (resume must match it) and the manifest.
import { LEXICON_FILES } from '../pipeline/resources.js';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VERSION } from '../version.js';
import type { RunIdentity } from './journal.js';
import type { PipelineInfo } from './worker-protocol.js';

export function hashFiles(dir: string, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    try {
      out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
    } catch {
      /* a pipeline without this lexicon */
    }
  }
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
    lexicons: hashFiles(info.config.lexiconDir, LEXICON_FILES),
    limits: { maxDocumentBytes },
  };
}
