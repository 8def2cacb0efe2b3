// JSON.stringify of a big object in pieces, so a corpus graph is written without first being one
// string (for ant-2018, 23 MB of UTF-8: 46 MB of UTF-16 on the heap, at the run's memory peak).

/** Pieces are gathered up to about this many UTF-16 units before they are handed on. */
const PIECE_UNITS = 1 << 16;

/**
 * The exact text of JSON.stringify(value) (an object of plain JSON values), in pieces: the
 * elements of its top-level arrays are stringified one by one.
 */
export function* jsonPieces(value: object): Generator<string> {
  let piece = '{';
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    // What JSON.stringify leaves out of an object.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    piece += `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    if (!Array.isArray(v)) {
      piece += JSON.stringify(v);
      continue;
    }
    piece += '[';
    for (let i = 0; i < v.length; i++) {
      // In an array, what JSON.stringify cannot write becomes null.
      piece += `${i ? ',' : ''}${JSON.stringify(v[i]) ?? 'null'}`;
      if (piece.length >= PIECE_UNITS) {
        yield piece;
        piece = '';
      }
    }
    piece += ']';
  }
  yield `${piece}}`;
}
