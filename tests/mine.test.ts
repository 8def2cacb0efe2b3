import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NameMiner, MinePatternsFile } from '../src/gazetteer/mine.js';
import { pipeline, ROOT } from './helpers.js';

describe('gazetteer mine', () => {
  it('proposes people after titles and places after head words, with counts and contexts', () => {
    const p = pipeline();
    const patterns = MinePatternsFile.parse(JSON.parse(readFileSync(`${ROOT}lexicons/mine-patterns.json`, 'utf8')));
    const miner = new NameMiner(patterns, p.resources.nameRules.notNames);
    const texts = [
      'قال رئيس بلدية مصراتة محمود السقوطري إن بلاده تدعم الحوار في بلدة كفرنبودة.',
      'وصل رئيس بلدية مصراتة محمود السقوطري إلى بلدة كفرنبودة بعد زيارة مدينة نواذيبو.',
    ];
    texts.forEach((t, i) => miner.addDocument(p.run({ id: String(i) }, t)));
    const rows = miner.results(2, 10);
    const place = rows.find((r) => r.form === 'بلدة كفرنبودة');
    expect(place).toMatchObject({ type: 'LOCATION', count: 2 });
    expect(place!.contexts[0]).toContain('كفرنبودة');
    expect(rows.some((r) => r.type === 'PERSON' && r.form === 'محمود السقوطري' && r.count === 2)).toBe(true);
  });
});
