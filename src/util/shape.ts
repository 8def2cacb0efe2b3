// One hidden class for records read in hot loops. zod's output omits absent optional keys, so
// records of one schema come in many shapes, and V8 makes every property read that sees more than
// four of them megamorphic (a slow lookup, and a deoptimization each time a new shape turns up).
// A record copied with every key of its schema, in one order, has the same shape as all others.

/** A copy of `o` with exactly `keys`, in that order (absent ones undefined). */
export function uniformShape<T extends object>(o: T, keys: readonly (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) out[k] = o[k];
  return out;
}
