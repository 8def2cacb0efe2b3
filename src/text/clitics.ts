// Attached proclitics (و ف ب ل ك and their pairs) and the article, for matching.
// Grammar, not names: the prefixes a noun can carry in running text.

const PREFIXES = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];

/**
 * Lookups that depend on one token form alone, kept for up to four owners (see recall/remember):
 * the name trie, the trigger lexicon, the title lexicon, room for one more. Forms are interned per
 * pipeline (text/vocabulary.ts), so a matcher pays for a lookup once per form rather than once per
 * token: the effect of tables over token ids, with tokens kept as they are. Fields of the object
 * itself, not a side table, so a lookup costs no extra memory trip.
 */
export interface Memo {
  memoOwner1?: object | undefined;
  memoValue1?: unknown;
  memoOwner2?: object | undefined;
  memoValue2?: unknown;
  memoOwner3?: object | undefined;
  memoValue3?: unknown;
  memoOwner4?: object | undefined;
  memoValue4?: unknown;
}

export interface Decomposition {
  /** Normalized code units of proclitics before the span (not part of the mention). */
  readonly prefixLen: number;
  /** The token without proclitics and without ال. */
  readonly bare: string;
  /** The token carried the article (ال, or ل+ال written لل). */
  readonly hasAl: boolean;
}

/** An empty memo (every slot set, so that all memos share one shape). */
export const newMemo = (): Memo => ({
  memoOwner1: undefined,
  memoValue1: undefined,
  memoOwner2: undefined,
  memoValue2: undefined,
  memoOwner3: undefined,
  memoValue3: undefined,
  memoOwner4: undefined,
  memoValue4: undefined,
});

/** What `owner` (a compiled gazetteer, a trigger lexicon …) remembered for this reading, or undefined. */
export function recall(d: Memo, owner: object): unknown {
  if (d.memoOwner1 === owner) return d.memoValue1;
  if (d.memoOwner2 === owner) return d.memoValue2;
  if (d.memoOwner3 === owner) return d.memoValue3;
  if (d.memoOwner4 === owner) return d.memoValue4;
  return undefined;
}

/** Stores `value` (not undefined) for `owner` on this reading when a slot is free, and returns it. */
export function remember<T>(d: Memo, owner: object, value: T): T {
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

const reading = (prefixLen: number, bare: string, hasAl: boolean): Decomposition => ({ prefixLen, bare, hasAl });

/** A reading as written without its proclitics: the bare form, with ال when the token had it. */
export const withArticle = (d: Decomposition): string => (d.hasAl ? `ال${d.bare}` : d.bare);

/** Every reading of a normalized Arabic token as proclitics + (ال) + stem, fewest proclitics first. */
export function decompose(token: string): Decomposition[] {
  const out: Decomposition[] = [];
  // The prefixes of PREFIXES that can match are '' and those spelled by the token's first one or
  // two letters, in that order: only they are tried (the same readings, in PREFIXES' order).
  addReadings(out, token, 0);
  if (token.length > 1 && SINGLE.has(token.charCodeAt(0))) {
    addReadings(out, token, 1);
    if (token.length > 2 && PAIRS.has(token.slice(0, 2))) addReadings(out, token, 2);
  }
  return out;
}

const SINGLE = new Set(PREFIXES.filter((p) => p.length === 1).map((p) => p.charCodeAt(0)));
const PAIRS = new Set(PREFIXES.filter((p) => p.length === 2));
const LAM = 0x0644;

/** The readings of token after its first `n` letters, a proclitic of PREFIXES. */
function addReadings(out: Decomposition[], token: string, n: number): void {
  const rem = token.slice(n);
  if (rem.length < 2) return;
  const al = rem.startsWith('ال');
  if (al && rem.length >= 4) out.push(reading(n, rem.slice(2), true));
  // ل + ال is written لل: للأمم = ل + الأمم; the span starts after the first ل.
  if (n > 0 && token.charCodeAt(n - 1) === LAM && rem.charCodeAt(0) === LAM && rem.length >= 3 && !al) out.push(reading(n, rem.slice(1), true));
  out.push(reading(n, rem, false));
}

/** A reading of a form and the node its bare form leads to in a trie's first level. */
export interface ReadingStart<N> {
  readonly d: Decomposition;
  readonly node: N;
}
const NO_STARTS: readonly ReadingStart<never>[] = [];

/** The readings whose bare form is a key of `root`, in reading order (a perForm derive keyed by the root). */
export function readingStarts<N>(root: ReadonlyMap<string, N>, readings: readonly Decomposition[]): readonly ReadingStart<N>[] {
  let out: ReadingStart<N>[] | null = null;
  for (const d of readings) {
    const node = root.get(d.bare);
    if (node) (out ??= []).push({ d, node });
  }
  return out ?? NO_STARTS;
}
