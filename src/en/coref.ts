// Coreference inside an English document, as in the Arabic coref stage: short names after the full
// name (Blinken → Antony Blinken, Wang → Wang Yi), titles without a name (the Qatari prime minister
// → the holder), and descriptions (the two countries, the two ministers, his country).
import { countryOfEntity, namingEvents, referents, resolveTitles } from '../coref/resolve.js';
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import type { Doc } from '../doc.js';
import { need } from '../doc.js';
import { longestAt, type EnglishLexicons } from './lexicon.js';
import { isFamilyNameFirst, surnames } from './names.js';
import { nameTokens, type EnglishLayer } from './text.js';

export function resolveEnglishCoreference(doc: Doc, gaz: CompiledGazetteer, lex: EnglishLexicons, layer: EnglishLayer): void {
  shortNames(doc, gaz, lex, layer);
  resolveTitles(doc, gaz);
  resolveReferences(doc, gaz, lex);
}

function shortNames(doc: Doc, gaz: CompiledGazetteer, lex: EnglishLexicons, layer: EnglishLayer): void {
  const tokens = need(doc, 'tokens', 'en-coref');
  const sentences = need(doc, 'sentences', 'en-coref');
  const covered = new Uint8Array(tokens.count);
  for (const m of doc.mentions) covered.fill(1, m.tokStart, m.tokEnd);
  for (const r of doc.roles) covered.fill(1, r.titleTokStart, r.titleTokEnd);
  // key (folded short name) → the one person it names, from where the full name was first seen; null when shared.
  const keys = new Map<string, { entity: string; after: number } | null>();
  for (const m of doc.mentions) {
    if (m.kind !== 'name' || doc.entities.get(m.entity)?.type !== 'PERSON' || m.tokEnd - m.tokStart < 2) continue;
    const entry = gaz.byId.get(m.entity);
    const familyFirst = entry !== undefined && isFamilyNameFirst(gaz, entry, lex);
    const raw = nameTokens(m.text).raw;
    for (const s of surnames(raw, lex.particles, familyFirst)) {
      const k = nameTokens(s.join(' ')).folded.join(' ');
      const old = keys.get(k);
      if (old === undefined) keys.set(k, { entity: m.entity, after: m.tokStart });
      else if (old && old.entity !== m.entity) keys.set(k, null);
      else if (old && m.tokStart < old.after) old.after = m.tokStart;
    }
  }
  if (!keys.size) return;
  sentences.forEach((s, si) => {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (covered[i] || !layer.cap[i]) continue;
      const two = i + 1 < s.tokEnd && !covered[i + 1] ? keys.get(`${tokens.norm[i]} ${tokens.norm[i + 1]}`) : undefined;
      const hit = two ?? keys.get(tokens.norm[i]!);
      if (!hit || hit.after > i) continue;
      const endTok = two ? i + 2 : i + 1;
      const start = tokens.start[i]!, end = tokens.end[endTok - 1]!;
      doc.mentions.push({ start, end, text: doc.text.slice(start, end), kind: 'alias', sentence: si, tokStart: i, tokEnd: endTok, entity: hit.entity, rule: 'coref:en-short-name' });
      covered.fill(1, i, endTok);
      i = endTok - 1;
    }
  });
}


/** "his country" → the speaker's country; "the two countries" → the last two countries; "the two ministers" → the last two people. */
function resolveReferences(doc: Doc, gaz: CompiledGazetteer, lex: EnglishLexicons): void {
  const tokens = need(doc, 'tokens', 'en-coref');
  const sentences = need(doc, 'sentences', 'en-coref');
  const events = namingEvents(doc);
  const countryOf = (id: string): string | undefined => countryOfEntity(doc, gaz, id, true);
  sentences.forEach((s, si) => {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      const hit = longestAt(lex.references, tokens.norm, i, s.tokEnd);
      if (!hit) continue;
      const kind = hit.items[0]!;
      const before = events.filter((e) => e.tok < i);
      const entities = referents(doc, kind, before, countryOf);
      if (!entities.length) continue;
      const start = tokens.start[i]!, end = tokens.end[hit.end - 1]!;
      const text = doc.text.slice(start, end);
      doc.references.push({ tokStart: i, tokEnd: hit.end, sentence: si, entities, start, end, text, rule: `coref:en-${kind}` });
      if (entities.length === 1) doc.mentions.push({ start, end, text, kind: 'pronoun', sentence: si, tokStart: i, tokEnd: hit.end, entity: entities[0]!, rule: `coref:en-${kind}` });
      i = hit.end - 1;
    }
  });
}
