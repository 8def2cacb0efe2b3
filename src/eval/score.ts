// The scoring of ../shared/eval/score.mjs, written in the project (shabaka eval): named-entity
// mentions strict and relaxed, and entity-level relation tuples after mapping predicted entities
// onto gold entities. tests/eval.test.ts checks that both agree on the dev set.

const SYMMETRIC = new Set(['MET_WITH', 'COOPERATES_WITH', 'AT_WAR_WITH', 'NEGOTIATES_WITH']);
const STATIVE = new Set(['HOLDS_ROLE', 'MEMBER_OF']);
const PROCLITIC = /^[وفبلكس]{1,2}ـ?$/u;
const NAME_KINDS = new Set(['name', 'alias']);

export interface Span {
  start: number;
  end: number;
  kind?: string;
}
export interface GoldDoc {
  id: string;
  text: string;
  entities: { id: string; type: string; name: string; also?: string[]; mentions: Span[] }[];
  relations: { type: string; args: [string, string]; optional?: boolean }[];
}
export interface PredDoc {
  id?: string;
  document?: { id: string };
  entities?: { id: string; type: string; name?: string | { en?: string | undefined }; mentions?: Span[] }[];
  relations?: { type: string; source: string; target: string }[];
}
export interface PRF {
  tp: number;
  pred: number;
  gold: number;
  p: number;
  r: number;
  f1: number;
}
export interface Summary {
  micro: PRF;
  per: Record<string, PRF>;
}
export interface ScoreResult {
  docs: number;
  missingDocs: string[];
  ner: { strict: Summary; relaxed: Summary };
  relations: Summary;
  events: PRF;
  detail: string[];
}

type Counts = Record<string, { tp: number; np: number; ng: number }>;
interface TypedSpan extends Span {
  type: string;
}

