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
}

/** Every reading of a normalized Arabic token as proclitics + (ال) + stem, fewest proclitics first. */
export function decompose(token: string): Decomposition[] {
  const out: Decomposition[] = [];
  for (const p of PREFIXES) {
    if (!token.startsWith(p)) continue;
    const rem = token.slice(p.length);
    if (rem.length < 2) continue;
    if (rem.startsWith('ال') && rem.length >= 4) out.push({ prefixLen: p.length, bare: rem.slice(2), hasAl: true });
    // ل + ال is written لل: للأمم = ل + الأمم; the span starts after the first ل.
    if (p.endsWith('ل') && rem.startsWith('ل') && rem.length >= 3 && !rem.startsWith('ال')) {
      out.push({ prefixLen: p.length, bare: rem.slice(1), hasAl: true });
    }
    out.push({ prefixLen: p.length, bare: rem, hasAl: false });
  }
  return out;
}

/** Caches readings by token form; owned by one pipeline (vocabulary repeats across documents). */
export class ReadingCache {
  private readonly map = new Map<string, readonly Decomposition[]>();
  constructor(private readonly maxSize = 300_000) {}
  get(form: string): readonly Decomposition[] {
    let r = this.map.get(form);
    if (!r) {
      if (this.map.size >= this.maxSize) this.map.clear();
      this.map.set(form, (r = decompose(form)));
    }
    return r;
  }
}
