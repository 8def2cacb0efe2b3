// Errors with a code and a place, so that a batch can report them and keep going.

export interface Place {
  file?: string;
  line?: number;
  field?: string;
}

export const formatPlace = (p: Place): string =>
  [p.file, p.line !== undefined ? String(p.line) : undefined, p.field].filter((x) => x !== undefined && x !== '').join(':');

/** What was thrown, as an Error (a thrown string or object becomes its message). */
export const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** A problem in configuration or data files (gazetteers, lexicons, pipelines): exit status 2. */
export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(summary: string, issues: readonly string[] = []) {
    super(issues.length ? `${summary}\n${issues.map((i) => `  ${i}`).join('\n')}` : summary);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** A problem with one input document: it is marked failed in the manifest and the batch goes on. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
