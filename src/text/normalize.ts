// Arabic-aware normalization that keeps a map back to the original offsets.
// The normalized view is used for matching only; every span written out is mapped back.
import { int32s, uint16s, type TypedArena } from '../util/arena.js';

/** Normalized text plus `map[i]` = offset in the original of normalized code unit i; map[length] = original length. */
export interface Normalized {
  readonly source: string;
  /** The normalized code units (what the tokenizer reads). */
  readonly units: Uint16Array;
  /** The normalized text as a string (made on first use: the pipeline itself reads units). */
  readonly text: string;
  readonly map: Int32Array;
}

class NormalizedText implements Normalized {
  private decoded: string | undefined;
  constructor(
    readonly source: string,
    readonly units: Uint16Array,
    readonly map: Int32Array,
  ) {}
  get text(): string {
    return (this.decoded ??= utf16String(this.units));
  }
}

const enum Act {
  Keep = 0,
  Drop = 1,
  Replace = 2,
  Nfkc = 3,
}

// A per-code-unit table: action and replacement code unit. Built once at module load (immutable).
const ACTION = new Uint8Array(0x10000);
const REPLACEMENT = new Uint16Array(0x10000);

function replace(from: number, to: number): void {
  ACTION[from] = Act.Replace;
  REPLACEMENT[from] = to;
}
function dropRange(lo: number, hi: number): void {
  for (let c = lo; c <= hi; c++) ACTION[c] = Act.Drop;
}

// Diacritics (harakat, tanwin, shadda, sukun, Quranic marks), superscript alef, tatweel.
dropRange(0x064b, 0x065f);
dropRange(0x0610, 0x061a);
dropRange(0x06d6, 0x06dc);
dropRange(0x06df, 0x06e8);
dropRange(0x06ea, 0x06ed);
ACTION[0x0670] = Act.Drop;
ACTION[0x0640] = Act.Drop;
// Zero-width and bidi marks, BOM, Arabic letter mark, soft hyphen.
dropRange(0x200b, 0x200f);
dropRange(0x202a, 0x202e);
dropRange(0x2066, 0x2069);
ACTION[0xfeff] = Act.Drop;
ACTION[0x061c] = Act.Drop;
ACTION[0x00ad] = Act.Drop;
// Alef and hamza forms.
for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) replace(c, 0x0627);
replace(0x0624, 0x0648); // ؤ → و
replace(0x0626, 0x064a); // ئ → ي
replace(0x0629, 0x0647); // ة → ه
replace(0x0649, 0x064a); // ى → ي
replace(0x06cc, 0x064a); // Persian ی → ي
replace(0x06a9, 0x0643); // Persian ک → ك
replace(0x06af, 0x06af); // گ kept as is (a distinct letter in transliterations)
// Arabic-Indic and Persian digits.
for (let d = 0; d < 10; d++) {
  replace(0x0660 + d, 0x30 + d);
  replace(0x06f0 + d, 0x30 + d);
}
// Spaces: NBSP and friends become a plain space.
for (const c of [0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000]) {
  replace(c, 0x20);
}
// Hashtags (#ترمب، #كوريا_الشمالية): "#" and the "_" joining words read as spaces.
replace(0x5f, 0x20);
replace(0x23, 0x20);
// ASCII upper case → lower case (same length).
for (let c = 0x41; c <= 0x5a; c++) replace(c, c + 32);
// Arabic presentation forms: NFKC, which may expand one unit into several.
for (let c = 0xfb50; c <= 0xfdff; c++) ACTION[c] = Act.Nfkc;
for (let c = 0xfe70; c <= 0xfefe; c++) ACTION[c] = Act.Nfkc;

/** Folds one already-NFKC'd code unit the same way as the main pass (for presentation-form output). */
function foldUnit(c: number): number {
  const a = ACTION[c];
  if (a === Act.Replace) return REPLACEMENT[c] as number;
  if (a === Act.Drop) return -1;
  return c;
}

/**
 * Normalizes `text` for matching: alef/hamza forms, ة→ه, ى→ي, diacritics and tatweel removed,
 * presentation forms via NFKC, Arabic-Indic and Persian digits, zero-width and bidi marks, Persian ک/ی,
 * ASCII lower case. Idempotent.
 */
export function normalize(text: string, arena?: TypedArena): Normalized {
  const n = text.length;
  let out = uint16s(arena, n + 16);
  let map = int32s(arena, n + 17);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const a = ACTION[c];
    if (a === Act.Keep) {
      out[j] = c;
      map[j++] = i;
    } else if (a === Act.Replace) {
      out[j] = REPLACEMENT[c] as number;
      map[j++] = i;
    } else if (a === Act.Nfkc) {
      // One presentation form can expand to many units (ﷺ gives 18): grow the buffers when needed.
      const s = text[i]!.normalize('NFKC');
      // Room for this expansion and for every unit still to come (each gives at most one).
      if (j + s.length + (n - i) + 1 >= out.length) {
        const size = out.length * 2 + s.length;
        const o2 = uint16s(arena, size);
        o2.set(out);
        out = o2;
        const m2 = int32s(arena, size + 1);
        m2.set(map);
        map = m2;
      }
      for (let k = 0; k < s.length; k++) {
        const f = foldUnit(s.charCodeAt(k));
        if (f < 0) continue;
        out[j] = f;
        map[j++] = i;
      }
    }
  }
  map[j] = n;
  return new NormalizedText(text, out.subarray(0, j), map.subarray(0, j + 1));
}

const DECODER = new TextDecoder('utf-16le');
// The decoder reads the buffer's bytes as little-endian UTF-16, which is how Uint16Array stores them here.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The string of these UTF-16 code units, exactly: one native decode of the whole buffer (far cheaper
 * than String.fromCharCode over chunks), unless a lone surrogate is there, which the decoder would
 * turn into U+FFFD.
 */
function utf16String(units: Uint16Array): string {
  if (!LITTLE_ENDIAN) return exactString(units);
  for (let k = 0; k < units.length; k++) {
    const c = units[k]!;
    if (c < 0xd800 || c > 0xdfff) continue;
    const d = units[k + 1] ?? 0;
    if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) k++;
    else return exactString(units);
  }
  return DECODER.decode(units);
}

function exactString(units: Uint16Array): string {
  let str = '';
  const CHUNK = 8192;
  for (let k = 0; k < units.length; k += CHUNK) str += String.fromCharCode(...units.subarray(k, Math.min(units.length, k + CHUNK)));
  return str;
}

/** Normalizes a short string (a gazetteer name or trigger) without keeping the map. */
export function normalizeString(s: string): string {
  if (s === '') return '';
  return normalize(s).text.replace(/\s+/g, ' ').trim();
}

/** Original [start, end) of the normalized range [nStart, nEnd), with diacritics and tatweel right after it. */
export function toOriginal(norm: Normalized, nStart: number, nEnd: number): [number, number] {
  const start = norm.map[nStart] as number;
  let end = (norm.map[nEnd - 1] as number) + 1;
  const next = norm.map[nEnd] as number;
  // Marks dropped after the last letter belong to the word (a diacritic on the final letter).
  while (end < next && isWordMark(norm.source.charCodeAt(end))) end++;
  return [start, end];
}

/** Harakat, tanwin, shadda, sukun, superscript alef, tatweel: marks on a letter, not letters. */
export function isWordMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}
