// A compact pre-check in front of a large string set or map: the 32-bit hashes of its keys in one
// small open-addressing table. A word that is no key (most words) is told apart by a probe in a
// table that stays in the CPU's cache; the set itself — tens of thousands of strings scattered over
// the heap, and for a fresh string a hash V8 must first compute — is asked only on a hash match.
import { hashString } from './fnv.js';

export class KeyFilter {
  private readonly slots: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(
    keys: Iterable<string>,
    private readonly exact: { has(key: string): boolean },
  ) {
    const list = [...keys];
    let size = 1024;
    while (size < list.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (const k of list) {
      const h = hashString(k);
      let i = h & this.mask;
      while (this.used[i] && this.slots[i] !== h) i = (i + 1) & this.mask;
      this.used[i] = 1;
      this.slots[i] = h;
    }
  }

  /** Exactly `exact.has(key)`. */
  has(key: string): boolean {
    const h = hashString(key);
    for (let i = h & this.mask; this.used[i]; i = (i + 1) & this.mask) if (this.slots[i] === h) return this.exact.has(key);
    return false;
  }
}
