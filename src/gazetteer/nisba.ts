// Inflected forms of a nisba adjective from its masculine singular stem (قطري).
// Morphology, not a list of names: the stems live in the gazetteer.

const SUFFIXES = ['', 'ة', 'ان', 'ين', 'ون', 'ات', 'تان', 'تين'];

/** All forms of a nisba stem: masculine/feminine, dual, plural, with and without ال. */
export function nisbaForms(stem: string): string[] {
  const base = stem.startsWith('ال') ? stem.slice(2) : stem;
  // A stem ending in ي takes the suffixes directly; ة replaces nothing.
  const forms = SUFFIXES.map((s) => base + s);
  return [...forms, ...forms.map((f) => `ال${f}`)];
}
