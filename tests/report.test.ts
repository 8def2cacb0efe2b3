import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argumentSpans, type DocumentMentions } from '../src/report/arguments.js';
import { buildReportData } from '../src/report/build-data.js';
import { forceLayout } from '../src/report/client/layout.js';
import { searchKey } from '../src/report/client/search.js';
import { segments } from '../src/report/client/segments.js';
import { selectView, type Filters } from '../src/report/client/view.js';
import { scriptJson } from '../src/report/html.js';
import type { ReportData } from '../src/report/model.js';
import { writeReport } from '../src/report/write.js';
import { ConfigError } from '../src/util/errors.js';
import { ROOT } from './helpers.js';
import { writeOutputDir } from './report-fixture.js';

const span = (text: string, part: string, from = 0): { start: number; end: number } => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" not in the text`);
  return { start, end: start + part.length };
};

describe('segments', () => {
  it('keeps a trigger and the nisba argument inside it both visible', () => {
    const s = 'وصل وزير الخارجية الأمريكي مايك بومبيو إلى الرياض السبت';
    const trigger = span(s, 'وزير الخارجية الأمريكي');
    const out = segments(s, [
      { ...trigger, cls: 'trigger' },
      { ...span(s, 'الأمريكي'), cls: 'arg-t' },
      { ...span(s, 'مايك بومبيو'), cls: 'arg-s' },
    ]);
    expect(out.map((x) => x.text).join('')).toBe(s);
    expect(out.filter((x) => x.classes.length).map((x) => [x.text, x.classes.join(' ')])).toEqual([
      ['وزير الخارجية ', 'trigger'],
      ['الأمريكي', 'arg-t trigger'],
      ['مايك بومبيو', 'arg-s'],
    ]);
  });

  it('clamps marks that run past the sentence and drops empty ones', () => {
    const s = 'التقى لافروف كوليبا';
    const out = segments(s, [
      { start: 13, end: 99, cls: 'arg-t' },
      { start: 5, end: 5, cls: 'trigger' },
    ]);
    expect(out).toEqual([
      { text: 'التقى لافروف ', classes: [] },
      { text: 'كوليبا', classes: ['arg-t'] },
    ]);
  });
});

describe('argumentSpans', () => {
  const doc = 'قصف في ريف حلب.\nأعلنت موسكو أنها تدعم دمشق في مواجهة الفصائل المسلحة.';
  const sentence = span(doc, 'أعلنت موسكو أنها تدعم دمشق في مواجهة الفصائل المسلحة.');

  it('finds a capital that stands for its country, relative to the sentence', () => {
    const mentions: DocumentMentions = {
      byEntity: new Map([
        ['location:moscow', [span(doc, 'موسكو')]],
        ['location:damascus', [span(doc, 'دمشق')]],
      ]),
      standsFor: new Map([
        ['location:moscow', 'country:ru'],
        ['location:damascus', 'country:sy'],
      ]),
    };
    const spans = argumentSpans(mentions, sentence, 'country:ru', 'country:sy');
    const text = doc.slice(sentence.start, sentence.end);
    expect(spans.map(([a, b, role]) => [text.slice(a, b), role])).toEqual([
      ['موسكو', 's'],
      ['دمشق', 't'],
    ]);
  });

  it('prefers the country named in the sentence and ignores mentions outside it', () => {
    const d = 'زار لافروف روسيا.\nوقالت روسيا إن موسكو تدعم سوريا.';
    const s = span(d, 'وقالت روسيا إن موسكو تدعم سوريا.');
    const mentions: DocumentMentions = {
      byEntity: new Map([
        ['country:ru', [span(d, 'روسيا'), span(d, 'روسيا', s.start)]],
        ['location:moscow', [span(d, 'موسكو')]],
        ['country:sy', [span(d, 'سوريا')]],
      ]),
      standsFor: new Map([['location:moscow', 'country:ru']]),
    };
    const text = d.slice(s.start, s.end);
    expect(argumentSpans(mentions, s, 'country:ru', 'country:sy').map(([a, b, r]) => [text.slice(a, b), r])).toEqual([
      ['روسيا', 's'],
      ['سوريا', 't'],
    ]);
    expect(argumentSpans(undefined, s, 'country:ru', 'country:sy')).toEqual([]);
  });
});

