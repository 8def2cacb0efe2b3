// Running figures of a batch for its closing summary, fed in input order (committed chunks on
// resume, then each new outcome).
import type { DocumentSummary } from '../graph/corpus-graph.js';
import { emptyCounts, type Counts, type ManifestEntry } from './manifest.js';
import { reasonKind } from './summary.js';

export class Tally {
  readonly counts: Counts = emptyCounts();
  readonly mentionsByType: Record<string, number> = {};
  readonly relationInstancesByType: Record<string, number> = {};
  readonly failureReasons = new Map<string, number>();

  addEntry(e: ManifestEntry): void {
    this.counts[e.status]++;
    if (e.status === 'failed' && e.reason) {
      const k = reasonKind(e.reason);
      this.failureReasons.set(k, (this.failureReasons.get(k) ?? 0) + 1);
    }
  }

  addGraph(g: DocumentSummary): void {
    for (const e of g.entities) this.mentionsByType[e.base.type] = (this.mentionsByType[e.base.type] ?? 0) + e.mentionCount;
    for (const r of g.relations) this.relationInstancesByType[r.type] = (this.relationInstancesByType[r.type] ?? 0) + 1;
  }
}
