// `shabaka gazetteer mine`: streams corpus documents through the pipeline and prints name candidates.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { mineCorpus, MinePatternsFile } from '../gazetteer/mine.js';
import { buildPipeline } from '../pipeline/runner.js';
import { readJsonChecked } from '../util/json-file.js';

async function* documents(files: readonly string[]): AsyncGenerator<{ id: string; text: string }> {
  for (const f of files) {
    const stream = createReadStream(f);
    const rl = createInterface({ input: f.endsWith('.gz') ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line.trim()) continue;
      try {
        const d = JSON.parse(line) as { id?: unknown; text?: unknown };
        if (typeof d.id === 'string' && typeof d.text === 'string') yield { id: d.id, text: d.text };
      } catch {
        // Mining is a review aid: a malformed line is skipped (extract reports such lines).
      }
    }
  }
}

export async function mineGazetteerCandidates(files: readonly string[], o: { pipeline: string; maxDocs: number; minCount: number; limit: number; json?: boolean }): Promise<number> {
  const pipeline = buildPipeline(o.pipeline);
  const patterns = readJsonChecked(join(pipeline.config.lexiconDir, 'mine-patterns.json'), MinePatternsFile);
  const { miner, documents: n } = await mineCorpus(pipeline, patterns, documents(files), o.maxDocs);
  const rows = miner.results(o.minCount, o.limit);
  if (o.json) for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    process.stdout.write(`# ${rows.length} candidates from ${n} documents (count, type, form, how found, context)\n`);
    for (const r of rows) {
      const how = Object.entries(r.evidence).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(',');
      process.stdout.write(`${r.count}\t${r.type}\t${r.form}\t${how}\t${r.contexts[0] ?? ''}\n`);
    }
  }
  return 0;
}