describe('searchKey', () => {
  it('folds Arabic spelling variants and Latin case', () => {
    expect(searchKey('الأردن')).toBe(searchKey('الاردن'));
    expect(searchKey('وزارة الخارجيّة')).toBe(searchKey('وزاره الخارجية'));
    expect(searchKey('Antony Blinken')).toContain('blinken');
  });
});

/** A corpus-sized graph: 5,000 entities, 12,000 relations, mentions falling off like real news. */
function bigGraph(): Pick<ReportData, 'entities' | 'relations'> {
  const types = ['PERSON', 'COUNTRY', 'ORGANIZATION', 'LOCATION'];
  const entities = Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, type: types[i % 4]!, ar: `كيان ${i}`, en: `Entity ${i}`, mentions: Math.ceil(5000 / (i + 1)), docs: [i % 50] }));
  const relations = Array.from({ length: 12000 }, (_, k) => {
    const s = (k * 7919) % 5000;
    const t = (s + 50 * (1 + (k % 97))) % 5000; // same document as s (documents are i % 50)
    return { key: `r${k}`, type: k % 3 ? 'MET_WITH' : 'VISITS', s, t, symmetric: true, count: 1, docs: [s % 50], attributes: {}, evidence: [] };
  });
  return { entities, relations };
}

describe('selectView', () => {
  const g = bigGraph();
  const all: Filters = { relationTypes: new Set(['MET_WITH', 'VISITS']), entityTypes: new Set(['PERSON', 'COUNTRY', 'ORGANIZATION', 'LOCATION']), document: null, maxNodes: 300, connectedOnly: true, focus: null };

  it('draws only the most mentioned entities of a large graph, and edges between drawn ones', () => {
    const v = selectView(g, all);
    expect(v.nodes.length).toBeGreaterThanOrEqual(299);
    expect(v.nodes.length).toBeLessThanOrEqual(300);
    // every drawn entity has a drawn relation (none floats alone)
    const ends = new Set(v.edges.flatMap((r) => [g.relations[r]!.s, g.relations[r]!.t]));
    expect(v.nodes.every((n) => ends.has(n))).toBe(true);
    expect(v.matchingNodes).toBeGreaterThan(4000);
    expect(v.matchingEdges).toBe(12000);
    const drawn = new Set(v.nodes);
    expect(v.edges.every((r) => drawn.has(g.relations[r]!.s) && drawn.has(g.relations[r]!.t))).toBe(true);
    // most mentioned first: entity 0 has the most mentions among those with relations
    expect(g.entities[v.nodes[0]!]!.mentions).toBeGreaterThanOrEqual(g.entities[v.nodes[299]!]!.mentions);
  });

  it('adds a focused entity beyond the cap with its neighbours', () => {
    const focus = 4999;
    const v = selectView(g, { ...all, focus });
    expect(v.nodes).toContain(focus);
    const neighbours = g.relations.filter((r) => r.s === focus || r.t === focus).map((r) => (r.s === focus ? r.t : r.s));
    expect(neighbours.length).toBeGreaterThan(0);
    for (const n of neighbours) expect(v.nodes).toContain(n);
    expect(v.edges.some((r) => g.relations[r]!.s === focus || g.relations[r]!.t === focus)).toBe(true);
  });

  it('filters by relation type, entity type and document', () => {
    const visits = selectView(g, { ...all, relationTypes: new Set(['VISITS']) });
    expect(visits.edges.every((r) => g.relations[r]!.type === 'VISITS')).toBe(true);
    const people = selectView(g, { ...all, entityTypes: new Set(['PERSON']), connectedOnly: false });
    expect(people.nodes.every((i) => g.entities[i]!.type === 'PERSON')).toBe(true);
    const doc7 = selectView(g, { ...all, document: 7, maxNodes: 10000 });
    expect(doc7.nodes.length).toBeGreaterThan(0);
    expect(doc7.nodes.every((i) => g.entities[i]!.docs.includes(7))).toBe(true);
    expect(doc7.edges.every((r) => g.relations[r]!.docs.includes(7))).toBe(true);
  });
});

