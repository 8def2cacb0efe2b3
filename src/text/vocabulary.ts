// The token vocabulary of one pipeline: every token form is interned once, straight from the
// normalized code units, with its proclitic readings and what each matcher learnt about it.
// A token then costs a hash over its units and a table probe; no string is made for a form seen
// before, and every stage that asks "is this form a trigger / title / name start?" asks once per
// form rather than once per token (the feature bits and memos below).
import { decompose, type Decomposition, type Memo } from './clitics.js';
import { hashUnits } from '../util/fnv.js';
import type { FormFeatures } from './form-features.js';

export interface FormEntry {
  /** The normalized form; the same string object for every occurrence (its hash is computed once). */
  readonly form: string;
  /**
   * Proclitic/article readings (Arabic words only; none for other tokens), or null when not kept:
   * a form with none of the pipeline's features (most of a corpus's long tail) is rarely read again,
   * and its readings are worked out anew if it is (see readingsOfEntry). That halves the memory of
   * a full vocabulary.
   */
  readonly readings: readonly Decomposition[] | null;
  /** Bits of the pipeline's form features (see FormFeatures) that this form has. */
  readonly flags: number;
  /** What matchers derived from the form (see perForm); made on the first such lookup, as most forms have none. */
  memo: Memo | null;
}

const NO_READINGS: readonly Decomposition[] = [];
/** Longer tokens (a run of letters without spaces) are not kept: they would only fill the table. */
const MAX_INTERNED = 48;
/** A table slot keeps a form's length in the low bits of its pool offset (MAX_INTERNED < 2^6; a generation's pool stays below 2^25 units). */
const LEN_BITS = 6;
const LEN_MASK = (1 << LEN_BITS) - 1;
const FRONT_SLOTS = 1 << 15;
/**
 * Two slots per set (two-way associative, the one used last kept first): 90.8 % of ant-2018's
 * tokens are found there, against 87.7 % when each form has a single slot of the same cache.
 */
const FRONT_SETS = FRONT_SLOTS / 2;
/**
 * A front-cache slot is 32 bytes, half a cache line: hash, length and feature bits (three Int32),
 * then the form's code units. Forms up to FRONT_WIDTH units go there (99.7 % of news tokens).
 */
const SLOT_INTS = 8;
const FRONT_WIDTH = 10;
/** Where a slot's code units start, in Uint16 units from the slot's start. */
const SLOT_UNITS_AT = 6;

export function entryOf(form: string, arabic: boolean, features?: FormFeatures): FormEntry {
  const readings = arabic ? decompose(form) : NO_READINGS;
  const flags = features ? features.flagsOf(readings, form) : 0;
  return newEntry(form, flags === 0 && arabic && features?.defined ? null : readings, flags);
}

/** The readings of an entry (worked out again when the entry did not keep them). */
export const readingsOfEntry = (e: FormEntry): readonly Decomposition[] => e.readings ?? decompose(e.form);

// Every field set at creation, so that all entries share one shape.
const newEntry = (form: string, readings: readonly Decomposition[] | null, flags: number): FormEntry => ({ form, readings, flags, memo: null });

/**
 * Two generations of at most maxSize/2 forms each: when the young one is full it becomes the old
 * one and the former old one is dropped, and a form found in the old generation moves back to the
 * young one. Frequent forms stay, rare ones go, and memory stops growing with the corpus (a news
 * corpus keeps bringing new rare forms: 211,000 in ant-2018's 31,523 articles).
 * A generation holds 250,000 forms: with 100,000, a corpus of that size dropped forms it met
 * again (their feature tests and memos were made anew, and each flip sent every form back through
 * both tables): 10 % slower over both corpora (62,199 articles), for 6 MB less peak RSS.
 */
