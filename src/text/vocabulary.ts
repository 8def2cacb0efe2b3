// The token vocabulary of one pipeline: every token form is interned once, straight from the
// normalized code units, with its proclitic readings and what each matcher learnt about it.
// A token then costs a hash over its units and a table probe; no string is made for a form seen
// before, and every stage that asks "is this form a trigger / title / name start?" asks once per
// form rather than once per token (the memo slots below).
import { decompose, type Decomposition, type Memo } from './clitics.js';

export interface FormEntry extends Memo {
  /** The normalized form; the same string object for every occurrence (its hash is computed once). */
  readonly form: string;
  /** Proclitic/article readings (Arabic words only; none for other tokens). */
  readonly readings: readonly Decomposition[];
}

const NO_READINGS: readonly Decomposition[] = [];
/** Longer tokens (a run of letters without spaces) are not kept: they would only fill the table. */
const MAX_INTERNED = 48;

export const entryOf = (form: string, arabic: boolean): FormEntry => ({
  form,
  readings: arabic ? decompose(form) : NO_READINGS,
  memoOwner1: undefined,
  memoValue1: undefined,
  memoOwner2: undefined,
  memoValue2: undefined,
  memoOwner3: undefined,
  memoValue3: undefined,
  memoOwner4: undefined,
  memoValue4: undefined,
});

/**
 * Two generations of at most maxSize/2 forms each: when the young one is full it becomes the old
 * one and the former old one is dropped, and a form found in the old generation moves back to the
 * young one. Frequent forms stay, rare ones go, and memory stops growing with the corpus (a news
 * corpus keeps bringing new rare forms: 200,000 in ant-2018's 31,523 articles).
 */
export class Vocabulary {
  private young = new FormTable();
  private old = new FormTable();
  private readonly generation: number;
  constructor(maxSize = 120_000) {
    this.generation = Math.max(1, Math.floor(maxSize / 2));
  }

  /** The entry of units[s, e), whose FNV-1a hash is h (see hashUnits); `arabic` when it is an Arabic word. */
  intern(units: Uint16Array, s: number, e: number, h: number, arabic: boolean): FormEntry {
    let r = this.young.find(units, s, e, h);
    if (r) return r;
    if (e - s > MAX_INTERNED) return entryOf(unitsString(units, s, e), arabic);
    r = this.old.find(units, s, e, h) ?? entryOf(unitsString(units, s, e), arabic);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new FormTable();
    }
    this.young.add(units, s, e, h, r);
    return r;
  }

  /** The entry of a form given as a string (tests, tools). */
  get(form: string, arabic: boolean): FormEntry {
    const units = new Uint16Array(form.length);
    for (let k = 0; k < form.length; k++) units[k] = form.charCodeAt(k);
    return this.intern(units, 0, units.length, hashUnits(units, 0, units.length), arabic);
  }
}

/**
 * Open addressing over the forms. Each form's code units are kept in one pool and compared there
 * with the token's units: comparing against the form strings themselves cost about three times as much.
 */
class FormTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  /** Per entry: hash, offset and length of its units in the pool. */
  private hashes = new Int32Array(1 << 11);
  private offsets = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private pool = new Uint16Array(1 << 14);
  private used = 0;
  private readonly entries: FormEntry[] = [];
  get size(): number {
    return this.entries.length;
  }
  find(units: Uint16Array, s: number, e: number, h: number): FormEntry | undefined {
    const slots = this.slots, hashes = this.hashes, lengths = this.lengths, pool = this.pool;
    const mask = slots.length - 1;
    const len = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[i]!;
      if (k < 0) return undefined;
      if (hashes[k] !== h || lengths[k] !== len) continue;
      const o = this.offsets[k]! - s;
      let j = s;
      while (j < e && pool[o + j] === units[j]) j++;
      if (j === e) return this.entries[k];
    }
  }
  /** Adds the entry of units[s, e) (which find did not find). */
  add(units: Uint16Array, s: number, e: number, h: number, entry: FormEntry): void {
    const k = this.entries.length;
    if ((k + 1) * 2 > this.slots.length) this.grow();
    if (k === this.hashes.length) {
      this.hashes = resized(this.hashes, k * 2);
      this.offsets = resized(this.offsets, k * 2);
      this.lengths = resized(this.lengths, k * 2);
    }
    const len = e - s;
    if (this.used + len > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + len));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(units.subarray(s, e), this.used);
    this.hashes[k] = h;
    this.offsets[k] = this.used;
    this.lengths[k] = len;
    this.used += len;
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i]! >= 0) i = (i + 1) & mask;
    this.slots[i] = k;
    this.entries.push(entry);
  }
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let k = 0; k < this.entries.length; k++) {
      let i = this.hashes[k]! & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = k;
    }
    this.slots = slots;
  }
}

function resized(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** FNV-1a over units[s, e), as a signed 32-bit integer (what an Int32Array holds). */
export function hashUnits(units: Uint16Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ units[k]!, 0x01000193);
  return h | 0;
}

/** The string of units[s, e), exactly (lone surrogates kept). */
export function unitsString(units: Uint16Array, s: number, e: number): string {
  if (e - s <= 64) return String.fromCharCode.apply(null, units.subarray(s, e) as unknown as number[]);
  let str = '';
  for (let k = s; k < e; k += 8192) str += String.fromCharCode.apply(null, units.subarray(k, Math.min(e, k + 8192)) as unknown as number[]);
  return str;
}
