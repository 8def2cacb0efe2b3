// Attached proclitics (و ف ب ل ك and their pairs) and the article, for matching.
// Grammar, not names: the prefixes a noun can carry in running text.

const PREFIXES = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];

export interface Decomposition {
  /** Normalized code units of proclitics before the span (not part of the mention). */
  readonly prefixLen: number;
  /** The token without proclitics and without ال. */
  readonly bare: string;
  /** The token carried the article (ال, or ل+ال written لل). */
  readonly hasAl: boolean;
  /**
   * Lookups that depend on this reading alone, kept for up to four owners (see recall/remember):
   * the name trie, the trigger trie, and room for the title and reference lexicons. Readings are
   * cached per form by the pipeline, so a matcher pays for its first trie step once per form
   * rather than once per token: the effect of a trie over token ids, with tokens kept as they are.
   * Fields of the reading itself, not a side table, so a lookup costs no extra memory trip.
   */
  memoOwner1?: object | undefined;
  memoValue1?: unknown;
  memoOwner2?: object | undefined;
  memoValue2?: unknown;
  memoOwner3?: object | undefined;
  memoValue3?: unknown;
  memoOwner4?: object | undefined;
  memoValue4?: unknown;
}

/** What `owner` (a compiled gazetteer, a trigger lexicon …) remembered for this reading, or undefined. */
export function recall(d: Decomposition, owner: object): unknown {
  if (d.memoOwner1 === owner) return d.memoValue1;
  if (d.memoOwner2 === owner) return d.memoValue2;
  if (d.memoOwner3 === owner) return d.memoValue3;
  if (d.memoOwner4 === owner) return d.memoValue4;
  return undefined;
}

/** Stores `value` (not undefined) for `owner` on this reading when a slot is free, and returns it. */
export function remember<T>(d: Decomposition, owner: object, value: T): T {
  if (d.memoOwner1 === undefined) {
    d.memoOwner1 = owner;
    d.memoValue1 = value;
  } else if (d.memoOwner2 === undefined) {
    d.memoOwner2 = owner;
    d.memoValue2 = value;
  } else if (d.memoOwner3 === undefined) {
    d.memoOwner3 = owner;
    d.memoValue3 = value;
  } else if (d.memoOwner4 === undefined) {
    d.memoOwner4 = owner;
    d.memoValue4 = value;
  }
  return value;
}

// Every field set at creation, so that all readings share one shape.
const reading = (prefixLen: number, bare: string, hasAl: boolean): Decomposition => ({
  prefixLen,
  bare,
  hasAl,
  memoOwner1: undefined,
  memoValue1: undefined,
  memoOwner2: undefined,
  memoValue2: undefined,
  memoOwner3: undefined,
  memoValue3: undefined,
  memoOwner4: undefined,
  memoValue4: undefined,
});

/** Every reading of a normalized Arabic token as proclitics + (ال) + stem, fewest proclitics first. */
export function decompose(token: string): Decomposition[] {
  const out: Decomposition[] = [];
  for (const p of PREFIXES) {
    if (!token.startsWith(p)) continue;
    const rem = token.slice(p.length);
    if (rem.length < 2) continue;
    if (rem.startsWith('ال') && rem.length >= 4) out.push(reading(p.length, rem.slice(2), true));
    // ل + ال is written لل: للأمم = ل + الأمم; the span starts after the first ل.
    if (p.endsWith('ل') && rem.startsWith('ل') && rem.length >= 3 && !rem.startsWith('ال')) {
      out.push(reading(p.length, rem.slice(1), true));
    }
    out.push(reading(p.length, rem, false));
  }
  return out;
}

/**
 * Caches readings by token form; owned by one pipeline (vocabulary repeats across documents).
 * Two generations of at most maxSize/2 forms each: when the young one is full it becomes the old
 * one and the former old one is dropped, and a form found in the old generation moves back to
 * the young one. Frequent forms stay, rare ones go, and memory stops growing with the corpus
 * (a news corpus keeps bringing new rare forms: 200,000 in ant-2018's 31,523 articles).
 */
export class ReadingCache {
  private young: FormTable;
  private old: FormTable;
  private readonly generation: number;
  constructor(maxSize = 120_000) {
    this.generation = Math.max(1, Math.floor(maxSize / 2));
    this.young = new FormTable();
    this.old = new FormTable();
  }
  get(form: string): readonly Decomposition[] {
    const h = hashForm(form);
    let r = this.young.find(form, h);
    if (r) return r;
    r = this.old.find(form, h) ?? decompose(form);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new FormTable();
    }
    this.young.add(form, h, r);
    return r;
  }
}

/**
 * Form → readings, by open addressing with a hash computed here: every token is a fresh string,
 * and a Map would first have V8 hash it through a runtime call, which cost more than the lookup.
 */
class FormTable {
  /** Entry index of each slot (-1 when empty) and the hash of its form, compared before the string. */
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 12);
  private readonly forms: string[] = [];
  private readonly readings: (readonly Decomposition[])[] = [];
  get size(): number {
    return this.forms.length;
  }
  find(form: string, h: number): readonly Decomposition[] | undefined {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s]!;
      if (e < 0) return undefined;
      if (this.hashes[s] === h && this.forms[e] === form) return this.readings[e];
    }
  }
  /** Adds a form that find did not find. */
  add(form: string, h: number, r: readonly Decomposition[]): void {
    if ((this.forms.length + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = this.forms.length;
    this.hashes[s] = h;
    this.forms.push(form);
    this.readings.push(r);
  }
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const hashes = new Int32Array(slots.length);
    const mask = slots.length - 1;
    for (let e = 0; e < this.forms.length; e++) {
      const h = hashForm(this.forms[e]!);
      let s = h & mask;
      while (slots[s]! >= 0) s = (s + 1) & mask;
      slots[s] = e;
      hashes[s] = h;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}

/** FNV-1a over the code units, as a signed 32-bit integer (what an Int32Array holds). */
function hashForm(f: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < f.length; k++) h = Math.imul(h ^ f.charCodeAt(k), 0x01000193);
  return h | 0;
}