export class Vocabulary {
  private young = new FormTable();
  private old = new FormTable();
  private readonly generation: number;
  /**
   * A cache of recent forms in front of the tables, laid out flat so that it stays in
   * the CPU's caches: frequent words (most tokens) are found there; the full tables, many megabytes
   * once a corpus has brought 100,000 forms, cost a trip to memory per probe. A hit reads one slot
   * (hash, length, feature bits and units side by side) and one pair of references (entry, form):
   * two cache lines, and never the entry object itself, which lies anywhere in the heap.
   */
  private readonly frontBuffer = new ArrayBuffer(FRONT_SLOTS * SLOT_INTS * 4);
  private readonly frontMeta = new Int32Array(this.frontBuffer);
  private readonly frontUnits = new Uint16Array(this.frontBuffer);
  /** Entry and form of each slot, side by side. */
  private readonly frontRefs: (FormEntry | string | undefined)[] = new Array<FormEntry | string | undefined>(FRONT_SLOTS * 2).fill(undefined);
  /** The feature bits and form of the entry the last `intern` returned (read without touching the entry). */
  lastFlags = 0;
  lastForm = '';
  constructor(
    maxSize = 500_000,
    private readonly features?: FormFeatures,
  ) {
    this.generation = Math.max(1, Math.floor(maxSize / 2));
    // A table slot packs the pool offset in 25 bits (see LEN_BITS).
    if (this.generation * MAX_INTERNED >= 2 ** (31 - LEN_BITS)) throw new Error(`vocabulary of ${maxSize} forms: at most ${2 * Math.floor(2 ** (31 - LEN_BITS) / MAX_INTERNED)}`);
  }

  /**
   * The entry of units[s, e), whose FNV-1a hash is h (see hashUnits); `arabic` when it is an Arabic
   * word. Also sets lastFlags and lastForm to the entry's flags and form.
   */
  intern(units: Uint16Array, s: number, e: number, h: number, arabic: boolean): FormEntry {
    const len = e - s;
    // The set's two slots (one cache line): the one used last first.
    const first = ((h ^ (h >>> 15)) & (FRONT_SETS - 1)) * 2;
    const meta = this.frontMeta;
    const refs = this.frontRefs;
    if (this.inSlot(first, units, s, e, h)) {
      this.lastFlags = meta[first * SLOT_INTS + 2]!;
      this.lastForm = refs[first * 2 + 1] as string;
      return refs[first * 2] as FormEntry;
    }
    if (this.inSlot(first + 1, units, s, e, h)) {
      this.swapWays(first);
      this.lastFlags = meta[first * SLOT_INTS + 2]!;
      this.lastForm = refs[first * 2 + 1] as string;
      return refs[first * 2] as FormEntry;
    }
    // Sets lastFlags and lastForm.
    const r = this.lookup(units, s, e, h, arabic);
    if (len <= FRONT_WIDTH) {
      // The older of the two gives way: the newer moves to the second slot, this form takes the first.
      const b = first * SLOT_INTS;
      for (let k = 0; k < SLOT_INTS; k++) meta[b + SLOT_INTS + k] = meta[b + k]!;
      refs[first * 2 + 2] = refs[first * 2];
      refs[first * 2 + 3] = refs[first * 2 + 1];
      meta[b] = h;
      meta[b + 1] = len;
      meta[b + 2] = this.lastFlags;
      const fu = this.frontUnits;
      const o = b * 2 + SLOT_UNITS_AT - s;
      for (let j = s; j < e; j++) fu[o + j] = units[j]!;
      refs[first * 2] = r;
      refs[first * 2 + 1] = this.lastForm;
    }
    return r;
  }

  /** Front-cache slot `slot` holds units[s, e) (hash h). */
  private inSlot(slot: number, units: Uint16Array, s: number, e: number, h: number): boolean {
    const meta = this.frontMeta;
    const b = slot * SLOT_INTS;
    if (meta[b] !== h || meta[b + 1] !== e - s) return false;
    const fu = this.frontUnits;
    const o = b * 2 + SLOT_UNITS_AT - s;
    let j = s;
    while (j < e && fu[o + j] === units[j]) j++;
    return j === e;
  }

  /** Swaps the two slots of the set starting at slot `first`. */
  private swapWays(first: number): void {
    const meta = this.frontMeta;
    const b = first * SLOT_INTS;
    for (let k = 0; k < SLOT_INTS; k++) {
      const t = meta[b + k]!;
      meta[b + k] = meta[b + SLOT_INTS + k]!;
      meta[b + SLOT_INTS + k] = t;
    }
    const refs = this.frontRefs;
    const e0 = refs[first * 2], f0 = refs[first * 2 + 1];
    refs[first * 2] = refs[first * 2 + 2];
    refs[first * 2 + 1] = refs[first * 2 + 3];
    refs[first * 2 + 2] = e0;
    refs[first * 2 + 3] = f0;
  }