const overlap = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
function strictSame(a: Span, b: Span, text: string): boolean {
  if (a.end !== b.end) return false;
  if (a.start === b.start) return true;
  const [lo, hi] = a.start < b.start ? [a.start, b.start] : [b.start, a.start];
  return PROCLITIC.test(text.slice(lo, hi));
}
const normName = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
const prf = (tp: number, np: number, ng: number): PRF => {
  const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
  return { tp, pred: np, gold: ng, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

function matchMentions(gold: TypedSpan[], pred: TypedSpan[], same: (a: TypedSpan, b: TypedSpan) => boolean): number {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    const k = pred.findIndex((p, i) => !used.has(i) && p.type === g.type && same(p, g));
    if (k >= 0) {
      used.add(k);
      tp++;
    }
  }
  return tp;
}

export function score(goldDocs: readonly GoldDoc[], predDocs: readonly PredDoc[]): ScoreResult {
  const preds = new Map(predDocs.map((d) => [d.document?.id ?? d.id, d]));
  const ner = { strict: {} as Counts, relaxed: {} as Counts };
  const rel: Counts = {};
  const missingDocs: string[] = [];
  const detail: string[] = [];
  const bump = (o: Counts, k: string, tp: number, np: number, ng: number): void => {
    const c = (o[k] ??= { tp: 0, np: 0, ng: 0 });
    c.tp += tp;
    c.np += np;
    c.ng += ng;
  };
  for (const g of goldDocs) {
    const p = preds.get(g.id);
    if (!p) missingDocs.push(g.id);
    const pEntities = p?.entities ?? [], pRelations = p?.relations ?? [];
    const gm = g.entities.flatMap((e) => e.mentions.filter((m) => !m.kind || m.kind === 'name').map((m) => ({ ...m, type: e.type })));
    const pm = pEntities.flatMap((e) => (e.mentions ?? []).filter((m) => NAME_KINDS.has(m.kind ?? 'name')).map((m) => ({ ...m, type: e.type })));
    for (const type of new Set([...gm, ...pm].map((m) => m.type))) {
      const G = gm.filter((m) => m.type === type), P = pm.filter((m) => m.type === type);
      bump(ner.strict, type, matchMentions(G, P, (a, b) => strictSame(a, b, g.text)), P.length, G.length);
      bump(ner.relaxed, type, matchMentions(G, P, overlap), P.length, G.length);
    }
    const goldById = new Map(g.entities.map((e) => [e.id, e]));
    const map = new Map<string, string | null>();
    for (const e of pEntities) {
      let best: string | null = null, bestN = 0;
      for (const ge of g.entities) {
        const n = (e.mentions ?? []).filter((m) => ge.mentions.some((x) => overlap(m, x))).length;
        if (n > bestN) {
          best = ge.id;
          bestN = n;
        }
      }
      if (!best) {
        const en = typeof e.name === 'string' ? e.name : e.name?.en;
        best = g.entities.find((ge) => normName(ge.name) && normName(ge.name) === normName(en))?.id ?? null;
      }
      map.set(e.id, best);
    }
    const key = (type: string, a: string, b: string): string => `${type}|${SYMMETRIC.has(type) ? [a, b].sort().join('|') : `${a}|${b}`}`;
    const goldReq = new Map<string, GoldDoc['relations'][number]>(), goldOpt = new Set<string>();
    for (const r of g.relations) {
      if (r.optional) goldOpt.add(key(r.type, ...r.args));
      else goldReq.set(key(r.type, ...r.args), r);
    }
    for (const k of goldReq.keys()) goldOpt.delete(k);
    const cands = (id: string | null | undefined): string[] => (id ? [id, ...(goldById.get(id)?.also ?? [])] : []);
    const predKeys = new Map<string, { type: string }>();
    for (const r of pRelations) {
      const s = map.get(r.source), t = map.get(r.target);
      const options = cands(s).flatMap((a) => cands(t).map((b) => key(r.type, a, b)));
      const hit = options.find((k) => goldReq.has(k)) ?? options.find((k) => goldOpt.has(k));
      const k = hit ?? key(r.type, s ?? `?${r.source}`, t ?? `?${r.target}`);
      if (!predKeys.has(k)) predKeys.set(k, r);
    }
    const types = new Set([...[...goldReq.values()].map((r) => r.type), ...[...predKeys.values()].map((r) => r.type)]);
    for (const type of types) {
      const P = [...predKeys.keys()].filter((k) => k.startsWith(type + '|') && !goldOpt.has(k));
      const G = [...goldReq.keys()].filter((k) => k.startsWith(type + '|'));
      const tp = P.filter((k) => goldReq.has(k)).length;
      bump(rel, type, tp, P.length, G.length);
      for (const k of G) if (!predKeys.has(k)) detail.push(`${g.id}\tmissed\t${k}`);
      for (const k of P) if (!goldReq.has(k)) detail.push(`${g.id}\tspurious\t${k}`);
    }
  }
  const summarize = (o: Counts): Summary => {
    const per = Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, prf(v.tp, v.np, v.ng)]));
    const all = Object.values(o).reduce((a, v) => ({ tp: a.tp + v.tp, np: a.np + v.np, ng: a.ng + v.ng }), { tp: 0, np: 0, ng: 0 });
    return { micro: prf(all.tp, all.np, all.ng), per };
  };
  const events = Object.fromEntries(Object.entries(rel).filter(([t]) => !STATIVE.has(t)));
  return { docs: goldDocs.length, missingDocs, ner: { strict: summarize(ner.strict), relaxed: summarize(ner.relaxed) }, relations: summarize(rel), events: summarize(events).micro, detail };
}

/** The report lines of score.mjs. */
export function formatScore(res: ScoreResult): string {
  const lines: string[] = [];
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  const row = (name: string, m: PRF): void => {
    lines.push(`${name.padEnd(22)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f1)}   (tp ${m.tp}, pred ${m.pred}, gold ${m.gold})`);
  };
  if (res.missingDocs.length) lines.push(`missing predictions for ${res.missingDocs.length} docs: ${res.missingDocs.slice(0, 5).join(', ')}`);
  for (const mode of ['strict', 'relaxed'] as const) {
    for (const [t, m] of Object.entries(res.ner[mode].per)) row(`ner.${mode}.${t}`, m);
    row(`ner.${mode}.micro`, res.ner[mode].micro);
  }
  for (const [t, m] of Object.entries(res.relations.per)) row(`rel.${t}`, m);
  row('rel.micro', res.relations.micro);
  row('rel.interactions.micro', res.events);
  return lines.join('\n');
}
