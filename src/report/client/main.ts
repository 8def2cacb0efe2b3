/// <reference lib="dom" />
// The report page: reads the embedded data, draws the graph with sigma, wires the filters,
// the entity table and the evidence panel. Pure logic lives in view.ts, layout.ts,
// segments.ts and search.ts; this file only touches the DOM.
import { MultiGraph } from 'graphology';
import { Sigma } from 'sigma';
import type { ReportData, ReportEvidence, ReportRelation } from '../model.js';
import { byId, dirOf, fill, h } from './dom.js';
import { forceLayout } from './layout.js';
import { entityColor, relationColor } from './palette.js';
import { searchKey } from './search.js';
import { segments } from './segments.js';
import { selectView, type Filters, type View } from './view.js';

const TABLE_ROWS = 300;
const ENTITY_RELATIONS_SHOWN = 200;

/** What the browser test (and a curious user in the console) can ask the page. */
export interface ReportApi {
  ready: boolean;
  drawn(): { nodes: string[]; edges: string[] };
  /** Page coordinates of the middle of a drawn edge. */
  edgePoint(key: string): { x: number; y: number } | null;
  /** The drawn edge whose middle lies farthest from nodes and other edges: the safest to click. */
  clickableEdge(): { key: string; x: number; y: number } | null;
  showRelation(key: string): void;
  setFilters(f: Partial<Pick<Filters, 'document' | 'maxNodes' | 'connectedOnly' | 'focus'>> & { relationTypes?: string[]; entityTypes?: string[] }): void;
}

declare global {
  interface Window {
    shabakaReport?: ReportApi;
  }
}

