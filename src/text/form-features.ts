// Per-form features: yes/no questions a stage asks of every token ("can a name / a title / a
// trigger start here?"), answered once per form when the vocabulary first meets it and kept as
// one bit each. Tokens then carry a dense array of these bits, and a stage's scan skips the tokens
// it has nothing to do with without touching their forms, readings or any lexicon.
import type { Decomposition } from './clitics.js';
import { KeyBloom } from '../util/key-bloom.js';

export type FormTest = (readings: readonly Decomposition[], form: string) => boolean;

/**
 * A feature decided by keys alone, without code: the form is one of `forms`; a reading's bare form
 * is one of `bares` (any reading), `baresWithArticle` (a reading with ال) or `baresWithoutArticle`;
 * or, for a form without readings (not an Arabic word, or one letter), the form is one of
 * `formsWithoutReadings`. All such features of a pipeline are answered together, with one table
 * lookup for the form and one per reading: the vocabulary asks them of each of a corpus's new forms
 * (211,000 in ant-2018), and a lookup per feature per reading was a tenth of the cost of a new form.
 */
export interface FormKeys {
  readonly forms?: Iterable<string>;
  readonly bares?: Iterable<string>;
  readonly baresWithArticle?: Iterable<string>;
  readonly baresWithoutArticle?: Iterable<string>;
  readonly formsWithoutReadings?: Iterable<string>;
}

export type FormFeature = FormTest | FormKeys;

/** Where a key's bit masks sit from its offset in `bits`: a form's always, without readings; a bare form's any reading, with ال, without. */
const FORM = 0, FORM_NO_READINGS = 1, BARE = 0, BARE_AL = 1, BARE_NO_AL = 2;

/** The features of one pipeline; stages define theirs when they are created, before any document. */
export class FormFeatures {
  private readonly tests: FormTest[] = [];
  private readonly testBits: number[] = [];
  private readonly names: string[] = [];
  /** Key → offset of its bit masks in `bits` (2 per form key, 3 per bare key). */
  private readonly formKeys = new Map<string, number>();
  private readonly bareKeys = new Map<string, number>();
  private readonly bits: number[] = [];
  /** Made when the features are first used (no feature is defined after that): most new forms are no key at all. */
  private formBloom: KeyBloom | null = null;
  private bareBloom: KeyBloom | null = null;

  /** `enabled` false: every feature gets bit 0, so no token is skipped (the same output, slower: for checks). */
  constructor(private readonly enabled = true) {}

  /** Defines a feature and returns its bit. */
  define(name: string, feature: FormFeature): number {
    if (!this.enabled) return 0;
    if (this.formBloom !== null) throw new Error(`form feature "${name}" defined after the vocabulary has started to use the features`);
    if (this.names.length >= 31) throw new Error(`too many form features (31 at most): ${[...this.names, name].join(', ')}`);
    this.names.push(name);
    const bit = 1 << (this.names.length - 1);
    if (typeof feature === 'function') {
      this.tests.push(feature);
      this.testBits.push(bit);
    } else {
      this.addKeys(this.formKeys, 2, feature.forms, FORM, bit);
      this.addKeys(this.formKeys, 2, feature.formsWithoutReadings, FORM_NO_READINGS, bit);
      this.addKeys(this.bareKeys, 3, feature.bares, BARE, bit);
      this.addKeys(this.bareKeys, 3, feature.baresWithArticle, BARE_AL, bit);
      this.addKeys(this.bareKeys, 3, feature.baresWithoutArticle, BARE_NO_AL, bit);
    }
    return bit;
  }

  private addKeys(table: Map<string, number>, width: number, keys: Iterable<string> | undefined, slot: number, bit: number): void {
    for (const key of keys ?? []) {
      let at = table.get(key);
      if (at === undefined) {
        at = this.bits.length;
        for (let k = 0; k < width; k++) this.bits.push(0);
        table.set(key, at);
      }
      this.bits[at + slot]! |= bit;
    }
  }

  /** Some feature is defined (a form without any then has nothing a stage looks for). */
  get defined(): boolean {
    return this.names.length > 0;
  }

  /** The feature bits of a form with these readings. */
  flagsOf(readings: readonly Decomposition[], form: string): number {
    const formBloom = (this.formBloom ??= new KeyBloom(this.formKeys.keys()));
    const bareBloom = (this.bareBloom ??= new KeyBloom(this.bareKeys.keys()));
    const bits = this.bits;
    let flags = 0;
    const f = formBloom.mayHave(form) ? this.formKeys.get(form) : undefined;
    if (f !== undefined) flags = bits[f + FORM]! | (readings.length === 0 ? bits[f + FORM_NO_READINGS]! : 0);
    for (let r = 0; r < readings.length; r++) {
      const d = readings[r]!;
      const b = bareBloom.mayHave(d.bare) ? this.bareKeys.get(d.bare) : undefined;
      if (b !== undefined) flags |= bits[b + BARE]! | bits[b + (d.hasAl ? BARE_AL : BARE_NO_AL)]!;
    }
    for (let k = 0; k < this.tests.length; k++) if (this.tests[k]!(readings, form)) flags |= this.testBits[k]!;
    return flags;
  }
}
