// FNV-1a over UTF-16 code units, as a signed 32-bit integer (what an Int32Array holds): the one
// hash of token forms, for the vocabulary's tables and the key filters. The tokenizer computes the
// same steps inline while it reads a token's units.

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The hash of units[s, e). */
export function hashUnits(units: Uint16Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let k = s; k < e; k++) h = Math.imul(h ^ units[k]!, FNV_PRIME);
  return h | 0;
}

/** The hash of the code units of s (equal to hashUnits over the same units). */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h | 0;
}
