// The resume journal of a run, in <out>/.shabaka-journal/:
//   run.json                        what the run is (inputs, pipeline, gazetteer hashes, version)
//   chunk-NNNNNN.documents.jsonl    document graphs of a chunk of consecutive input records
//   chunk-NNNNNN.manifest.jsonl     their manifest entries
//   progress.json                   { chunks, records }: the commit point
// Chunk files are written atomically, then progress.json is replaced atomically; a chunk exists for
// a resumed run only once progress.json counts it. After SIGKILL at any moment, the committed
// chunks plus a re-read of the inputs from record `records` on give exactly the uninterrupted run.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { OutputDir } from '../io/output-dir.js';
import type { ManifestEntry } from './manifest.js';

export const JOURNAL_DIR = '.shabaka-journal';

const Progress = z.strictObject({
  schema: z.literal('shabaka/journal-progress@1'),
  chunks: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
});
export type Progress = z.infer<typeof Progress>;

/** Everything that decides the output; a resumed run must match it exactly. */
export interface RunIdentity {
  version: string;
  inputs: { file: string; size: number; mtimeMs: number }[];
  pipeline: unknown;
  gazetteers: Readonly<Record<string, string>>;
  lexicons: Readonly<Record<string, string>>;
  limits: { maxDocumentBytes: number };
}

/** `--resume` cannot continue: the journal is missing, damaged or belongs to another run (exit 2). */
export class ResumeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResumeError';
  }
}

type ChunkFile = ReturnType<OutputDir['openAtomic']>;

const chunkName = (i: number, kind: 'documents' | 'manifest'): string => `${JOURNAL_DIR}/chunk-${String(i).padStart(6, '0')}.${kind}.jsonl`;

export class Journal {
  private progress: Progress = { schema: 'shabaka/journal-progress@1', chunks: 0, records: 0 };
  private open: { documents: ChunkFile; manifest: ChunkFile; records: number } | undefined;
  constructor(private readonly out: OutputDir) {}

  get committed(): Readonly<Progress> {
    return this.progress;
  }

  /** A journal that can be resumed: its commit point exists. */
  exists(): boolean {
    return existsSync(this.out.path(JOURNAL_DIR, 'progress.json'));
  }

  /** Starts a new journal, dropping any earlier one. */
  begin(identity: RunIdentity): void {
    this.out.remove(JOURNAL_DIR);
    this.out.mkdir(JOURNAL_DIR);
    this.out.writeAtomic(`${JOURNAL_DIR}/run.json`, `${JSON.stringify(identity, null, 1)}\n`);
    this.writeProgress();
  }

  /** Opens the journal of an interrupted run; refuses one made by different inputs or configuration. */
  resume(identity: RunIdentity): Progress {
    let saved: RunIdentity;
    let progress: unknown;
    try {
      saved = JSON.parse(readFileSync(this.out.path(JOURNAL_DIR, 'run.json'), 'utf8')) as RunIdentity;
      progress = JSON.parse(readFileSync(this.out.path(JOURNAL_DIR, 'progress.json'), 'utf8'));
    } catch (e) {
      throw new ResumeError(`cannot read the journal in ${this.out.path(JOURNAL_DIR)}: ${(e as Error).message}`);
    }
    const p = Progress.safeParse(progress);
    if (!p.success) throw new ResumeError(`${this.out.path(JOURNAL_DIR, 'progress.json')}: ${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const k of Object.keys(identity) as (keyof RunIdentity)[]) {
      if (JSON.stringify(saved[k]) !== JSON.stringify(identity[k])) {
        throw new ResumeError(`cannot resume: the ${k} differ from the interrupted run (see ${this.out.path(JOURNAL_DIR, 'run.json')}); run without --resume to start over`);
      }
    }
    for (let i = 0; i < p.data.chunks; i++) {
      for (const kind of ['documents', 'manifest'] as const) {
        if (!existsSync(this.out.path(chunkName(i, kind)))) throw new ResumeError(`cannot resume: ${this.out.path(chunkName(i, kind))} is missing`);
      }
    }
    this.progress = p.data;
    return p.data;
  }

  /**
   * Adds a record to the chunk being written (opened on first use): its document-graph line, if it
   * has one, and its manifest line. They go to the chunk's temporary files at once (not held in
   * memory) and count only once `commit` has run.
   */
  append(documentLine: string | undefined, manifestLine: string): void {
    if (!this.open) {
      const i = this.progress.chunks;
      const documents = this.out.openAtomic(chunkName(i, 'documents'));
      try {
        this.open = { documents, manifest: this.out.openAtomic(chunkName(i, 'manifest')), records: 0 };
      } catch (e) {
        documents.abort();
        throw e;
      }
    }
    if (documentLine !== undefined) this.open.documents.write(documentLine);
    this.open.manifest.write(manifestLine);
    this.open.records++;
  }

  /** Records appended since the last commit. */
  get pending(): number {
    return this.open?.records ?? 0;
  }

  /** Commits the chunk being written: its two files, then the progress file that makes them count. */
  commit(): void {
    const chunk = this.open;
    if (!chunk) return;
    this.open = undefined;
    const i = this.progress.chunks;
    try {
      chunk.documents.commit();
      chunk.manifest.commit();
    } catch (e) {
      chunk.documents.abort();
      chunk.manifest.abort();
      throw e;
    }
    const next: Progress = { ...this.progress, chunks: i + 1, records: this.progress.records + chunk.records };
    const before = this.progress;
    this.progress = next;
    try {
      this.writeProgress();
    } catch (e) {
      this.progress = before;
      throw e;
    }
  }

  /** Committed document-graph lines, chunk by chunk, as raw file contents. */
  *documentChunks(): Generator<Buffer> {
    for (let i = 0; i < this.progress.chunks; i++) yield readFileSync(this.out.path(chunkName(i, 'documents')));
  }

  /** Committed manifest entries, in input order. */
  *manifestEntries(): Generator<ManifestEntry> {
    for (let i = 0; i < this.progress.chunks; i++) {
      for (const line of readFileSync(this.out.path(chunkName(i, 'manifest')), 'utf8').split('\n')) {
        if (line) yield JSON.parse(line) as ManifestEntry;
      }
    }
  }

  /** Ends the journal once the final files are in place: the commit point goes first. */
  finish(): void {
    this.out.remove(`${JOURNAL_DIR}/progress.json`);
    this.out.remove(JOURNAL_DIR);
  }

  private writeProgress(): void {
    this.out.writeAtomic(`${JOURNAL_DIR}/progress.json`, `${JSON.stringify(this.progress)}\n`);
  }
}
