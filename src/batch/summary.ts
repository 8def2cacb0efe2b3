// The closing summary of a run: documents by status, entities and relations by type, the most
// frequent failure reasons, time and rates.
import type { CorpusGraph } from '../graph/schema.js';
import type { Counts } from './manifest.js';
import { formatDuration } from './progress.js';

export interface RunFigures {
  counts: Counts;
  stats: CorpusGraph['stats'];
  /** Total mentions and relation instances (document level), by type. */
  mentionsByType: Record<string, number>;
  relationInstancesByType: Record<string, number>;
  failureReasons: Map<string, number>;
  seconds: number;
  sessionDocuments: number;
  sessionTextBytes: number;
  peakRssMb: number;
  workerCrashes: number;
  resumedFrom: number;
}

const byType = (o: Record<string, number>): string =>
  Object.entries(o)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

/** A failure reason without the parts that differ per document (line numbers, ids), for grouping. */
export const reasonKind = (reason: string): string =>
  reason
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 200);

export function formatSummary(f: RunFigures): string {
  const c = f.counts;
  const lines = [
    `documents: ${c.ok + c.failed + c.skipped} (${c.ok} ok, ${c.failed} failed, ${c.skipped} skipped)${f.resumedFrom ? `, ${f.resumedFrom} of them committed before this session (resumed)` : ''}`,
    `entities: ${f.stats.entities} distinct (${byType(f.stats.entitiesByType)}); mentions ${byType(f.mentionsByType)}`,
    `relations: ${f.stats.relations} distinct (${byType(f.stats.relationsByType)}); instances ${byType(f.relationInstancesByType)}`,
  ];
  if (f.failureReasons.size) {
    const top = [...f.failureReasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
    lines.push(`failures: ${top.map(([r, n]) => `${n}× ${r}`).join('; ')}`);
  }
  if (f.workerCrashes) lines.push(`worker restarts: ${f.workerCrashes}`);
  const s = Math.max(f.seconds, 1e-3);
  lines.push(
    `time: ${formatDuration(f.seconds)} (${f.seconds.toFixed(1)} s), ${(f.sessionDocuments / s).toFixed(1)} docs/s, ${(f.sessionTextBytes / 1048576 / s).toFixed(2)} MB/s, peak RSS ${f.peakRssMb.toFixed(0)} MB`,
  );
  return lines.map((l) => `shabaka: ${l}\n`).join('');
}
