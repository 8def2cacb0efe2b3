// The overlap policy for candidate spans: longest first (in tokens, then characters), then the
// earliest, then the fewest stripped proclitics, then the best rank; no two kept spans share a token.
import { sortInPlace } from '../util/sort.js';
import { uint8s, type TypedArena } from '../util/arena.js';

export interface SpanCandidate {
  readonly tokStart: number;
  readonly tokEnd: number;
  /** Proclitic code units left out of the span at its start. */
  readonly prefixLen: number;
  readonly sentence: number;
  /** Lower is better (name before alias before nisba). */
  readonly rank?: number;
}

/** `arena`: where the token marks come from (the document's batch arena, when it has one). */
export function selectLongest<T extends SpanCandidate>(cands: readonly T[], arena?: TypedArena): T[] {
  if (cands.length <= 1) return cands.slice();
  // Token marks over the candidates' range (a typed array: no hashing per token).
  let lo = Infinity, hi = 0;
  for (const c of cands) {
    if (c.tokStart < lo) lo = c.tokStart;
    if (c.tokEnd > hi) hi = c.tokEnd;
  }
  const taken = uint8s(arena, hi - lo);
  const order = sortInPlace(cands.slice(),
    (a, b) =>
      b.tokEnd - b.tokStart - (a.tokEnd - a.tokStart) ||
      a.prefixLen - b.prefixLen ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      a.tokStart - b.tokStart,
  );
  const kept: T[] = [];
  for (const c of order) {
    let free = true;
    for (let k = c.tokStart; k < c.tokEnd && free; k++) free = taken[k - lo] === 0;
    if (!free) continue;
    taken.fill(1, c.tokStart - lo, c.tokEnd - lo);
    kept.push(c);
  }
  return sortInPlace(kept, (a, b) => a.tokStart - b.tokStart);
}
