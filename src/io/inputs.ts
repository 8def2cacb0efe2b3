// Streams input documents from .txt files, directories, .jsonl and .jsonl.gz files, or stdin,
// in constant memory. Every input document yields a record (ok, or failed with its reason),
// so the manifest can account for each one, a malformed JSONL line included.
import { createReadStream, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { readLines } from './lines.js';

export const InputDocument = z.object({
  id: z.string({ error: 'id must be a string' }).min(1, 'id must be a non-empty string').max(1000, 'id is longer than 1000 characters'),
  text: z.string({ error: (i) => (i.input === undefined ? 'text is missing' : `text must be a string, got ${typeof i.input}`) }),
  source: z.string().optional(),
  published: z.string().optional(),
  lang: z.string().optional(),
});
export type InputDocument = z.infer<typeof InputDocument>;

export type InputRecord =
  | { ok: true; input: string; doc: InputDocument; bytes: number }
  | { ok: false; input: string; id: string; reason: string; bytes: number };

export interface ReadOptions {
  /** Largest document accepted (a JSONL line or a .txt file), in bytes. */
  maxDocumentBytes: number;
  /** Raw (possibly compressed) bytes read so far, for progress; owned by the caller. */
  counter?: { bytes: number };
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** A command-line input that does not exist or cannot be listed: bad usage, exit status 2. */
export class InputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputPathError';
  }
}

const describe = (e: z.ZodError): string => e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
const isJsonl = (f: string): boolean => f.endsWith('.jsonl') || f.endsWith('.jsonl.gz');
const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

/** Expands directories (walked for .txt, .jsonl, .jsonl.gz; sorted; symlink loops cut) into files. */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (p: string, top: boolean): void => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      if (top) throw new InputPathError(`input ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
      return; // a dangling link inside a directory: nothing to read
    }
    if (!st.isDirectory()) {
      out.push(p);
      return;
    }
    const real = realpathSync(p);
    if (visited.has(real)) return;
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(p).sort();
    } catch (e) {
      throw new InputPathError(`input directory ${p}: ${(e as Error).message}`);
    }
    for (const name of names) {
      const q = join(p, name);
      let isDir = false;
      try {
        isDir = statSync(q).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(q, false);
      else if (/\.(txt|jsonl|jsonl\.gz)$/.test(name)) out.push(q);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}

/** Decodes UTF-8 strictly: invalid bytes are an error, not silent U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** An id for the manifest from the first bytes of an over-long line, when one is there. */
function idFromHead(head: Buffer): string | undefined {
  const m = /"id"\s*:\s*"((?:[^"\\]|\\.){1,200})"/.exec(head.toString('utf8'));
  if (!m) return undefined;
  try {
    return JSON.parse(`"${m[1]}"`) as string;
  } catch {
    return undefined;
  }
}

/** Reads JSONL records from a byte stream; every non-blank line yields one record. */
export async function* readJsonlStream(stream: AsyncIterable<Buffer | string>, label: string, o: ReadOptions): AsyncGenerator<InputRecord> {
  for await (const line of readLines(stream, o.maxDocumentBytes)) {
    const input = `${label}:${line.n}`;
    if (!line.ok) {
      yield { ok: false, input, id: idFromHead(line.head) ?? input, bytes: line.size, reason: `document too large: line ${line.n} is ${mb(line.size)}, the limit is ${mb(o.maxDocumentBytes)}` };
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(line.bytes);
    } catch {
      yield { ok: false, input, id: input, bytes: line.bytes.length, reason: `invalid UTF-8 on line ${line.n}` };
      continue;
    }
    if (line.n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (!text.trim()) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      yield { ok: false, input, id: input, bytes: line.bytes.length, reason: `malformed JSON on line ${line.n}: ${(e as Error).message}` };
      continue;
    }
    const r = InputDocument.safeParse(data);
    if (r.success) yield { ok: true, input, doc: r.data, bytes: line.bytes.length };
    else {
      const raw = (data as { id?: unknown } | null)?.id;
      const id = typeof raw === 'string' && raw.length > 0 && raw.length <= 1000 ? raw : input;
      yield { ok: false, input, id, bytes: line.bytes.length, reason: `invalid document on line ${line.n}: ${describe(r.error)}` };
    }
  }
}

/** A .txt file as one document: bounded in size, not binary, valid UTF-8; a leading BOM dropped. */
function readTextFile(file: string, o: ReadOptions): { text: string; bytes: number } {
  const size = statSync(file).size;
  if (size > o.maxDocumentBytes) throw new Error(`document too large: ${mb(size)}, the limit is ${mb(o.maxDocumentBytes)}`);
  const buf = readFileSync(file);
  if (o.counter) o.counter.bytes += buf.length;
  if (buf.includes(0)) throw new Error('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    throw new Error('invalid UTF-8');
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes: buf.length };
}

/** Counts raw bytes as they are read, for progress (compressed bytes for .gz). */
async function* counted(stream: Readable, counter: { bytes: number } | undefined): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    if (counter) counter.bytes += (chunk as Buffer).length;
    yield chunk as Buffer;
  }
}

async function* readJsonlFile(file: string, o: ReadOptions): AsyncGenerator<InputRecord> {
  const raw = createReadStream(file, { highWaterMark: 1 << 16 });
  let source: AsyncIterable<Buffer>;
  if (file.endsWith('.gz')) {
    // 64 KB pieces, not zlib's 16 KB: a third fewer CPU-seconds for the same bytes (0.67 → 0.43 s on ant-2018).
    const gunzip = createGunzip({ chunkSize: 1 << 16 });
    // Errors of the file stream (EACCES, EISDIR) must reach the consumer through gunzip.
    raw.on('error', (e) => gunzip.destroy(e));
    source = raw.pipe(gunzip);
    // Progress counts compressed bytes on their way into gunzip.
    raw.on('data', (c: Buffer | string) => {
      if (o.counter) o.counter.bytes += c.length;
    });
  } else source = counted(raw, o.counter);
  let last = 0;
  try {
    for await (const rec of readJsonlStream(source, file, o)) {
      last = Number(rec.input.slice(file.length + 1));
      yield rec;
    }
  } catch (e) {
    const at = `${file}:${last + 1}`;
    yield { ok: false, input: at, id: at, bytes: 0, reason: `cannot read ${file} after line ${last}: ${(e as Error).message}` };
  }
}

export async function* readInputs(files: readonly string[], o: ReadOptions): AsyncGenerator<InputRecord> {
  for (const file of files) {
    if (isJsonl(file)) {
      yield* readJsonlFile(file, o);
    } else {
      const id = basename(file, extname(file));
      try {
        const { text, bytes } = readTextFile(file, o);
        yield { ok: true, input: file, doc: { id, text }, bytes };
      } catch (e) {
        yield { ok: false, input: file, id, bytes: 0, reason: `cannot read ${file}: ${(e as Error).message}` };
      }
    }
  }
}

/** Standard input as JSONL. */
export function readStdin(stream: Readable, o: ReadOptions): AsyncGenerator<InputRecord> {
  return readJsonlStream(counted(stream, o.counter), 'stdin', o);
}
