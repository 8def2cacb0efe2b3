// English title phrases (lexicons/en/roles.json): "Qatari Foreign Minister Mohammed bin
// Abdulrahman Al Thani", "Russia's foreign minister, Sergei Lavrov", "Antony Blinken, the U.S.
// secretary of state", "the Secretary-General of the United Nations", "his American counterpart".
// Each gives a RoleLink (person, role, of) like the Arabic titles stage.
import type { CompiledGazetteer } from '../gazetteer/compile.js';
import type { Doc, Mention, RoleLink } from '../doc.js';
import { need } from '../doc.js';
import { longestAt, type EnglishLexicons } from './lexicon.js';
import type { PersonIndex } from './names.js';
import { addPerson, nameSpan } from './people.js';
import type { EnglishLayer } from './text.js';

const isBody = (doc: Doc, id: string): boolean => {
  const t = doc.entities.get(id)?.type;
  return t === 'COUNTRY' || t === 'ORGANIZATION';
};

export function findEnglishTitles(doc: Doc, gaz: CompiledGazetteer, names: PersonIndex, lex: EnglishLexicons, layer: EnglishLayer): void {
  const tokens = need(doc, 'tokens', 'en-titles');
  const sentences = need(doc, 'sentences', 'en-titles');
  const consumed = (doc.consumed ??= new Uint8Array(tokens.count));
  const startAt = new Map<number, Mention>();
  const endAt = new Map<number, Mention>();
  const covered = new Uint8Array(tokens.count);
  for (const m of doc.mentions) {
    startAt.set(m.tokStart, m);
    endAt.set(m.tokEnd, m);
    covered.fill(1, m.tokStart, m.tokEnd);
  }
  const norm = tokens.norm;
  sentences.forEach((s, si) => {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (covered[i]) continue;
      const t = longestAt(lex.roles, norm, i, s.tokEnd);
      if (!t) continue;
      const role = t.items[0]!;
      let titleStart = i;
      let e = t.end;
      let of: string | undefined;
      // Before: "Qatari", "U.S.", "Russia's", "UN", "Hamas".
      const pre = norm[i - 1] === "'s" ? endAt.get(i - 1) : endAt.get(i);
      if (pre && pre.sentence === si && (pre.kind === 'nisba' || isBody(doc, pre.entity))) {
        of = pre.entity;
        titleStart = pre.tokStart;
      }
      // After: "of Qatar", "of the United Nations".
      if (!of && norm[e] === 'of') {
        const q = norm[e + 1] === 'the' ? e + 2 : e + 1;
        const comp = startAt.get(q);
        if (comp && comp.sentence === si && isBody(doc, comp.entity)) {
          of = comp.entity;
          e = comp.tokEnd;
        }
      }
      of ??= role.of;
      const titleEnd = e;
      // The person: right after the title (honorifics between) …
      let p = e;
      const h = p < s.tokEnd ? longestAt(lex.honorifics, norm, p, s.tokEnd) : null;
      if (h) p = h.end;
      let person: string | undefined;
      let unitStart = titleStart, unitEnd = titleEnd;
      const after = startAt.get(p);
      if (after && doc.entities.get(after.entity)?.type === 'PERSON') {
        person = after.entity;
        unitEnd = after.tokEnd;
      } else if (!after && p < s.tokEnd && layer.cap[p]) {
        const b = nameSpan(tokens, layer, lex, p, s.tokEnd, (k) => covered[k] === 1);
        // "Abdel-Fattah al-Sisi" where only "Sisi" was matched: the first names belong to that person.
        let q = b;
        while (q < s.tokEnd && lex.particles.has(tokens.norm[q]!)) q++;
        const tail = startAt.get(q);
        if (q > p && tail && tail.kind === 'alias' && doc.entities.get(tail.entity)?.type === 'PERSON') {
          person = tail.entity;
          unitEnd = tail.tokEnd;
        }
      }
      if (!person && !after && p < s.tokEnd && layer.cap[p]) {
        const b = nameSpan(tokens, layer, lex, p, s.tokEnd, (k) => covered[k] === 1);
        // One word is a name only after a title that says whose office it is ("Qatar's emir, Tamim").
        if (b - p >= 2 || (b - p === 1 && of !== undefined && layer.pos[p] === 'PROPN')) {
          person = addPerson(doc, gaz, names, p, b, si, of, 'rule:en-title-person');
          covered.fill(1, p, b);
          const m = doc.mentions[doc.mentions.length - 1]!;
          startAt.set(m.tokStart, m);
          endAt.set(m.tokEnd, m);
          unitEnd = b;
        }
      }
      // … or before it: "Sergei Lavrov, Russia's foreign minister" / "Blinken, the U.S. secretary of state".
      if (!person) {
        let b = titleStart - 1;
        while (b > s.tokStart && lex.determiners.has(norm[b]!)) b--;
        if (norm[b] === ',') {
          const before = endAt.get(b);
          if (before && before.sentence === si && doc.entities.get(before.entity)?.type === 'PERSON') {
            person = before.entity;
            unitStart = before.tokStart;
          }
        }
      }
      if (!person && !of && role.key !== 'counterpart') continue;
      for (let k = titleStart; k < titleEnd; k++) consumed[k] = 1;
      const link: RoleLink = {
        role: role.key,
        titleTokStart: titleStart,
        titleTokEnd: titleEnd,
        unitTokStart: unitStart,
        unitTokEnd: unitEnd,
        sentence: si,
        start: tokens.start[titleStart]!,
        end: tokens.end[titleEnd - 1]!,
        coreEnd: tokens.end[t.end - 1]!,
        rule: `title:en:${role.phrase}`,
      };
      if (of) link.of = of;
      if (person) link.person = person;
      doc.roles.push(link);
      covered.fill(1, titleStart, titleEnd);
      i = titleEnd - 1;
    }
  });
  chainTitles(doc.roles, tokens.norm);
}

/** "Prime Minister and Foreign Minister Sheikh Mohammed …": titles joined by "and" hold the same person, and share whose office. */
function chainTitles(links: RoleLink[], norm: readonly string[]): void {
  for (let k = links.length - 2; k >= 0; k--) {
    const a = links[k]!, b = links[k + 1]!;
    if (a.sentence !== b.sentence || (norm[a.titleTokEnd] !== 'and' && norm[a.titleTokEnd] !== ',') || a.titleTokEnd + 1 !== b.titleTokStart) continue;
    if (!a.person && b.person) {
      a.person = b.person;
      a.unitTokEnd = b.unitTokEnd;
    }
    if (a.of && !b.of) b.of = a.of;
    else if (b.of && !a.of) a.of = b.of;
  }
}
