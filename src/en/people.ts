// People no gazetteer name matched: a capitalised name after a title (or found by compromise) is
// linked to a listed person with the same surname and first initial (Sergei / Sergey Lavrov),
// else gets a `new:person:` id.
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import type { Doc } from '../doc.js';
import { addEntity } from '../match/gazetteer-match.js';
import type { Tokens } from '../text/tokenize.js';
import { TokenKind } from '../text/tokenize.js';
import type { EnglishLexicons } from './lexicon.js';
import type { PersonIndex } from './names.js';
import type { EnglishLayer } from './text.js';

const MAX_NAME_TOKENS = 5;

export const slug = (folded: readonly string[]): string =>
  folded
    .join('-')
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');

/** End (exclusive) of a capitalised name starting at p: name words, with particles (bin, al) inside; p when there is none. */
export function nameSpan(tokens: Tokens, layer: EnglishLayer, lex: EnglishLexicons, p: number, end: number, taken: (k: number) => boolean): number {
  let k = p;
  let last = p;
  while (k < end && k - p < MAX_NAME_TOKENS && !taken(k) && tokens.kind[k] === TokenKind.LatinWord) {
    const w = tokens.norm[k]!;
    if (layer.cap[k] && !lex.notNames.has(w) && w !== "'s") last = k + 1;
    else if (!(lex.particles.has(w) && k > p)) break;
    k++;
  }
  return last;
}

/** A listed person with this surname and first initial, holding an office of `of` when known; unique or nothing. */
export function listedVariant(gaz: CompiledGazetteer, names: PersonIndex, folded: readonly string[], of: string | undefined): number | undefined {
  if (folded.length < 2) return undefined;
  const cands = (names.bySurname.get(folded[folded.length - 1]!) ?? []).filter((c) => c.first[0] === folded[0]![0]);
  const pick = of ? cands.filter((c) => gaz.entries[c.entry]!.roles?.some((r) => r.of === of)) : cands;
  return new Set(pick.map((c) => c.entry)).size === 1 ? pick[0]!.entry : undefined;
}

/** Adds a person mention for tokens [a, b): a listed person's variant, or a new:person entity. Returns the entity id. */
export function addPerson(doc: Doc, gaz: CompiledGazetteer, names: PersonIndex, a: number, b: number, sentence: number, of: string | undefined, rule: string): string {
  const tokens = doc.tokens!;
  const folded = tokens.norm.slice(a, b);
  const start = tokens.start[a]!, end = tokens.end[b - 1]!;
  const text = doc.text.slice(start, end);
  const variant = listedVariant(gaz, names, folded, of);
  let id: string;
  if (variant !== undefined) {
    id = addEntity(doc, gaz, variant).id;
    rule = `rule:spelling-variant:${gaz.origins[variant]}`;
  } else {
    id = `new:person:${slug(folded)}`;
    if (!doc.entities.has(id)) doc.entities.set(id, { id, type: 'PERSON', name: { ar: '', en: text }, source: rule });
  }
  doc.mentions.push({ start, end, text, kind: 'name', sentence, tokStart: a, tokEnd: b, entity: id, rule });
  return id;
}
