// Finds one small object near the start of a long JSON line without decoding or parsing the rest:
// the report reads the `document` header of every line of documents.jsonl (191 MB for ant-2018)
// but needs the whole line only for documents that hold evidence.

const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN = 0x7b, CLOSE = 0x7d, OPEN_LIST = 0x5b, CLOSE_LIST = 0x5d, COLON = 0x3a;
const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** The index of the quote that closes the string whose opening quote is at `i` (or `limit`). */
function stringEnd(line: Uint8Array, i: number, limit: number): number {
  // UTF-8 continuation bytes never equal a quote or a backslash.
  for (i++; i < limit && line[i] !== QUOTE; i++) if (line[i] === BACKSLASH) i++;
  return i;
}

/**
 * The byte range [start, end) of the object that is the value of the top-level key `key` of the
 * JSON object on `line`, when it ends within the first `within` bytes; undefined otherwise (the
 * caller then parses the whole line). Nothing is decoded but the key names met on the way.
 */
export function objectOfKey(line: Uint8Array, key: string, within = 1 << 16): [number, number] | undefined {
  const want = Buffer.from(JSON.stringify(key));
  const limit = Math.min(line.length, within);
  let depth = 0;
  let value = -1; // where the wanted key's value starts, once found
  for (let i = 0; i < limit; i++) {
    const b = line[i]!;
    if (b === QUOTE) {
      const s = i;
      i = stringEnd(line, i, limit);
      if (depth !== 1 || value >= 0) continue;
      // A top-level string followed by a colon is a key.
      let j = i + 1;
      while (j < limit && isSpace(line[j]!)) j++;
      if (line[j] !== COLON || i + 1 - s !== want.length || Buffer.compare(want, line.subarray(s, i + 1)) !== 0) continue;
      j++;
      while (j < limit && isSpace(line[j]!)) j++;
      if (line[j] !== OPEN) return undefined;
      value = j;
      i = j - 1;
    } else if (b === OPEN || b === OPEN_LIST) depth++;
    else if (b === CLOSE || b === CLOSE_LIST) {
      depth--;
      if (value >= 0 && depth === 1) return b === CLOSE ? [value, i + 1] : undefined;
      if (depth <= 0) return undefined;
    }
  }
  return undefined;
}
