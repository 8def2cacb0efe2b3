import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentGraph } from '../src/graph/schema.js';
import { extract } from './helpers.js';

// Real names and function words mixed with arbitrary Unicode, diacritics, tatweel, bidi marks and
// presentation forms: every mention and evidence span must slice back to its text.
const pieces = [
  'قطر', 'والصين', 'بالدوحة', 'للأمم المتحدة', 'وزير الخارجية القطري', 'محمد بن عبدالرحمن آل ثاني', 'بلينكن', 'الرئيس الروسي',
  'فلاديمير بوتين', 'التقى', 'مع', 'بين', 'إسرائيل', 'وحركة حماس', '#ترمب', 'كوريا_الشمالية', 'ﻻ', 'ﷺ', 'ـــ', 'َ', 'ّ', '\u200f', '\u202b',
  '«', '»', '،', '.', '\n', ' ', 'CNN', '٢٠٢٤', 'ی', 'ک',
];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 60 }).map((xs) => xs.join(' '));

describe('offsets on arbitrary text', () => {
  it('every mention, trigger and evidence slices back to its text, and the graph validates', () => {
    fc.assert(
      fc.property(text, (t) => {
        const g = extract(t);
        expect(DocumentGraph.safeParse(g).success).toBe(true);
        for (const e of g.entities) for (const m of e.mentions) expect(t.slice(m.start, m.end)).toBe(m.text);
        for (const r of g.relations) {
          for (const ev of r.evidence) {
            expect(t.slice(ev.start, ev.end)).toBe(ev.text);
            if (ev.trigger) expect(t.slice(ev.trigger.start, ev.trigger.end)).toBe(ev.trigger.text);
          }
        }
        for (const s of g.sentences) expect(s.end).toBeGreaterThan(s.start);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps offsets exact when diacritics and tatweel sit inside a name', () => {
    const t = 'التقى وزيرُ الخارجيةِ القطريُّ محمدٌ بن عبدالرحمن آل ثانـــي مع بلينـكن في الدوحةِ.';
    const g = extract(t);
    for (const e of g.entities) for (const m of e.mentions) expect(t.slice(m.start, m.end)).toBe(m.text);
    expect(g.entities.some((e) => e.id === 'country:qa')).toBe(true);
    expect(g.entities.some((e) => e.id === 'location:doha' && e.mentions[0]!.text === 'الدوحةِ')).toBe(true);
  });
});
