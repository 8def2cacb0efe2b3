// Per-form features: yes/no questions a stage asks of every token ("can a name / a title / a
// trigger start here?"), answered once per form when the vocabulary first meets it and kept as
// one bit each. Tokens then carry a dense array of these bits, and a stage's scan skips the tokens
// it has nothing to do with without touching their forms, readings or any lexicon.
import type { Decomposition } from './clitics.js';

export type FormTest = (readings: readonly Decomposition[], form: string) => boolean;

/** The features of one pipeline; stages define theirs when they are created, before any document. */
export class FormFeatures {
  private readonly tests: FormTest[] = [];
  private readonly names: string[] = [];
  private used = false;

  /** `enabled` false: every feature gets bit 0, so no token is skipped (the same output, slower: for checks). */
  constructor(private readonly enabled = true) {}

  /** Defines a feature and returns its bit. */
  define(name: string, test: FormTest): number {
    if (!this.enabled) return 0;
    if (this.used) throw new Error(`form feature "${name}" defined after the vocabulary has started to use the features`);
    if (this.tests.length >= 31) throw new Error(`too many form features (31 at most): ${[...this.names, name].join(', ')}`);
    this.tests.push(test);
    this.names.push(name);
    return 1 << (this.tests.length - 1);
  }

  /** Some feature is defined (a form without any then has nothing a stage looks for). */
  get defined(): boolean {
    return this.tests.length > 0;
  }

  /** The feature bits of a form with these readings. */
  flagsOf(readings: readonly Decomposition[], form: string): number {
    this.used = true;
    let flags = 0;
    for (let k = 0; k < this.tests.length; k++) if (this.tests[k]!(readings, form)) flags |= 1 << k;
    return flags;
  }
}
