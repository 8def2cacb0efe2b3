import { describe, expect, it } from 'vitest';
import { devDocs, pipeline } from './helpers.js';

describe('sentences and article sections', () => {
  it('never joins a headline with the body', () => {
    const doc = pipeline().run({ id: 't' }, 'بوتين يستقبل شي في الكرملين\nاستقبل الرئيس الروسي نظيره الصيني. وبحثا العلاقات.');
    const s = doc.sentences!.map((x) => doc.text.slice(x.start, x.end));
    expect(s).toEqual(['بوتين يستقبل شي في الكرملين', 'استقبل الرئيس الروسي نظيره الصيني.', 'وبحثا العلاقات.']);
  });

  it('splits the scraped seed page into its two articles and flags its furniture', () => {
    const seed = devDocs()[0]!;
    const doc = pipeline().run({ id: seed.id }, seed.text);
    const sents = doc.sentences!;
    const articleOf = (needle: string): number => sents.find((s) => doc.text.slice(s.start, s.end).includes(needle))!.article;
    expect(articleOf('وزير خارجية قطر يبحث مع بلينكن')).toBe(0);
    expect(articleOf('رفض نتنياهو الاستجابة')).toBe(0);
    expect(articleOf('وزير خارجية الصين من موسكو')).toBe(1);
    expect(articleOf('وعززت موسكو وبكين')).toBe(1);
    const furniture = sents.filter((s) => s.boilerplate).map((s) => doc.text.slice(s.start, s.end));
    expect(furniture).toContain('تاريخ النشر: 24th, July 2024 GMT');
    expect(furniture).toContain('إقرأ أيضاً:');
    expect(furniture).toContain('إعلان');
    expect(furniture.some((f) => f.startsWith('المصدر'))).toBe(true);
  });

  it('keeps a CNN dateline out of the article body', () => {
    const doc = pipeline().run({ id: 't' }, 'عنوان الخبر\nدبي، الإمارات العربية المتحدة (CNN)-- أعلنت الحكومة اليوم خطة جديدة.');
    const byline = doc.sentences!.find((s) => s.boilerplate)!;
    expect(doc.text.slice(byline.start, byline.end)).toBe('دبي، الإمارات العربية المتحدة (CNN)--');
  });

  it('cuts a long line without punctuation into bounded sentences', () => {
    const text = 'كلمة '.repeat(5000);
    const doc = pipeline().run({ id: 't' }, text);
    expect(doc.sentences!.length).toBeGreaterThan(10);
    expect(Math.max(...doc.sentences!.map((s) => s.tokEnd - s.tokStart))).toBeLessThanOrEqual(300);
  });
});
