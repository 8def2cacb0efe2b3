// Property and fuzz tests (fast-check) on arbitrary Unicode mixed with real news phrases:
// offsets exact, normalization idempotent, every output valid against the graph schemas, merging
// associative and commutative, and no input shape that makes the pipeline superlinear.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusGraphBuilder, sameJson } from '../src/graph/corpus-graph.js';
import { readLines } from '../src/io/lines.js';
import { CorpusGraph, DocumentGraph } from '../src/graph/schema.js';
import { normalize } from '../src/text/normalize.js';
import { pipeline } from './helpers.js';

/** Phrases from Arabic news wires, so the arbitrary text actually meets names, titles and triggers. */
const PHRASES = [
  'التقى وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني',
  'نظيره الأمريكي أنتوني بلينكن',
  'في الدوحة',
  'وبحث الجانبان العلاقات الثنائية بين البلدين',
  'وأدان الاتحاد الأوروبي الهجوم على غزة',
  'الرئيس الروسي فلاديمير بوتين',
  'وصل إلى القاهرة',
  'الأمم المتحدة',
  'وزير خارجية مصر سامح شكري',
  '،',
  '.',
  '«',
  '»',
  '\n',
  '\r\n',
  ' ',
  '\u200F',
  '\u200E',
  'ﻗﻄﺮ',
  'ـــ',
  '٢٠٢٤',
];

const newsish = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PHRASES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), {
    maxLength: 25,
  })
  .map((parts) => parts.join(' '));

function checkOffsets(text: string, g: DocumentGraph): void {
  for (const s of g.sentences) expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
  for (const e of g.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  for (const r of g.relations) {
    for (const ev of r.evidence) {
      expect(text.slice(ev.start, ev.end)).toBe(ev.text);
      if (ev.trigger) expect(text.slice(ev.trigger.start, ev.trigger.end)).toBe(ev.trigger.text);
    }
  }
}

describe('properties on arbitrary text', () => {
  it('offsets are exact and every document graph validates against the schema', () => {
    fc.assert(
      fc.property(newsish, (text) => {
        const g = pipeline().process({ id: 'fuzz' }, text);
        checkOffsets(text, g);
        expect(DocumentGraph.safeParse(g).success).toBe(true);
        expect(g.document.length).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('normalization is idempotent and its offset map is monotone and complete', () => {
    fc.assert(
      fc.property(fc.oneof(newsish, fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        const n = normalize(text);
        expect(normalize(n.text).text).toBe(n.text);
        expect(n.map[n.text.length]).toBe(text.length);
        for (let i = 1; i <= n.text.length; i++) expect(n.map[i]!).toBeGreaterThanOrEqual(n.map[i - 1]!);
      }),
      { numRuns: 500 },
    );
  });

  it('the corpus graph validates, and merging shards is associative and commutative', () => {
    fc.assert(
      fc.property(fc.array(newsish, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (texts, i, j) => {
        const graphs = texts.map((t, k) => pipeline().process({ id: `d${k}` }, t));
        const [x, y] = [i % (graphs.length + 1), j % (graphs.length + 1)].sort((a, b) => a - b) as [number, number];
        const shard = (gs: DocumentGraph[]): CorpusGraphBuilder => {
          const b = new CorpusGraphBuilder(3);
          for (const g of gs) b.addDocument(g);
          return b;
        };
        const [a, b, c] = [graphs.slice(0, x), graphs.slice(x, y), graphs.slice(y)];
        const whole = JSON.stringify(shard(graphs).build());
        expect(JSON.stringify(shard(a).merge(shard(b)).merge(shard(c)).build())).toBe(whole);
        expect(JSON.stringify(shard(a).merge(shard(b).merge(shard(c))).build())).toBe(whole);
        expect(JSON.stringify(shard(c).merge(shard(a)).merge(shard(b)).build())).toBe(whole);
        expect(JSON.stringify(shard([...graphs].reverse()).build())).toBe(whole);
        expect(CorpusGraph.safeParse(JSON.parse(whole)).success).toBe(true);
        // Overlapping shards (b in both): each document is listed once, and counted once.
        const docsOf = (g: CorpusGraph): string[] => [...g.entities, ...g.relations].map((x) => `${'id' in x ? x.id : x.key}:${x.documents.join(',')}`);
        const overlapped = shard([...a, ...b]).merge(shard([...b, ...c])).build();
        const wholeGraph = JSON.parse(whole) as CorpusGraph;
        expect(docsOf(overlapped)).toEqual(docsOf(wholeGraph));
        expect(overlapped.stats.documents).toBe(graphs.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('line reader', () => {
  it('gives the same lines however the bytes are chunked, and bounds line length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), async (lines, cuts) => {
        const bytes = Buffer.from(lines.join('\n'), 'utf8');
        const chunks: Buffer[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const n = cuts[i % cuts.length]!;
          chunks.push(bytes.subarray(at, at + n));
          at += n;
        }
        const got: string[] = [];
        for await (const l of readLines(chunks, 40)) got.push(l.ok ? l.bytes.toString('utf8') : `<${l.size} bytes>`);
        const want = bytes.length ? bytes.toString('utf8').split('\n') : [];
        if (want.length && want[want.length - 1] === '') want.pop();
        expect(got).toEqual(want.map((w) => (Buffer.byteLength(w) > 40 ? `<${Buffer.byteLength(w)} bytes>` : w)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('adversarial inputs: no superlinear blow-up (catastrophic backtracking, quadratic loops)', () => {
  // Each shape repeated to n and to 8n characters. Linear work grows about 8×; a quadratic step
  // 64×, catastrophic backtracking far more. The bound (24×, plus a floor against timer noise)
  // only catches blow-ups: it is not a speed test.
  const SHAPES: Record<string, string> = {
    'one letter, no spaces': 'ب',
    'no punctuation': 'وزير الخارجية يبحث العلاقات مع نظيره ',
    'only punctuation': '.،؛!?',
    'unbalanced quotes and brackets': '"«(["',
    'clitic chains': 'وبالل',
    'digits and dots': '1.2.',
    'mixed scripts': 'abc قطر 123 ',
    'titles without names': 'وزير خارجية رئيس ',
    'bidi marks': '\u200F\u200Eق',
  };
  const time = (text: string): number => {
    const t0 = performance.now();
    pipeline().process({ id: 'adv' }, text);
    return performance.now() - t0;
  };
  for (const [name, unit] of Object.entries(SHAPES)) {
    it(name, () => {
      const small = unit.repeat(Math.ceil(4000 / unit.length));
      const large = unit.repeat(Math.ceil(32000 / unit.length));
      time(small); // warm up the JIT
      const ts = Math.min(time(small), time(small));
      const tl = time(large);
      expect(tl).toBeLessThan(24 * ts + 250);
    });
  }
});

describe('sameJson (the corpus graph compares entity records without serializing them)', () => {
  it('is JSON.stringify(a) === JSON.stringify(b), key order included', () => {
    const pair = fc.jsonValue().chain((a) => fc.oneof(fc.constant(a), fc.constant(JSON.parse(JSON.stringify(a)) as unknown), fc.jsonValue()).map((b) => [a, b] as const));
    fc.assert(fc.property(pair, ([a, b]) => sameJson(a, b) === (JSON.stringify(a) === JSON.stringify(b))), { numRuns: 2000 });
    expect(sameJson({ ar: 'قطر', en: 'Qatar' }, { en: 'Qatar', ar: 'قطر' })).toBe(false);
    expect(sameJson({ id: 'country:qa', standsFor: undefined }, { id: 'country:qa' })).toBe(true);
  });
});
