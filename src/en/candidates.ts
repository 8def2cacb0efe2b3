// Candidate people, organizations and places from compromise, for names no gazetteer lists. A
// candidate is trimmed to its capitalised name words (no "the", no title: "Minister Mohammed …"
// → "Mohammed …"), must not overlap a mention or title already found, and gets a `new:` id (a
// person may still be a spelling variant of a listed one).
import { createRequire } from 'node:module';
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import type { EntityType } from '../gazetteer/schema.js';
import type { Doc } from '../doc.js';
import { need } from '../doc.js';
import { TokenKind } from '../text/tokenize.js';
import { longestAt, type EnglishLexicons } from './lexicon.js';
import { surnames, type PersonIndex } from './names.js';
import { addPerson, slug } from './people.js';
import { nameTokens, type EnglishLayer } from './text.js';

interface Offset {
  offset?: { start: number; length: number };
}

export type Compromise = typeof import('compromise').default;

/** compromise takes about 0.8 s to import: it is loaded only when an English pipeline is built. */
export function loadCompromise(): Compromise {
  return createRequire(import.meta.url)('compromise') as Compromise;
}

export function addCompromiseCandidates(nlp: Compromise, doc: Doc, gaz: CompiledGazetteer, names: PersonIndex, lex: EnglishLexicons, layer: EnglishLayer): void {
  const tokens = need(doc, 'tokens', 'en-candidates');
  const tokenSentence = need(doc, 'tokenSentence', 'en-candidates');
  const covered = new Uint8Array(tokens.count);
  for (const m of doc.mentions) covered.fill(1, m.tokStart, m.tokEnd);
  for (const r of doc.roles) covered.fill(1, r.titleTokStart, r.titleTokEnd);
  // "Al Thani" after "Mohammed bin Abdulrahman Al Thani" is his short name (coref), not a new person.
  const shortNames = new Set<string>();
  for (const m of doc.mentions) {
    if (doc.entities.get(m.entity)?.type !== 'PERSON' || m.tokEnd - m.tokStart < 2) continue;
    for (const s of surnames(nameTokens(m.text).raw, lex.particles, false)) shortNames.add(nameTokens(s.join(' ')).folded.join(' '));
    shortNames.add(tokens.norm[m.tokStart]!);
  }
  // compromise is the slow part of the English pipeline: it reads only sentences with a capitalised word nothing else explained.
  const groups: [EntityType, { start: number; end: number }[]][] = [['PERSON', []], ['ORGANIZATION', []], ['LOCATION', []]];
  for (const s of need(doc, 'sentences', 'en-candidates')) {
    let open = false;
    for (let k = s.tokStart; k < s.tokEnd && !open; k++) {
      const w = tokens.norm[k]!;
      open = layer.cap[k] === 1 && !covered[k] && tokens.kind[k] === TokenKind.LatinWord && !lex.notNames.has(w) && !shortNames.has(w) && !lex.particles.has(w) && (k > s.tokStart || layer.pos[k] === 'PROPN');
    }
    if (!open) continue;
    const view = nlp(doc.text.slice(s.start, s.end));
    const found = [view.people(), view.organizations(), view.places()];
    found.forEach((v, g) => {
      for (const f of v.json({ offset: true }) as Offset[]) if (f.offset) groups[g]![1].push({ start: s.start + f.offset.start, end: s.start + f.offset.start + f.offset.length });
    });
  }
  for (const [type, found] of groups) {
    for (const f of found) {
      const span = tokenRange(tokens.start, tokens.end, f.start, f.end);
      if (!span) continue;
      let [a, b] = span;
      // Trim: determiners, titles and honorifics before; punctuation and 's after.
      for (;;) {
        if (a >= b) break;
        const t = lex.determiners.has(tokens.norm[a]!) ? a + 1 : (longestAt(lex.roles, tokens.norm, a, b)?.end ?? longestAt(lex.honorifics, tokens.norm, a, b)?.end ?? a);
        if (t === a) break;
        a = t;
      }
      while (b > a && (tokens.kind[b - 1] !== TokenKind.LatinWord || tokens.norm[b - 1] === "'s")) b--;
      if (b <= a || !layer.cap[a] || !layer.cap[b - 1]) continue;
      let ok = tokenSentence[a] === tokenSentence[b - 1];
      for (let k = a; k < b && ok; k++) ok = !covered[k] && (layer.cap[k] === 1 || lex.particles.has(tokens.norm[k]!)) && !lex.notNames.has(tokens.norm[k]!);
      if (!ok || shortNames.has(tokens.norm.slice(a, b).join(' '))) continue;
      const sentence = tokenSentence[a]!;
      if (type === 'PERSON') {
        if (b - a < 2) continue;
        addPerson(doc, gaz, names, a, b, sentence, undefined, 'rule:en-compromise-person');
      } else {
        const prefix = type === 'ORGANIZATION' ? 'org' : 'location';
        const id = `new:${prefix}:${slug(tokens.norm.slice(a, b))}`;
        const start = tokens.start[a]!, end = tokens.end[b - 1]!;
        const text = doc.text.slice(start, end);
        if (!doc.entities.has(id)) doc.entities.set(id, { id, type, name: { ar: '', en: text }, source: `rule:en-compromise-${prefix}` });
        doc.mentions.push({ start, end, text, kind: 'name', sentence, tokStart: a, tokEnd: b, entity: id, rule: `rule:en-compromise-${prefix}` });
      }
      covered.fill(1, a, b);
    }
  }
}

/** Tokens [a, b) lying inside the character span [s, e); null when none. */
function tokenRange(starts: Int32Array, ends: Int32Array, s: number, e: number): [number, number] | null {
  let lo = 0, hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  let b = lo;
  while (b < starts.length && ends[b]! <= e) b++;
  return b > lo ? [lo, b] : null;
}
