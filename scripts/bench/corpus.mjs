// Streams documents ({id, text, …}) from a .jsonl or .jsonl.gz file, at most `limit` of them.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export async function* readDocs(file, limit = Infinity) {
  if (limit <= 0) return;
  let stream = createReadStream(file);
  if (file.endsWith('.gz')) stream = stream.pipe(createGunzip());
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    if (typeof d.text !== 'string' || typeof d.id !== 'string') continue;
    yield d;
    if (++n >= limit) break;
  }
  rl.close();
  stream.destroy();
}

/** Reads documents into memory (the timed loop then measures extraction, not I/O or gunzip). */
export async function loadDocs(file, limit = Infinity) {
  const docs = [];
  for await (const d of readDocs(file, limit)) docs.push(d);
  return docs;
}