  /** The entry of units[s, e) from the tables, made when new; sets lastFlags and lastForm. */
  private lookup(units: Uint16Array, s: number, e: number, h: number, arabic: boolean): FormEntry {
    const young = this.young;
    let r = young.find(units, s, e, h);
    // Compared with undefined, not tested for truth: ToBoolean of an object reads its map, a cache
    // miss on an entry that lies anywhere in the heap (a fifth of the tokenizer's time).
    if (r !== undefined) {
      this.lastFlags = young.foundFlags;
      this.lastForm = young.foundForm;
      return r;
    }
    const old = this.old;
    r = e - s > MAX_INTERNED ? undefined : old.find(units, s, e, h);
    if (r !== undefined) {
      this.lastFlags = old.foundFlags;
      this.lastForm = old.foundForm;
    } else {
      r = entryOf(unitsString(units, s, e), arabic, this.features);
      this.lastFlags = r.flags;
      this.lastForm = r.form;
      if (e - s > MAX_INTERNED) return r;
    }
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new FormTable();
    }
    this.young.add(units, s, e, h, r);
    return r;
  }

  /** The entry of a form given as a string (tests, tools). */
  get(form: string, arabic: boolean): FormEntry {
    const units = stringUnits(form);
    return this.intern(units, 0, units.length, hashUnits(units, 0, units.length), arabic);
  }
}

/**
 * Open addressing over the forms. A slot holds, side by side, the form's hash, its pool offset and
 * length (one Int32: offset << 6 | length), its feature bits and entry index; the entry and its form
 * string sit side by side in one array. A probe touches one cache line for the slot, then the pool
 * and that pair: never the entry object itself, which lies anywhere in the heap (separate arrays,
 * or comparing with the form strings, cost a cache miss each, and most of a token's time was such
 * misses).
 */
class FormTable {
  /** 4 Int32 per slot: hash, offset << 6 | length (0 = empty), feature bits, entry index. */
  private slots = new Int32Array(4 << 12);
  private pool = new Uint16Array(1 << 14);
  private used = 0;
  /** Entry and form of each index, side by side. */
  private readonly refs: (FormEntry | string)[] = [];
  /** The feature bits and form of the entry the last successful `find` returned. */
  foundFlags = 0;
  foundForm = '';
  get size(): number {
    return this.refs.length >> 1;
  }
  find(units: Uint16Array, s: number, e: number, h: number): FormEntry | undefined {
    const slots = this.slots, pool = this.pool;
    const mask = (slots.length >> 2) - 1;
    const len = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const b = i << 2;
      const lo = slots[b + 1]!;
      if (lo === 0) return undefined;
      if ((lo & LEN_MASK) !== len || slots[b]! !== h) continue;
      const o = (lo >>> LEN_BITS) - s;
      let j = s;
      while (j < e && pool[o + j] === units[j]) j++;
      if (j === e) {
        const k = slots[b + 3]! * 2;
        this.foundFlags = slots[b + 2]!;
        this.foundForm = this.refs[k + 1] as string;
        return this.refs[k] as FormEntry;
      }
    }
  }
  /** Adds the entry of units[s, e) (non-empty, at most MAX_INTERNED units; find did not find it). */
  add(units: Uint16Array, s: number, e: number, h: number, entry: FormEntry): void {
    const k = this.size;
    if ((k + 1) * 2 > this.slots.length >> 2) this.grow();
    const len = e - s;
    if (this.used + len > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + len));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(units.subarray(s, e), this.used);
    this.place(this.slots, h, (this.used << LEN_BITS) | len, entry.flags, k);
    this.used += len;
    this.refs.push(entry, entry.form);
  }
  private place(slots: Int32Array, h: number, lenOffset: number, flags: number, k: number): void {
    const mask = (slots.length >> 2) - 1;
    let i = h & mask;
    while (slots[(i << 2) + 1]! !== 0) i = (i + 1) & mask;
    const b = i << 2;
    slots[b] = h;
    slots[b + 1] = lenOffset;
    slots[b + 2] = flags;
    slots[b + 3] = k;
  }
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let b = 0; b < old.length; b += 4) if (old[b + 1]! !== 0) this.place(slots, old[b]!, old[b + 1]!, old[b + 2]!, old[b + 3]!);
    this.slots = slots;
  }
}

/** The UTF-16 code units of s (the inverse of unitsString). */
export function stringUnits(s: string): Uint16Array {
  const units = new Uint16Array(s.length);
  for (let k = 0; k < s.length; k++) units[k] = s.charCodeAt(k);
  return units;
}

/** The string of units[s, e), exactly (lone surrogates kept). */
export function unitsString(units: Uint16Array, s: number, e: number): string {
  if (e - s <= 64) return String.fromCharCode.apply(null, units.subarray(s, e) as unknown as number[]);
  let str = '';
  for (let k = s; k < e; k += 8192) str += String.fromCharCode.apply(null, units.subarray(k, Math.min(e, k + 8192)) as unknown as number[]);
  return str;
}
