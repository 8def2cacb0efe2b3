import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, toOriginal } from '../src/text/normalize.js';
import { tokenize, TokenKind } from '../src/text/tokenize.js';

describe('normalize', () => {
  it('folds alef and hamza forms, ة/ه, ى/ي, diacritics, tatweel, digits and Persian letters', () => {
    expect(normalize('أإآٱ').text).toBe('اااا');
    expect(normalize('مؤتمر').text).toBe('موتمر');
    expect(normalize('القاهرة').text).toBe('القاهره');
    expect(normalize('مصطفى').text).toBe('مصطفي');
    expect(normalize('مُحَمَّدٌ').text).toBe('محمد');
    expect(normalize('الـــعـــراق').text).toBe('العراق');
    expect(normalize('٢٠٢٤ ۱۴۰۳').text).toBe('2024 1403');
    expect(normalize('کیهان').text).toBe('كيهان');
    expect(normalize('a\u200Fb\u202Bc\u200D').text).toBe('abc');
  });

  it('expands presentation forms (NFKC) and maps every unit back to the original', () => {
    const src = 'ﻻ ﷲ'; // lam-alef ligature, the Allah ligature
    const n = normalize(src);
    expect(n.text).toBe('لا الله');
    expect(n.map[0]).toBe(0);
    expect(n.map[1]).toBe(0);
    expect(n.map[n.text.length]).toBe(src.length);
  });

  it('keeps every letter after a long presentation-form expansion (ﷺ gives 18 units)', () => {
    expect(normalize('ﷺققق').text).toBe('صلي الله عليه وسلمققق');
    expect(normalize('ﷺ'.repeat(3) + 'قطر').text.endsWith('قطر')).toBe(true);
  });

  it('is idempotent on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const once = normalize(s).text;
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('maps every token of arbitrary text back to an exact original slice', () => {
    const arabicish = fc.string({ unit: fc.constantFrom(...'قطر والصين بالدوحة ً ّ ـ ﻻ ﷺ ٣ ، . « » \u200F\n'.split('')), maxLength: 120 });
    fc.assert(
      fc.property(fc.oneof(arabicish, fc.string({ unit: 'binary', maxLength: 120 })), (s) => {
        const n = normalize(s);
        const t = tokenize(n);
        for (let i = 0; i < t.count; i++) {
          const [a, b] = toOriginal(n, t.start[i]!, t.end[i]!);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(s.length);
          expect(b).toBeGreaterThan(a);
          // A presentation form may expand into several tokens, each mapping back to the one ligature.
          if (t.kind[i] !== TokenKind.LineBreak) expect(normalize(s.slice(a, b)).text).toContain(t.norm[i]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('tokenize', () => {
  it('splits Arabic and Latin words, numbers and Arabic punctuation', () => {
    const t = tokenize(normalize('قال وزير الخارجية، الأربعاء 24 تموز 2024: «نعم» (CNN)؟'));
    expect(t.norm).toEqual(['قال', 'وزير', 'الخارجيه', '،', 'الاربعاء', '24', 'تموز', '2024', ':', '«', 'نعم', '»', '(', 'cnn', ')', '؟']);
    expect(t.kind[5]).toBe(TokenKind.Number);
    expect(t.kind[13]).toBe(TokenKind.LatinWord);
  });

  it('keeps decimal numbers whole', () => {
    expect(tokenize(normalize('نما 3.5 بالمئة و٢٫٥')).norm).toEqual(['نما', '3.5', 'بالميه', 'و', '2٫5']);
  });
});
