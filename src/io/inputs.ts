// Streams input documents from .txt files, directories, .jsonl and .jsonl.gz files, or stdin.
// Every input document yields a record (ok or failed with its reason), so the manifest can
// account for each one, a malformed JSONL line included.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

export const InputDocument = z.object({
  id: z.string().min(1, 'id must be a non-empty string'),
  text: z.string({ error: 'text must be a string' }),
  source: z.string().optional(),
  published: z.string().optional(),
  lang: z.string().optional(),
});
export type InputDocument = z.infer<typeof InputDocument>;

export type InputRecord =
  | { ok: true; input: string; doc: InputDocument }
  | { ok: false; input: string; id: string; reason: string };

const describe = (e: z.ZodError): string => e.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ');

/** Expands directories (walked for .txt and .jsonl/.jsonl.gz, sorted) into a list of files. */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const q = join(p, name);
        if (statSync(q).isDirectory()) walk(q);
        else if (/\.(txt|jsonl|jsonl\.gz)$/.test(name)) out.push(q);
      }
    } else out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

export async function* readJsonlStream(stream: Readable, label: string): AsyncGenerator<InputRecord> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    const line = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (!line.trim()) continue;
    const input = `${label}:${n}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (e) {
      yield { ok: false, input, id: `${label}:${n}`, reason: `malformed JSON at ${input}: ${(e as Error).message}` };
      continue;
    }
    const r = InputDocument.safeParse(data);
    if (r.success) yield { ok: true, input, doc: r.data };
    else {
      const id = typeof (data as { id?: unknown })?.id === 'string' ? (data as { id: string }).id : `${label}:${n}`;
      yield { ok: false, input, id, reason: `invalid document at ${input}: ${describe(r.error)}` };
    }
  }
}

/** Decodes a UTF-8 file strictly: invalid bytes or binary content are an error, not mojibake. */
function readTextFile(file: string): string {
  const buf = readFileSync(file);
  if (buf.includes(0)) throw new Error('binary file (contains NUL bytes)');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function* readInputs(files: readonly string[]): AsyncGenerator<InputRecord> {
  for (const file of files) {
    if (file.endsWith('.jsonl') || file.endsWith('.jsonl.gz')) {
      const stream = createReadStream(file);
      const src = file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
      try {
        yield* readJsonlStream(src, file);
      } catch (e) {
        yield { ok: false, input: file, id: file, reason: `cannot read ${file}: ${(e as Error).message}` };
      }
    } else {
      const id = basename(file, extname(file));
      try {
        yield { ok: true, input: file, doc: { id, text: readTextFile(file) } };
      } catch (e) {
        yield { ok: false, input: file, id, reason: `cannot read ${file}: ${(e as Error).message}` };
      }
    }
  }
}
