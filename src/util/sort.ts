// In-place stable sort that allocates nothing for the short arrays of one document (candidates,
// mentions, units): Array.prototype.sort copies its input into a work array on every call.

const SHORT = 24;

/** Sorts `xs` in place by `cmp`, stably (the order Array.prototype.sort gives); returns `xs`. */
export function sortInPlace<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > SHORT) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(xs[j]!, x) > 0) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
