// A Bloom filter over string keys: "surely not a key" from a hash over the string's code units and
// two bits of a small array that stays in the CPU's caches, before a Map lookup that costs a trip
// to memory (a big Map's table does not stay cached) plus, for a new string, V8's own hash of it.
import { hashString } from './fnv.js';

export class KeyBloom {
  private readonly bits: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** About 16 bits per key (two probes: 1-2 % false positives), at least 4,096. */
  constructor(keys: Iterable<string>) {
    const list = [...keys];
    let log2 = 12;
    while (1 << log2 < list.length * 16 && log2 < 30) log2++;
    this.bits = new Int32Array((1 << log2) >>> 5);
    this.mask = (1 << log2) - 1;
    this.shift = 32 - log2;
    for (const k of list) this.add(hashString(k));
  }

  private add(h: number): void {
    const a = h & this.mask, b = second(h) >>> this.shift;
    this.bits[a >>> 5]! |= 1 << (a & 31);
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  /** False: `key` is surely not one of the keys; true: it may be. */
  mayHave(key: string): boolean {
    const h = hashString(key);
    const a = h & this.mask;
    if ((this.bits[a >>> 5]! & (1 << (a & 31))) === 0) return false;
    const b = second(h) >>> this.shift;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** A second, independent-enough index from the same hash (its high bits after a multiplicative mix). */
const second = (h: number): number => Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
