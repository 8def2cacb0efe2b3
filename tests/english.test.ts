// English news into the same graph (issue 8): offsets, gazetteer linking to the Arabic ids, titles,
// relations with the Arabic negation/modality semantics, the language router and a mixed corpus.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEnglishLexicons } from '../src/en/lexicon.js';
import { englishText, loadWink, nameTokens } from '../src/en/text.js';
import { CorpusGraphBuilder } from '../src/graph/corpus-graph.js';
import { DocumentGraph } from '../src/graph/schema.js';
import { buildRouter, detectLanguage, LanguageFile, type Router } from '../src/pipeline/router.js';
import { ConfigError } from '../src/util/errors.js';
import { readJsonChecked } from '../src/util/json-file.js';
import { ROOT } from './helpers.js';

interface Fixture {
  id: string;
  text: string;
  published: string;
  lang: string;
}
const fixtures: Fixture[] = readFileSync(`${ROOT}tests/fixtures/en-news.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Fixture);

let router: Router;
beforeAll(() => {
  router = buildRouter({ ar: `${ROOT}pipelines/news-ar.json`, en: `${ROOT}pipelines/news-en.json` });
}, 60_000);

const en = (text: string, published = '2024-07-24'): DocumentGraph => {
  const r = router.process({ id: 't', published, lang: 'en' }, text);
  if (r.status !== 'ok') throw new Error(r.reason);
  return r.graph;
};
const ar = (text: string, published = '2024-07-24'): DocumentGraph => {
  const r = router.process({ id: 't', published, lang: 'ar' }, text);
  if (r.status !== 'ok') throw new Error(r.reason);
  return r.graph;
};
const rel = (g: DocumentGraph, type: string): string[] =>
  g.relations
    .filter((r) => r.type === type)
    .map((r) => `${r.source} ${r.target}`)
    .sort();
const has = (g: DocumentGraph, type: string, a: string, b: string): boolean =>
  g.relations.some((r) => r.type === type && ((r.source === a && r.target === b) || (r.source === b && r.target === a && ['MET_WITH', 'COOPERATES_WITH', 'AT_WAR_WITH', 'NEGOTIATES_WITH'].includes(type))));
const mentions = (g: DocumentGraph, id: string): string[] => g.entities.find((e) => e.id === id)?.mentions.map((m) => m.text) ?? [];

describe('English text layer', () => {
  it('gives exact UTF-16 offsets into the original text, whatever the characters', () => {
    const wink = loadWink();
    const text = 'Qatar’s emir 🇶🇦 met Abdel Fattah el-Sisi\r\nin Cairo — “talks were good”, said Mr. Wang Yi\'s aide; U.S.-backed café naïve.';
    const t = englishText(wink, text);
    const words = [...Array(t.tokens.count).keys()].map((k) => text.slice(t.tokens.start[k], t.tokens.end[k]));
    expect(words).toContain('el');
    expect(words).toContain('Sisi');
    // After an emoji (two UTF-16 code units a flag letter) offsets are still code-unit indices.
    expect(words[words.indexOf('emir') + 1]!.startsWith('🇶')).toBe(true);
    expect(t.tokens.start[words.indexOf('met')]).toBe(text.indexOf(' met ') + 1);
    expect(words).toContain('Cairo');
    for (let k = 0; k < t.tokens.count; k++) expect(text.slice(t.tokens.start[k], t.tokens.end[k]).length).toBeGreaterThan(0);
    // The line break ends a sentence; no sentence crosses it.
    expect(t.sentences.some((s) => text.slice(s.start, s.end).includes('\n'))).toBe(false);
    expect(text.slice(t.sentences[0]!.start, t.sentences[0]!.end)).toBe('Qatar’s emir 🇶🇦 met Abdel Fattah el-Sisi');
  });

  it('tokenizes gazetteer names as wink tokenizes text (the same matching keys)', () => {
    const wink = loadWink();
    const names = ['Abdel Fattah el-Sisi', 'Mohammed bin Abdulrahman Al Thani', "People's Protection Units", 'U.S.', 'Kata\'ib Hezbollah', 'Guinea-Bissau', 'Côte d\'Ivoire', 'Hayat Tahrir al-Sham', 'OPEC+', 'Port-au-Prince'];
    for (const n of names) {
      const t = englishText(wink, n);
      expect(t.tokens.norm.filter((f) => /[\p{L}\p{N}&+]/u.test(f)), n).toEqual(nameTokens(n).folded);
    }
  });

  it('every mention, trigger and evidence span of the fixtures slices the original text exactly', () => {
    for (const f of fixtures) {
      const g = en(f.text, f.published);
      expect(DocumentGraph.safeParse(g).success).toBe(true);
      for (const e of g.entities) for (const m of e.mentions) expect(f.text.slice(m.start, m.end)).toBe(m.text);
      for (const r of g.relations) {
        for (const ev of r.evidence) {
          expect(f.text.slice(ev.start, ev.end)).toBe(ev.text);
          if (ev.trigger) expect(f.text.slice(ev.trigger.start, ev.trigger.end)).toBe(ev.trigger.text);
        }
      }
    }
  });
});

describe('English entities link to the Arabic gazetteer ids', () => {
  it('names, derived surnames, demonyms, acronyms and spelling variants', () => {
    const g = en(
      'Russian Foreign Minister Sergei Lavrov met UN chief Antonio Guterres in New York. Lavrov said the U.N. should act, and Israeli and Palestinian officials attended.',
    );
    expect(mentions(g, 'person:sergey-lavrov')).toEqual(['Sergei Lavrov', 'Lavrov']);
    expect(mentions(g, 'country:ru')).toEqual(['Russian']);
    expect(mentions(g, 'org:un')).toEqual(['UN', 'U.N.']);
    expect(mentions(g, 'country:il')).toEqual(['Israeli']);
    expect(has(g, 'HOLDS_ROLE', 'person:sergey-lavrov', 'country:ru')).toBe(true);
  });

  it('al- and el- spell the same article: "Abdel-Fattah al-Sisi" is the listed "Abdel Fattah el-Sisi"', () => {
    const g = en('U.S. President Joe Biden spoke with Egyptian President Abdel-Fattah al-Sisi about the hostage talks.');
    expect(mentions(g, 'person:abdel-fattah-el-sisi')).toEqual(['Abdel-Fattah al-Sisi']);
    expect(has(g, 'MET_WITH', 'person:joe-biden', 'person:abdel-fattah-el-sisi')).toBe(true);
  });

  it('a short name is linked only after the full name (coref), and lower-case "us" is no country', () => {
    const g = en('Mohammed bin Abdulrahman Al Thani received Antony Blinken in Doha. Al Thani told us the talks went well.');
    expect(mentions(g, 'person:mohammed-bin-abdulrahman-al-thani')).toEqual(['Mohammed bin Abdulrahman Al Thani', 'Al Thani']);
    expect(mentions(g, 'country:us')).toEqual([]);
    expect(g.entities.some((e) => e.id.startsWith('new:person:al-thani'))).toBe(false);
  });

  it('people no gazetteer lists get new: ids, from a title or from compromise', () => {
    const g = en('Hamas spokesman Jihad Taha said the movement had received the proposal. Diplomat Jonathan Harrington Smith was also in Doha.');
    expect(g.entities.find((e) => e.id === 'new:person:jihad-taha')?.type).toBe('PERSON');
    expect(has(g, 'HOLDS_ROLE', 'new:person:jihad-taha', 'org:hamas')).toBe(true);
  });
});

describe('English relations', () => {
  it('the wire sentence: MET_WITH, HOLDS_ROLE (counterpart) and MEDIATES_BETWEEN with the Arabic ids', () => {
    const g = en(
      'Qatari Foreign Minister Mohammed bin Abdulrahman Al Thani discussed with his American counterpart Antony Blinken on Wednesday the mediation efforts between Israel and Hamas.',
    );
    expect(has(g, 'MET_WITH', 'person:mohammed-bin-abdulrahman-al-thani', 'person:antony-blinken')).toBe(true);
    expect(g.relations.find((r) => r.type === 'HOLDS_ROLE' && r.source === 'person:antony-blinken')).toMatchObject({ target: 'country:us', attributes: { role: 'foreign_minister' } });
    expect(rel(g, 'MEDIATES_BETWEEN')).toEqual(['person:mohammed-bin-abdulrahman-al-thani country:il', 'person:mohammed-bin-abdulrahman-al-thani org:hamas']);
  });

  it('a phone call sets the meeting mode; "spoke by phone with" is a phone meeting', () => {
    const g = en('Egyptian President Abdel Fattah el-Sisi held a phone call with Russian President Vladimir Putin on Monday.');
    expect(g.relations.find((r) => r.type === 'MET_WITH')).toMatchObject({ source: 'person:abdel-fattah-el-sisi', target: 'person:vladimir-putin', attributes: { mode: 'phone' } });
  });

  it('negated, cancelled and requested events give nothing; planned ones are marked', () => {
    expect(rel(en('Ukrainian President Volodymyr Zelensky did not meet Chinese President Xi Jinping.'), 'MET_WITH')).toEqual([]);
    expect(rel(en('Turkish President Recep Tayyip Erdogan cancelled his visit to Israel.'), 'VISITS')).toEqual([]);
    expect(rel(en('Qatar urged talks between Israel and Hamas.'), 'MET_WITH')).toEqual([]);
    const planned = en('Chinese President Xi Jinping will visit Russia next week.');
    expect(planned.relations.find((r) => r.type === 'VISITS')).toMatchObject({ source: 'person:xi-jinping', target: 'country:ru', attributes: { modality: 'planned' } });
    const done = en('Chinese President Xi Jinping visited Russia in March.');
    expect(done.relations.find((r) => r.type === 'VISITS')?.attributes).toEqual({ modality: 'done' });
  });

  it('war, support, opposition, cooperation and membership', () => {
    const g = en(
      "Russia's full-scale invasion of Ukraine began in February 2022. Israeli strikes on Gaza continued. The European Union supported Ukraine. Egypt condemned Israel. Qatar and Turkey signed a cooperation agreement. Finland joined NATO.",
    );
    expect(has(g, 'AT_WAR_WITH', 'country:ru', 'country:ua')).toBe(true);
    expect(has(g, 'AT_WAR_WITH', 'country:il', 'location:gaza-strip')).toBe(true);
    expect(has(g, 'SUPPORTS', 'org:eu', 'country:ua')).toBe(true);
    expect(has(g, 'OPPOSES', 'country:eg', 'country:il')).toBe(true);
    expect(has(g, 'COOPERATES_WITH', 'country:qa', 'country:tr')).toBe(true);
    expect(has(g, 'MEMBER_OF', 'country:fi', 'org:nato')).toBe(true);
    expect(has(en('Hezbollah fired rockets at northern Israel on Sunday.'), 'AT_WAR_WITH', 'org:hezbollah', 'country:il')).toBe(true);
  });

  it('a talk topic is not the speaker\'s war, and the object of a meeting is not the visitor', () => {
    const g = en('Chinese top diplomat Wang Yi met Russian President Vladimir Putin in Moscow, capping a visit to Russia. Wang held talks with Lavrov on the war in Ukraine.');
    expect(rel(g, 'VISITS')).toEqual(['person:wang-yi country:ru']);
    expect(rel(g, 'AT_WAR_WITH')).toEqual([]);
  });
});

describe('the same events in Arabic and in English', () => {
  const pairs: [string, string, string, string[]][] = [
    [
      'Qatar–US call',
      'بحث وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني، الأربعاء، مع نظيره الأمريكي أنتوني بلينكن جهود الوساطة بين إسرائيل وحركة حماس.',
      'Qatari Foreign Minister Mohammed bin Abdulrahman Al Thani discussed with his American counterpart Antony Blinken on Wednesday the mediation efforts between Israel and Hamas.',
      ['MET_WITH', 'MEDIATES_BETWEEN', 'VISITS', 'HOLDS_ROLE'],
    ],
    [
      'Xi in Moscow',
      'وصل الرئيس الصيني شي جين بينغ إلى موسكو الاثنين في زيارة دولة إلى روسيا تستمر ثلاثة أيام.',
      'Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit to Russia.',
      ['MET_WITH', 'MEDIATES_BETWEEN', 'VISITS', 'HOLDS_ROLE'],
    ],
    [
      'Gaza mediators',
      'تتوسط قطر ومصر والولايات المتحدة بين إسرائيل وحماس منذ أشهر للتوصل إلى وقف لإطلاق النار في غزة.',
      'Qatar, Egypt and the United States have been mediating between Israel and Hamas for months to reach a ceasefire in Gaza.',
      ['MET_WITH', 'MEDIATES_BETWEEN', 'VISITS'],
    ],
    [
      'Wang and Putin',
      'التقى وزير الخارجية الصيني وانغ يي الرئيس الروسي فلاديمير بوتين في موسكو.',
      'Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin in Moscow.',
      ['MET_WITH', 'HOLDS_ROLE'],
    ],
  ];
  for (const [name, arText, enText, types] of pairs) {
    it(`${name}: the same ${types.join(', ')} relations between the same ids`, () => {
      const a = ar(arText), e = en(enText);
      for (const t of types) expect(rel(e, t), t).toEqual(rel(a, t));
      expect(types.reduce((n, t) => n + rel(e, t).length, 0)).toBeGreaterThan(0);
    });
  }
});

describe('language router and mixed corpus', () => {
  const rules = readJsonChecked(`${ROOT}lexicons/en/language.json`, LanguageFile);

  it('detects Arabic, English and other Latin-script languages by script and function words', () => {
    expect(detectLanguage('التقى وزير الخارجية القطري نظيره الأمريكي (CNN)', rules).lang).toBe('ar');
    expect(detectLanguage('The foreign minister met his counterpart in Doha on Monday.', rules).lang).toBe('en');
    expect(detectLanguage("Le ministre des affaires étrangères a rencontré son homologue à Doha lundi.", rules).lang).toBe('other');
    expect(detectLanguage('2024 — 12/07', rules).lang).toBe('none');
  });

  it('the lang field wins over the script; other languages are skipped with a reason', () => {
    expect(router.route({ id: 'x' }, 'Blinken met Al Thani in Doha on Monday.')).toEqual({ lang: 'en' });
    expect(router.route({ id: 'x', lang: 'ar' }, 'Blinken met Al Thani.')).toEqual({ lang: 'ar' });
    const fr = router.process({ id: 'fr', lang: 'fr' }, 'Le ministre a rencontré son homologue.');
    expect(fr).toMatchObject({ status: 'skipped', lang: 'fr' });
    const guessed = router.process({ id: 'fr2' }, "Le ministre des affaires étrangères a rencontré son homologue à Doha lundi.");
    expect(guessed.status).toBe('skipped');
    if (guessed.status === 'skipped') expect(guessed.reason).toMatch(/English function words/);
  });

  it('Arabic and English documents give one corpus graph; a relation found in both has evidence from each', () => {
    const b = new CorpusGraphBuilder();
    const docs = [
      { id: 'ar-1', text: 'التقى وزير الخارجية الصيني وانغ يي الرئيس الروسي فلاديمير بوتين في موسكو.' },
      { id: 'en-1', text: 'Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin in Moscow on Wednesday.' },
      { id: 'fr-1', text: 'Le ministre chinois des affaires étrangères a rencontré le président russe à Moscou.' },
    ];
    const statuses = docs.map((d) => {
      const r = router.process({ id: d.id, published: '2023-02-22' }, d.text);
      if (r.status === 'ok') b.addDocument(r.graph);
      return r.status === 'ok' ? r.lang : r.status;
    });
    expect(statuses).toEqual(['ar', 'en', 'skipped']);
    const g = b.build();
    const met = g.relations.find((r) => r.type === 'MET_WITH');
    expect(met).toMatchObject({ source: 'person:vladimir-putin', target: 'person:wang-yi', count: 2, documents: ['ar-1', 'en-1'] });
    expect(new Set(met!.evidence.map((e) => e.document))).toEqual(new Set(['ar-1', 'en-1']));
    expect(g.entities.find((e) => e.id === 'person:wang-yi')?.documents).toEqual(['ar-1', 'en-1']);
  });
});

describe('English lexicon files', () => {
  it('are checked when the router is built, though the English pipeline is built on the first English document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shabaka-en-'));
    cpSync(`${ROOT}lexicons`, join(dir, 'lexicons'), { recursive: true });
    const roles = join(dir, 'lexicons', 'en', 'roles.json');
    writeFileSync(roles, readFileSync(roles, 'utf8').replace('"key": "emir"', '"key": "emirr"'));
    const file = join(dir, 'news-en.json');
    const spec = JSON.parse(readFileSync(`${ROOT}pipelines/news-en.json`, 'utf8')) as { resources: { gazetteers: string; lexicons: string } };
    spec.resources = { gazetteers: `${ROOT}gazetteers`, lexicons: join(dir, 'lexicons') };
    writeFileSync(file, JSON.stringify(spec));
    expect(() => buildRouter({ ar: `${ROOT}pipelines/news-ar.json`, en: file })).toThrow(/roles\.json:\d+:roles\.2\.key: unknown role "emirr"/);
  });


  it('report an unknown role key or id with file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shabaka-en-'));
    cpSync(`${ROOT}lexicons/en`, join(dir, 'en'), { recursive: true });
    const roles = join(dir, 'en', 'roles.json');
    writeFileSync(roles, readFileSync(roles, 'utf8').replace('"key": "emir"', '"key": "emirr"'));
    const gaz = router.pipelines.en.resources.gazetteer;
    let msg = '';
    try {
      loadEnglishLexicons(dir, `${ROOT}gazetteers`, gaz);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      msg = (e as Error).message;
    }
    expect(msg).toMatch(new RegExp(`${roles.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:roles\\.2\\.key: unknown role "emirr"`));
  });
});
