// Inflected forms of a nisba adjective from its masculine singular stem (قطري، كوري شمالي).
// Morphology, not a list of names: the stems live in the gazetteer. In a two-word nisba both
// words agree (الكورية الشمالية).

const SUFFIXES = ['', 'ة', 'ان', 'ين', 'ون', 'ات', 'تان', 'تين'];

/** All forms of a nisba stem: masculine/feminine, dual, plural, with and without ال. */
export function nisbaForms(stem: string): string[] {
  const words = stem.split(' ').map((w) => (w.startsWith('ال') ? w.slice(2) : w));
  const out: string[] = [];
  for (const s of SUFFIXES) {
    out.push(words.map((w) => w + s).join(' '));
    out.push(words.map((w) => `ال${w}${s}`).join(' '));
  }
  return out;
}
