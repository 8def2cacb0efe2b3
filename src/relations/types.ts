// Argument type constraints of CONTRACT.md; a capital in an actor slot stands for its country.
import type { Doc } from '../doc.js';
import type { Binding } from './patterns.js';

const ACTOR = new Set(['PERSON', 'COUNTRY', 'ORGANIZATION']);

export function checkTypes(type: string, b: Binding, doc: Doc): Binding | null {
  const actor = (id: string): string | null => {
    const e = doc.entities.get(id);
    if (!e) return null;
    if (ACTOR.has(e.type)) return id;
    // موسكو for Russia: the country when the document names it, else the capital itself.
    if (e.standsFor) return doc.entities.has(e.standsFor) ? e.standsFor : id;
    return null;
  };
  const place = (id: string): string | null => {
    const t = doc.entities.get(id)?.type;
    return t === 'COUNTRY' || t === 'LOCATION' ? id : null;
  };
  let s: string | null = null, t: string | null = null;
  switch (type) {
    case 'VISITS':
      // A state does not travel: "قادرة على الوصول إلى المملكة المتحدة" (missiles), "غادر مهاجر
      // إسرائيل إلى رواندا", "الانضمام إلى معسكر المنتخب … ألمانيا، قبل التوجه إلى روسيا": the
      // visitor is a person or a body (a delegation, an organization).
      s = actor(b.source);
      if (s !== null && doc.entities.get(s)?.type === 'COUNTRY') s = null;
      t = place(b.target);
      break;
    case 'AT_WAR_WITH':
      s = actor(b.source);
      t = actor(b.target) ?? place(b.target);
      break;
    case 'MEMBER_OF':
      s = doc.entities.get(b.source)?.type === 'PERSON' ? null : actor(b.source);
      t = doc.entities.get(b.target)?.type === 'ORGANIZATION' ? b.target : null;
      break;
    default:
      // "رفضت بيونغ يانغ مطالب واشنطن": a capital the patterns took for an actor stands for its state.
      s = actor(b.source);
      t = actor(b.target);
  }
  if (!s || !t || s === t) return null;
  return { ...b, source: s, target: t };
}
