// Manifest entries (CONTRACT.md): one per input document, in input order, with a reason when not ok.

export type Status = 'ok' | 'failed' | 'skipped';

export interface ManifestEntry {
  id: string;
  /** The file, with `:line` for JSONL. */
  input: string;
  status: Status;
  reason?: string;
}

export interface Counts {
  ok: number;
  failed: number;
  skipped: number;
}

export const emptyCounts = (): Counts => ({ ok: 0, failed: 0, skipped: 0 });
