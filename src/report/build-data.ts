// Reads an output directory (graph.json, and documents.jsonl / manifest.json when present) and
// shapes it into the report's data. graph.json is required and validated (errors name
// file:line:field); a bad documents.jsonl line or manifest only costs highlighting, with a warning.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { CorpusGraph, RELATION_TYPES, SYMMETRIC } from '../graph/schema.js';
import { ENTITY_TYPES } from '../gazetteer/schema.js';
import { objectOfKey } from '../io/json-prefix.js';
import { readLines } from '../io/lines.js';
import { readJsonChecked } from '../util/json-file.js';
import { argumentSpans, type DocumentMentions, type Span } from './arguments.js';
import type { ReportData, ReportDocument, ReportEntity, ReportEvidence } from './model.js';

/** The part of a document-graph line the report needs (the rest is not checked here). */
const DocumentLine = z.object({
  document: z.object({ id: z.string(), lang: z.string(), source: z.string().optional(), published: z.string().optional() }),
  entities: z.array(
    z.object({
      id: z.string(),
      standsFor: z.string().optional(),
      mentions: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    }),
  ),
});

const Manifest = z.object({
  counts: z.object({ ok: z.number(), failed: z.number(), skipped: z.number() }).partial().optional(),
});

interface DocumentsRead {
  order: ReportDocument[];
  mentions: Map<string, DocumentMentions>;
}

/** What the report shows of a document: the header at the start of its line. */
const reportDocument = (h: z.infer<typeof DocumentLine>['document']): ReportDocument => {
  const d: ReportDocument = { id: h.id, lang: h.lang };
  if (h.source !== undefined) d.source = h.source;
  if (h.published !== undefined) d.published = h.published;
  return d;
};

