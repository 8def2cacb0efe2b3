// Splits a byte stream into lines with a bound on line length: a longer line is counted and
// skipped, never buffered whole, so one runaway line cannot exhaust memory.

export type Line =
  | { n: number; ok: true; bytes: Buffer }
  /** Over the limit: its size, and its first bytes (enough to find an id for the manifest). */
  | { n: number; ok: false; size: number; head: Buffer };

const HEAD_BYTES = 4096;

export async function* readLines(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let n = 0;
  const take = (piece: Buffer): void => {
    if (overflow) {
      size += piece.length;
      return;
    }
    size += piece.length;
    if (size > maxBytes) {
      overflow = true;
      parts = [Buffer.concat(parts).subarray(0, HEAD_BYTES)];
      if (parts[0]!.length < HEAD_BYTES) parts.push(piece.subarray(0, HEAD_BYTES - parts[0]!.length));
      return;
    }
    parts.push(piece);
  };
  const emit = (): Line => {
    n++;
    const line: Line = overflow ? { n, ok: false, size, head: Buffer.concat(parts) } : { n, ok: true, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size) };
    parts = [];
    size = 0;
    overflow = false;
    return line;
  };
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let pos = 0;
    for (let nl = chunk.indexOf(10, pos); nl >= 0; nl = chunk.indexOf(10, pos)) {
      take(chunk.subarray(pos, nl));
      yield emit();
      pos = nl + 1;
    }
    if (pos < chunk.length) take(chunk.subarray(pos));
  }
  if (size > 0 || overflow) yield emit();
}