describe('forceLayout', () => {
  it('is deterministic and pulls related nodes together', () => {
    const edges = [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 3]] as const;
    const a = forceLayout({ n: 6, edges });
    const b = forceLayout({ n: 6, edges });
    expect([...a]).toEqual([...b]);
    expect([...a].every(Number.isFinite)).toBe(true);
    const d = (i: number, j: number): number => Math.hypot(a[2 * i]! - a[2 * j]!, a[2 * i + 1]! - a[2 * j + 1]!);
    // the two triangles: inside a triangle nodes sit closer than across triangles
    expect(Math.max(d(0, 1), d(1, 2), d(3, 4))).toBeLessThan(Math.min(d(0, 3), d(1, 4), d(2, 5)));
  });
});

describe('writeReport', () => {
  const out = writeOutputDir(`${ROOT}samples/news.jsonl`);

  it('writes one self-contained file whose data highlights triggers and arguments at the right offsets', async () => {
    const r = await writeReport(out.dir, { clientJs: 'window.__client = true;' });
    const html = readFileSync(r.file, 'utf8');
    expect(r.file).toBe(join(out.dir, 'report.html'));
    // offline: no external script, stylesheet, image or font
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//);
    const json = /<script type="application\/json" id="shabaka-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const data = JSON.parse(json!) as ReportData;
    expect(data.entities).toHaveLength(out.graph.entities.length);
    expect(data.relations).toHaveLength(out.graph.relations.length);
    expect(data.warnings).toEqual([]);
    let args = 0;
    for (const rel of data.relations) {
      for (const ev of rel.evidence) {
        const text = out.texts.get(data.documents[ev.doc]!.id)!;
        expect(text.slice(ev.start, ev.end)).toBe(ev.text);
        if (ev.trigger) expect(ev.text.slice(...ev.trigger)).toBe(text.slice(ev.start + ev.trigger[0], ev.start + ev.trigger[1]));
        for (const [a, b, role] of ev.args) {
          args++;
          const entity = data.entities[role === 's' ? rel.s : rel.t]!;
          const doc = out.docs.find((d) => d.document.id === data.documents[ev.doc]!.id)!;
          const mentionTexts = doc.entities.filter((e) => e.id === entity.id || e.standsFor === entity.id).flatMap((e) => e.mentions.map((m) => m.text));
          expect(mentionTexts).toContain(ev.text.slice(a, b));
        }
      }
    }
    expect(args).toBeGreaterThan(data.relations.length); // most relations light up both ends
  });

  it('keeps going past a bad documents.jsonl line, with the line in a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shabaka-report-bad-'));
    writeFileSync(join(dir, 'graph.json'), readFileSync(join(out.dir, 'graph.json')));
    writeFileSync(join(dir, 'documents.jsonl'), readFileSync(join(out.dir, 'documents.jsonl')));
    const badLine = readFileSync(join(dir, 'documents.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).length + 1;
    appendFileSync(join(dir, 'documents.jsonl'), '{"document": \n');
    const data = await buildReportData(dir);
    expect(data.warnings).toEqual([expect.stringMatching(new RegExp(`documents\\.jsonl:${badLine}: invalid JSON`))]);
    expect(data.relations.some((r) => r.evidence.some((e) => e.args.length))).toBe(true);
  });

  it('fails with the file named when graph.json is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shabaka-report-empty-'));
    await expect(writeReport(dir, { clientJs: '' })).rejects.toThrow(ConfigError);
    await expect(writeReport(dir, { clientJs: '' })).rejects.toThrow(/graph\.json: cannot read/);
  });

  it('escapes text that would close the data script', () => {
    const s = scriptJson({ text: 'قال </script><script>alert(1)</script>' });
    expect(s).not.toContain('</script');
    expect(JSON.parse(s)).toEqual({ text: 'قال </script><script>alert(1)</script>' });
  });
});