/** The line's `document` header, read from its first bytes alone; undefined when that fails (the whole line is parsed then). */
function headerOf(line: Buffer): z.infer<typeof DocumentLine>['document'] | undefined {
  const at = objectOfKey(line, 'document');
  if (!at) return undefined;
  try {
    const r = DocumentLine.shape.document.safeParse(JSON.parse(line.toString('utf8', at[0], at[1])));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Streams documents.jsonl, keeping only the mentions of entities some evidence in that document
 * needs. A document without evidence (most of them: 22,500 of ant-2018's 31,523) is read from its
 * header alone, its line neither decoded nor parsed: 3.7 of the report's 5.4 s went to reading
 * every line whole. So a line broken after its header is only noticed when its mentions are needed.
 */
async function readDocuments(file: string, needed: ReadonlyMap<string, ReadonlySet<string>>, warnings: string[]): Promise<DocumentsRead> {
  const order: ReportDocument[] = [];
  const mentions = new Map<string, DocumentMentions>();
  for await (const read of readLines(createReadStream(file, { highWaterMark: 1 << 20 }), Number.MAX_SAFE_INTEGER)) {
    if (!read.ok) continue;
    const n = read.n;
    const header = headerOf(read.bytes);
    if (header && !needed.has(header.id)) {
      order.push(reportDocument(header));
      continue;
    }
    const line = read.bytes.toString('utf8');
    if (!line.trim()) continue;
    let parsed: z.infer<typeof DocumentLine>;
    try {
      const r = DocumentLine.safeParse(JSON.parse(line));
      if (!r.success) {
        const issue = r.error.issues[0]!;
        warnings.push(`${file}:${n}:${issue.path.join('.')}: ${issue.message}`);
        continue;
      }
      parsed = r.data;
    } catch (e) {
      warnings.push(`${file}:${n}: invalid JSON: ${(e as Error).message}`);
      continue;
    }
    const d = reportDocument(parsed.document);
    order.push(d);
    const want = needed.get(d.id);
    if (!want) continue;
    const byEntity = new Map<string, Span[]>();
    const standsFor = new Map<string, string>();
    for (const e of parsed.entities) {
      // An entity matters as an argument itself or as the stand-in (capital) of one.
      if (!want.has(e.id) && !(e.standsFor && want.has(e.standsFor))) continue;
      byEntity.set(e.id, e.mentions.map((m) => ({ start: m.start, end: m.end })));
      if (e.standsFor) standsFor.set(e.id, e.standsFor);
    }
    mentions.set(d.id, { byEntity, standsFor });
  }
  return { order, mentions };
}

function readManifest(file: string, warnings: string[]): z.infer<typeof Manifest> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const r = Manifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (r.success) return r.data;
    warnings.push(`${file}:${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
  } catch (e) {
    warnings.push(`${file}: ${(e as Error).message}`);
  }
  return undefined;
}

/** Arabic letters decide the direction when documents.jsonl does not say the language. */
const guessLang = (text: string): string => (/[\u0600-\u06FF]/.test(text) ? 'ar' : 'en');

export async function buildReportData(dir: string): Promise<ReportData> {
  const warnings: string[] = [];
  const graph = readJsonChecked(join(dir, 'graph.json'), CorpusGraph);

  const needed = new Map<string, Set<string>>();
  for (const r of graph.relations) {
    for (const ev of r.evidence) {
      let set = needed.get(ev.document);
      if (!set) needed.set(ev.document, (set = new Set()));
      set.add(r.source).add(r.target);
    }
  }
  const docsFile = join(dir, 'documents.jsonl');
  let read: DocumentsRead = { order: [], mentions: new Map() };
  if (existsSync(docsFile)) read = await readDocuments(docsFile, needed, warnings);
  else warnings.push(`${docsFile}: not found; arguments are not highlighted in the evidence`);

  // Documents: input order from documents.jsonl, then any the graph names that it lacks.
  const documents: ReportDocument[] = [...read.order];
  const docIndex = new Map<string, number>();
  documents.forEach((d, i) => docIndex.set(d.id, i));
  const firstEvidence = new Map<string, string>();
  for (const r of graph.relations) for (const ev of r.evidence) if (!firstEvidence.has(ev.document)) firstEvidence.set(ev.document, ev.text);
  const docOf = (id: string): number => {
    let i = docIndex.get(id);
    if (i === undefined) {
      i = documents.length;
      documents.push({ id, lang: guessLang(firstEvidence.get(id) ?? '') });
      docIndex.set(id, i);
    }
    return i;
  };
  for (const e of graph.entities) for (const d of [...e.documents].sort()) docOf(d);

  const entityIndex = new Map<string, number>();
  const entities: ReportEntity[] = graph.entities.map((e, i) => {
    entityIndex.set(e.id, i);
    return { id: e.id, type: e.type, ar: e.name.ar, en: e.name.en, mentions: e.mentionCount, docs: e.documents.map(docOf) };
  });
  const entityOf = (id: string): number => {
    let i = entityIndex.get(id);
    if (i === undefined) {
      // A relation naming an entity graph.json lacks: keep the relation, show the bare id.
      warnings.push(`graph.json: relation argument "${id}" is not among the entities`);
      i = entities.length;
      entities.push({ id, type: 'UNKNOWN', ar: id, en: id, mentions: 0, docs: [] });
      entityIndex.set(id, i);
    }
    return i;
  };

  const relations = graph.relations.map((r) => ({
    key: r.key,
    type: r.type,
    s: entityOf(r.source),
    t: entityOf(r.target),
    symmetric: SYMMETRIC.has(r.type),
    count: r.count,
    docs: r.documents.map(docOf),
    attributes: r.attributes,
    evidence: r.evidence.map((ev): ReportEvidence => {
      const out: ReportEvidence = {
        doc: docOf(ev.document),
        start: ev.start,
        end: ev.end,
        text: ev.text,
        args: argumentSpans(read.mentions.get(ev.document), ev, r.source, r.target),
      };
      if (ev.trigger) out.trigger = [ev.trigger.start - ev.start, ev.trigger.end - ev.start];
      return out;
    }),
  }));

  const manifest = readManifest(join(dir, 'manifest.json'), warnings);
  const stats: ReportData['stats'] = { documents: graph.stats.documents, entities: graph.stats.entities, relations: graph.stats.relations };
  if (manifest?.counts?.failed !== undefined) stats.failed = manifest.counts.failed;
  if (manifest?.counts?.skipped !== undefined) stats.skipped = manifest.counts.skipped;

  const present = (all: readonly string[], used: Iterable<string>): string[] => {
    const u = new Set(used);
    return [...all.filter((t) => u.has(t)), ...[...u].filter((t) => !all.includes(t)).sort()];
  };
  return {
    schema: 'shabaka/report-data@1',
    title: `shabaka — ${basename(resolve(dir))}`,
    stats,
    entityTypes: present(ENTITY_TYPES, entities.map((e) => e.type)),
    relationTypes: present(RELATION_TYPES, relations.map((r) => r.type)),
    documents,
    entities,
    relations,
    warnings,
  };
}