function start(): void {
  const data = JSON.parse(byId('shabaka-data').textContent ?? '{}') as ReportData;
  const entityIndex = new Map(data.entities.map((e, i) => [e.id, i]));
  const relationIndex = new Map(data.relations.map((r, i) => [r.key, i]));
  const relationsOf: number[][] = data.entities.map(() => []);
  data.relations.forEach((r, i) => {
    relationsOf[r.s]!.push(i);
    if (r.t !== r.s) relationsOf[r.t]!.push(i);
  });

  const filters: Filters = {
    relationTypes: new Set(data.relationTypes),
    entityTypes: new Set(data.entityTypes),
    document: null,
    maxNodes: 150,
    connectedOnly: true,
    focus: null,
  };

  // ---- header and filters ----
  const s = data.stats;
  byId('stats').textContent =
    `${s.documents} documents · ${s.entities} entities · ${s.relations} relations` +
    (s.failed ? ` · ${s.failed} failed` : '') +
    (s.skipped ? ` · ${s.skipped} skipped` : '');
  if (data.warnings.length) {
    byId('warnings').append(
      h('details', {}, h('summary', {}, `${data.warnings.length} warning(s) while building the report`), h('ul', {}, ...data.warnings.slice(0, 50).map((w) => h('li', {}, w)))),
    );
  }

  const countBy = <T>(xs: readonly T[], k: (x: T) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(k(x), (m.get(k(x)) ?? 0) + 1);
    return m;
  };
  const typeList = (host: HTMLElement, types: readonly string[], counts: Map<string, number>, color: (t: string) => string, set: Set<string>): void => {
    for (const t of types) {
      const box = h('input', { type: 'checkbox', checked: true, value: t, 'data-type': t });
      box.addEventListener('change', () => {
        if (box.checked) set.add(t);
        else set.delete(t);
        redraw();
      });
      host.append(h('label', { class: 'type' }, box, h('span', { class: 'swatch', style: `background:${color(t)}` }), ` ${t} `, h('small', {}, String(counts.get(t) ?? 0))));
    }
  };
  typeList(byId('relation-types'), data.relationTypes, countBy(data.relations, (r) => r.type), relationColor, filters.relationTypes as Set<string>);
  typeList(byId('entity-types'), data.entityTypes, countBy(data.entities, (e) => e.type), entityColor, filters.entityTypes as Set<string>);

  const docSelect = byId<HTMLSelectElement>('document');
  // Only documents with a relation are offered: at corpus scale (30,000 documents) a full list
  // costs a second to build and the others would draw nothing but lone nodes.
  const withRelations = new Set(data.relations.flatMap((r) => r.docs));
  docSelect.append(h('option', { value: '' }, `All documents (${withRelations.size} with relations)`));
  const options = document.createDocumentFragment();
  data.documents.forEach((d, i) => {
    if (withRelations.has(i)) options.append(h('option', { value: String(i) }, d.source ? `${d.id} — ${d.source}` : d.id));
  });
  docSelect.append(options);
  docSelect.addEventListener('change', () => {
    filters.document = docSelect.value === '' ? null : Number(docSelect.value);
    filters.focus = null;
    redraw();
  });
  const maxInput = byId<HTMLInputElement>('max-nodes');
  maxInput.value = String(filters.maxNodes);
  maxInput.addEventListener('change', () => {
    const n = Number(maxInput.value);
    if (Number.isInteger(n) && n >= 1) filters.maxNodes = n;
    redraw();
  });
  const connected = byId<HTMLInputElement>('connected-only');
  connected.checked = filters.connectedOnly;
  connected.addEventListener('change', () => {
    filters.connectedOnly = connected.checked;
    redraw();
  });
  byId('reset').addEventListener('click', () => {
    filters.focus = null;
    filters.document = null;
    docSelect.value = '';
    redraw();
    void sigma.getCamera().reset({ duration: 300 });
  });

  // ---- graph ----
  const graph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  const container = byId('graph');
  const sigma = new Sigma(graph, container, {
    settings: { enableEdgeEvents: true, renderEdgeLabels: false, labelRenderedSizeThreshold: 7, minEdgeThickness: 1.5, edgePickingPadding: 4, labelDensity: 0.5 },
  });
  const positions = new Map<number, readonly [number, number]>();
  let view: View = { nodes: [], edges: [], matchingNodes: 0, matchingEdges: 0 };
  let selectedEdge: string | null = null;

  function redraw(): void {
    view = selectView(data, filters);
    const local = new Map(view.nodes.map((e, i) => [e, i]));
    const startPos = new Map<number, readonly [number, number]>();
    view.nodes.forEach((e, i) => {
      const p = positions.get(e);
      if (p) startPos.set(i, p);
    });
    const pos = forceLayout({
      n: view.nodes.length,
      edges: view.edges.map((r) => [local.get(data.relations[r]!.s)!, local.get(data.relations[r]!.t)!] as const),
      start: startPos,
    });
    graph.clear();
    const maxMentions = Math.max(1, ...view.nodes.map((e) => data.entities[e]!.mentions));
    view.nodes.forEach((e, i) => {
      const ent = data.entities[e]!;
      const x = pos[2 * i]!;
      const y = pos[2 * i + 1]!;
      positions.set(e, [x, y]);
      graph.addNode(ent.id, {
        x,
        y,
        size: 2.5 + (view.nodes.length > 100 ? 4 : 9) * Math.sqrt(ent.mentions / maxMentions),
        color: entityColor(ent.type),
        // Canvas labels are drawn glyph by glyph, which would break Arabic joining: English here, Arabic in the panels.
        label: ent.en || ent.id,
        zIndex: filters.focus === e ? 2 : 1,
      });
    });
    for (const r of view.edges) {
      const rel = data.relations[r]!;
      graph.addDirectedEdgeWithKey(rel.key, data.entities[rel.s]!.id, data.entities[rel.t]!.id, {
        size: rel.key === selectedEdge ? 5 : edgeSize(rel.count),
        color: rel.key === selectedEdge ? '#000000' : relationColor(rel.type),
      });
    }
    byId('drawn').textContent =
      `Drawn: ${view.nodes.length} of ${view.matchingNodes} entities, ${view.edges.length} of ${view.matchingEdges} relations` +
      (view.matchingNodes > view.nodes.length ? ' (the most mentioned; find the others in the table)' : '');
    byId('empty').hidden = view.nodes.length > 0;
  }

  function markEdge(key: string | null): void {
    if (selectedEdge && graph.hasEdge(selectedEdge)) {
      const old = data.relations[relationIndex.get(selectedEdge)!]!;
      graph.mergeEdgeAttributes(selectedEdge, { size: edgeSize(old.count), color: relationColor(old.type) });
    }
    selectedEdge = key;
    if (key && graph.hasEdge(key)) graph.mergeEdgeAttributes(key, { size: 5, color: '#000000' });
  }

  // ---- details panel ----
  const details = byId('details');
  const entityName = (i: number, role?: 's' | 't'): HTMLElement => {
    const e = data.entities[i]!;
    return h(
      'span',
      { class: `entity${role ? ` role-${role}` : ''}` },
      h('span', { class: 'swatch', style: `background:${entityColor(e.type)}` }),
      h('bdi', { lang: 'ar', dir: 'rtl' }, e.ar),
      ' ',
      h('span', { class: 'en' }, `(${e.en})`),
    );
  };

  function evidenceItem(ev: ReportEvidence): HTMLElement {
    const doc = data.documents[ev.doc];
    const marks = ev.args.map(([a, b, role]) => ({ start: a, end: b, cls: `arg-${role}` }));
    if (ev.trigger) marks.push({ start: ev.trigger[0], end: ev.trigger[1], cls: 'trigger' });
    const sentence = h('p', { class: 'sentence', lang: doc?.lang ?? 'ar', dir: dirOf(doc?.lang ?? 'ar') });
    for (const seg of segments(ev.text, marks)) sentence.append(seg.classes.length ? h('mark', { class: seg.classes.join(' ') }, seg.text) : seg.text);
    const meta = [doc?.id ?? '?', doc?.source, doc?.published, `${ev.start}–${ev.end}`].filter(Boolean).join(' · ');
    return h('li', { class: 'evidence' }, h('div', { class: 'meta' }, meta), sentence);
  }

  function showRelation(r: number): void {
    const rel: ReportRelation = data.relations[r]!;
    markEdge(rel.key);
    const attrs = Object.entries(rel.attributes).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
    fill(details,
      h('h2', {}, h('span', { class: 'rtype', style: `border-color:${relationColor(rel.type)}` }, rel.type)),
      h('p', { class: 'args' }, entityName(rel.s, 's'), h('span', { class: 'arrow' }, rel.symmetric ? ' ↔ ' : ' → '), entityName(rel.t, 't')),
      h('p', { class: 'meta' }, `${rel.count} time(s) in ${rel.docs.length} document(s)`, attrs.length ? ` · ${attrs.join(' · ')}` : ''),
      h(
        'p',
        { class: 'legend' },
        h('mark', { class: 'trigger' }, 'trigger'),
        ' ',
        h('mark', { class: 'arg-s' }, 'source'),
        ' ',
        h('mark', { class: 'arg-t' }, 'target'),
      ),
      h('ol', { id: 'evidence', 'data-relation': rel.key }, ...rel.evidence.map(evidenceItem)),
      rel.count > rel.evidence.length ? h('p', { class: 'meta' }, `Showing ${rel.evidence.length} of ${rel.count} evidence spans (the corpus graph keeps the first ones).`) : null,
    );
  }

  function showEntity(i: number): void {
    const e = data.entities[i]!;
    const rels = relationsOf[i]!.slice().sort((a, b) => data.relations[b]!.count - data.relations[a]!.count);
    fill(details,
      h('h2', {}, entityName(i)),
      h('p', { class: 'meta' }, `${e.type} · ${e.id} · ${e.mentions} mention(s) in ${e.docs.length} document(s)`),
      h(
        'ul',
        { class: 'relations' },
        ...rels.slice(0, ENTITY_RELATIONS_SHOWN).map((r) => {
          const rel = data.relations[r]!;
          const other = rel.s === i ? rel.t : rel.s;
          const a = h('a', { href: '#', 'data-relation': rel.key }, h('span', { class: 'rtype', style: `border-color:${relationColor(rel.type)}` }, rel.type), ' ', rel.s === i ? '→ ' : '← ', entityName(other), ` ×${rel.count}`);
          a.addEventListener('click', (ev) => {
            ev.preventDefault();
            showRelation(r);
          });
          return h('li', {}, a);
        }),
      ),
      rels.length > ENTITY_RELATIONS_SHOWN ? h('p', { class: 'meta' }, `… and ${rels.length - ENTITY_RELATIONS_SHOWN} more`) : null,
      rels.length === 0 ? h('p', { class: 'meta' }, 'No relation.') : null,
    );
  }

  function focusEntity(i: number): void {
    filters.focus = i;
    redraw();
    showEntity(i);
    const id = data.entities[i]!.id;
    const d = sigma.getNodeDisplayData(id);
    if (d) void sigma.getCamera().animate({ x: d.x, y: d.y, ratio: 0.5 }, { duration: 400 });
  }

  sigma.on('clickEdge', ({ edge }) => {
    const r = relationIndex.get(edge);
    if (r !== undefined) showRelation(r);
  });
  sigma.on('clickNode', ({ node }) => {
    const i = entityIndex.get(node);
    if (i !== undefined) showEntity(i);
  });

  // ---- entity table ----
  const degree = relationsOf.map((rs) => rs.length);
  const keys = data.entities.map((e) => searchKey(`${e.ar} ${e.en} ${e.id}`));
  const search = byId<HTMLInputElement>('search');
  const tbody = byId('entity-rows');
  const note = byId('table-note');
  type SortKey = 'ar' | 'en' | 'type' | 'mentions' | 'docs' | 'relations';
  let sortKey: SortKey = 'mentions';
  const compare: Record<SortKey, (a: number, b: number) => number> = {
    ar: (a, b) => data.entities[a]!.ar.localeCompare(data.entities[b]!.ar, 'ar'),
    en: (a, b) => data.entities[a]!.en.localeCompare(data.entities[b]!.en, 'en'),
    type: (a, b) => data.entities[a]!.type.localeCompare(data.entities[b]!.type),
    mentions: (a, b) => data.entities[b]!.mentions - data.entities[a]!.mentions,
    docs: (a, b) => data.entities[b]!.docs.length - data.entities[a]!.docs.length,
    relations: (a, b) => degree[b]! - degree[a]!,
  };
  function renderTable(): void {
    const q = searchKey(search.value.trim());
    const rows: number[] = [];
    keys.forEach((k, i) => {
      if (!q || k.includes(q)) rows.push(i);
    });
    rows.sort((a, b) => compare[sortKey](a, b) || a - b);
    tbody.replaceChildren(
      ...rows.slice(0, TABLE_ROWS).map((i) => {
        const e = data.entities[i]!;
        const tr = h(
          'tr',
          { 'data-entity': e.id },
          h('td', { lang: 'ar', dir: 'rtl', class: 'ar' }, e.ar),
          h('td', {}, e.en),
          h('td', {}, h('span', { class: 'swatch', style: `background:${entityColor(e.type)}` }), ` ${e.type}`),
          h('td', { class: 'num' }, String(e.mentions)),
          h('td', { class: 'num' }, String(e.docs.length)),
          h('td', { class: 'num' }, String(degree[i])),
        );
        tr.addEventListener('click', () => focusEntity(i));
        return tr;
      }),
    );
    note.textContent = rows.length > TABLE_ROWS ? `${TABLE_ROWS} of ${rows.length} entities shown: refine the search to see the others.` : `${rows.length} entities.`;
  }
  search.addEventListener('input', renderTable);
  document.querySelectorAll<HTMLElement>('th[data-sort]').forEach((th) => {
    th.addEventListener('click', () => {
      sortKey = th.dataset['sort'] as SortKey;
      renderTable();
    });
  });

  // ---- API for tests ----
  const pageOffset = (): { left: number; top: number } => {
    const r = container.getBoundingClientRect();
    return { left: r.left, top: r.top };
  };
  const viewportOf = (node: string): { x: number; y: number } => {
    const a = graph.getNodeAttributes(node) as { x: number; y: number };
    return sigma.graphToViewport({ x: a.x, y: a.y });
  };
  const api: ReportApi = {
    ready: false,
    drawn: () => ({ nodes: graph.nodes(), edges: graph.edges() }),
    edgePoint(key) {
      if (!graph.hasEdge(key)) return null;
      const a = viewportOf(graph.source(key));
      const b = viewportOf(graph.target(key));
      const o = pageOffset();
      return { x: o.left + (a.x + b.x) / 2, y: o.top + (a.y + b.y) / 2 };
    },
    clickableEdge() {
      const nodes = graph.nodes().map((n) => ({ p: viewportOf(n), r: sigma.getNodeDisplayData(n)?.size ?? 10 }));
      const segs = graph.edges().slice(0, 800).map((e) => ({ key: e, a: viewportOf(graph.source(e)), b: viewportOf(graph.target(e)) }));
      const { width, height } = container.getBoundingClientRect();
      let best: { key: string; x: number; y: number; clearance: number } | null = null;
      for (const s of segs) {
        const m = { x: (s.a.x + s.b.x) / 2, y: (s.a.y + s.b.y) / 2 };
        if (m.x < 20 || m.y < 20 || m.x > width - 20 || m.y > height - 20) continue;
        let clearance = Infinity;
        for (const n of nodes) clearance = Math.min(clearance, Math.hypot(n.p.x - m.x, n.p.y - m.y) - n.r * 2);
        for (const o of segs) if (o !== s) clearance = Math.min(clearance, distanceToSegment(m, o.a, o.b));
        if (!best || clearance > best.clearance) best = { key: s.key, x: m.x, y: m.y, clearance };
      }
      if (!best) return null;
      const o = pageOffset();
      return { key: best.key, x: o.left + best.x, y: o.top + best.y };
    },
    showRelation(key) {
      const r = relationIndex.get(key);
      if (r === undefined) throw new Error(`no relation "${key}"`);
      showRelation(r);
    },
    setFilters(f) {
      if (f.relationTypes) filters.relationTypes = new Set(f.relationTypes);
      if (f.entityTypes) filters.entityTypes = new Set(f.entityTypes);
      if (f.document !== undefined) filters.document = f.document;
      if (f.maxNodes !== undefined) filters.maxNodes = f.maxNodes;
      if (f.connectedOnly !== undefined) filters.connectedOnly = f.connectedOnly;
      if (f.focus !== undefined) filters.focus = f.focus;
      redraw();
    },
  };
  window.shabakaReport = api;

  redraw();
  renderTable();
  requestAnimationFrame(() => requestAnimationFrame(() => (api.ready = true)));
}

const edgeSize = (count: number): number => 1 + Math.min(3, Math.log2(count) / 2);

function distanceToSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

try {
  start();
} catch (e) {
  // A page that cannot draw still says why, instead of staying blank.
  const el = document.getElementById('fatal');
  if (el) {
    el.hidden = false;
    el.textContent = `The report could not start: ${(e as Error).message}`;
  }
  throw e;
}
