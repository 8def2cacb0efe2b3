// `shabaka gazetteer mine`: frequent names the gazetteers lack, found in a corpus by the rules that
// need no list (people after titles and honorifics; organizations and places after head words such
// as وكالة / مدينة), each with a count, its evidence kind and a few contexts, for review.
import { z } from 'zod';
import type { Doc } from '../doc.js';
import { normalizeString, toOriginal } from '../text/normalize.js';
import { TokenKind, readingsOf } from '../text/tokenize.js';
import type { Pipeline } from '../pipeline/runner.js';

export const MinePatternsFile = z.strictObject({
  description: z.string().optional(),
  heads: z.strictObject({ ORGANIZATION: z.array(z.string().min(2)), LOCATION: z.array(z.string().min(2)) }),
  maxNameTokens: z.number().int().min(1).max(4),
});
export type MinePatternsFile = z.infer<typeof MinePatternsFile>;

export interface Candidate {
  form: string;
  type: 'PERSON' | 'ORGANIZATION' | 'LOCATION';
  count: number;
  /** How it was found: title, honorific, head word. */
  evidence: Record<string, number>;
  contexts: string[];
}

export class NameMiner {
  private readonly found = new Map<string, Candidate>();
  private readonly heads: Map<string, 'ORGANIZATION' | 'LOCATION'>;
  constructor(
    private readonly patterns: MinePatternsFile,
    /** Words that end a name (function words: أن، في …). */
    private readonly stop: ReadonlySet<string>,
    private readonly maxContexts = 3,
  ) {
    this.heads = new Map();
    for (const [type, words] of Object.entries(patterns.heads) as ['ORGANIZATION' | 'LOCATION', string[]][]) {
      for (const w of words) {
        this.heads.set(normalizeString(w), type);
        this.heads.set(normalizeString(w).replace(/^ال/, ''), type);
      }
    }
  }

  private add(doc: Doc, form: string, type: Candidate['type'], how: string, start: number, end: number): void {
    const key = `${type}|${normalizeString(form)}`;
    let c = this.found.get(key);
    if (!c) this.found.set(key, (c = { form, type, count: 0, evidence: {}, contexts: [] }));
    c.count++;
    c.evidence[how] = (c.evidence[how] ?? 0) + 1;
    if (c.contexts.length < this.maxContexts) c.contexts.push(doc.text.slice(Math.max(0, start - 40), Math.min(doc.text.length, end + 40)).replace(/\s+/g, ' '));
  }

  /** Collects candidates from one processed document. */
  addDocument(doc: Doc): void {
    for (const m of doc.mentions) {
      if (m.entity.startsWith('new:person:') && m.kind === 'name') this.add(doc, m.text, 'PERSON', 'title-or-honorific', m.start, m.end);
    }
    const tokens = doc.tokens!;
    const covered = new Uint8Array(tokens.count);
    for (const m of doc.mentions) covered.fill(1, m.tokStart, m.tokEnd);
    for (const s of doc.sentences ?? []) {
      for (let i = s.tokStart; i < s.tokEnd - 1; i++) {
        const head = readingsOf(tokens, i).map((d) => this.heads.get(d.bare)).find((t) => t !== undefined);
        if (!head || covered[i + 1]) continue;
        let k = i + 1;
        while (k < s.tokEnd && k - i - 1 < this.patterns.maxNameTokens && tokens.kind[k] === TokenKind.ArabicWord && !covered[k] && !this.stop.has(tokens.norm[k]!)) k++;
        if (k === i + 1) continue;
        const norm = doc.norm!;
        // The head without its proclitics (بشركة → شركة).
        const lead = readingsOf(tokens, i).find((d) => this.heads.has(d.bare))?.prefixLen ?? 0;
        const [start] = toOriginal(norm, tokens.start[i]! + lead, tokens.end[i]!);
        const [, end] = toOriginal(norm, tokens.start[k - 1]!, tokens.end[k - 1]!);
        this.add(doc, doc.text.slice(start, end), head, `head:${tokens.norm[i]}`, start, end);
      }
    }
  }

  /** Candidates seen at least `minCount` times, most frequent first. */
  results(minCount: number, limit: number): Candidate[] {
    return [...this.found.values()]
      .filter((c) => c.count >= minCount)
      .sort((a, b) => b.count - a.count || (a.form < b.form ? -1 : 1))
      .slice(0, limit);
  }
}

/** Runs the pipeline over the documents and mines them. */
export async function mineCorpus(pipeline: Pipeline, patterns: MinePatternsFile, docs: AsyncIterable<{ id: string; text: string }>, maxDocs: number): Promise<{ miner: NameMiner; documents: number }> {
  const miner = new NameMiner(patterns, pipeline.resources.nameRules.notNames);
  let n = 0;
  for await (const d of docs) {
    if (n >= maxDocs) break;
    miner.addDocument(pipeline.run({ id: d.id }, d.text));
    n++;
  }
  return { miner, documents: n };
}
