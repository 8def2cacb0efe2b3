// CSV files in the neo4j-admin import format: nodes.csv (id:ID, :LABEL, properties) and
// relationships.csv (:START_ID, :END_ID, :TYPE, properties). Every field is quoted, quotes doubled
// (the importer's defaults); arrays use the importer's `;` separator.
import type { CorpusGraph } from './schema.js';
import { SYMMETRIC } from './schema.js';

const q = (v: string | number | boolean): string => (typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(v));
const row = (fields: (string | number | boolean)[]): string => `${fields.map(q).join(',')}\n`;
const label = (type: string): string => `Entity;${type.charAt(0)}${type.slice(1).toLowerCase()}`;

export function toNeo4jCsv(g: CorpusGraph): { nodes: string; relationships: string } {
  const nodes = ['id:ID,:LABEL,name_ar,name_en,source,mentionCount:int,documentCount:int\n'];
  const known = new Set<string>();
  for (const e of g.entities) {
    known.add(e.id);
    nodes.push(row([e.id, label(e.type), e.name.ar, e.name.en, e.source, e.mentionCount, e.documents.length]));
  }
  const rels = [':START_ID,:END_ID,:TYPE,key,count:int,documentCount:int,symmetric:boolean,attributes,documents:string[]\n'];
  for (const r of g.relations) {
    for (const id of [r.source, r.target]) {
      if (known.has(id)) continue;
      known.add(id);
      nodes.push(row([id, 'Entity;Unknown', '', '', '', 0, 0]));
    }
    rels.push(row([r.source, r.target, r.type, r.key, r.count, r.documents.length, SYMMETRIC.has(r.type), JSON.stringify(r.attributes), r.documents.join(';')]));
  }
  return { nodes: nodes.join(''), relationships: rels.join('') };
}
