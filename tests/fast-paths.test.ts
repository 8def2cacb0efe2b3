// The speed work's fast paths (issue 6) must give what the plain code gave: the native UTF-16
// decode in normalize, names tokenized without typed arrays, the reading cache's own hash table,
// the shared lookup strings of tokens, and the allocation-free trigger walk.
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { findTriggers, triggerStartKeys, triggerStartTest } from '../src/relations/triggers.js';
import { decompose, newMemo, recall, remember } from '../src/text/clitics.js';
import { normalize } from '../src/text/normalize.js';
import { lookupForm, lookupFormWithoutArticle, readingsOf, tokenForms, tokenize, TokenKind } from '../src/text/tokenize.js';
import { Vocabulary } from '../src/text/vocabulary.js';
import { FormFeatures, type FormTest } from '../src/text/form-features.js';
import { KeyBloom } from '../src/util/key-bloom.js';
import { sortInPlace } from '../src/util/sort.js';
import { TypedArena } from '../src/util/arena.js';
import { buildPipeline } from '../src/pipeline/runner.js';
import { buildProcessor } from '../src/pipeline/processor.js';
import { devDocs, pipeline, PIPELINE_FILE, ROOT } from './helpers.js';

const surrogates = (s: string): string => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).filter((c) => c >= 0xd800 && c <= 0xdfff).map((c) => c.toString(16)).join(' ');

describe('normalize: the decoded string', () => {
  it('keeps emoji and lone surrogates exactly (the decoder alone would write U+FFFD)', () => {
    expect(normalize('قال 😀 الرئيس').text).toBe('قال 😀 الرييس');
    expect(normalize('a\uD800b').text).toBe('a\uD800b');
    expect(normalize('x\uDC00').text).toBe('x\uDC00');
    expect(normalize('وصل\uD83D').text).toBe('وصل\uD83D');
    expect(normalize('\uDE00\uD83D').text).toBe('\uDE00\uD83D');
  });

  it('keeps every surrogate code unit of arbitrary text and one map entry per unit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', 'ب', ' ', 'ـ'), maxLength: 20 }), (a, b) => {
        const s = a + b;
        const n = normalize(s);
        expect(surrogates(n.text)).toBe(surrogates(s));
        expect(n.map.length).toBe(n.text.length + 1);
      }),
    );
  });

  it('decodes a long article (one decode of the whole buffer) as its lines one by one', () => {
    const line = 'أعلنت وزارة الخارجية القطرية، اليوم الأحد، أن الوزير بحث مع نظيره الأمريكي هاتفياً تطورات الأوضاع في غزة. ';
    const text = line.repeat(400);
    expect(normalize(text).text).toBe(normalize(line).text.repeat(400));
  });
});

describe('tokenForms (names compiled without typed arrays)', () => {
  const same = (s: string): void => {
    const n = normalize(s);
    expect(tokenForms(n.text)).toEqual(tokenize(n).norm);
  };

  it('splits names as tokenize does, whatever they hold', () => {
    for (const s of ['عبد الله بن زايد آل نهيان', 'الأمم  المتحدة ', ' حزب الله', 'G20', 'مجموعة الـ20', 'أبو ظبي', 'ب.ب.س', 'إم بي سي 2', 'منظمة "أوبك"', '\tالقاهرة\n']) same(s);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('ا', 'ل', 'م', 'ة', 'أ', ' ', ' ', '.', '-', 'a', '1', '\t', 'ـ', '\u064E'), maxLength: 30 }), same));
  });
});

describe('Vocabulary', () => {
  const words = ['والصين', 'بالدوحة', 'للأمم', 'وزير', 'فلسطين', 'كالعادة', 'ولبنان', 'الرياض', 'وبكين', 'فالقاهرة'].map((w) => normalize(w).text);

  it('gives the readings decompose gives, the same entry for the same form', () => {
    const vocab = new Vocabulary();
    for (const w of words) {
      expect(vocab.get(w, true).readings).toEqual(decompose(w));
      expect(vocab.get(w.slice(0), true)).toBe(vocab.get(w, true));
      expect(vocab.get(w, true).form).toBe(w);
    }
  });

  it('interns the tokens of a text: one string object per form, readings for Arabic words only', () => {
    const vocab = new Vocabulary();
    const t = tokenize(normalize('وزير الخارجية التقى وزير الدفاع في 2024، وزير'), vocab);
    expect(t.norm).toEqual(tokenize(normalize('وزير الخارجية التقى وزير الدفاع في 2024، وزير')).norm);
    expect(t.entries![0]).toBe(t.entries![3]);
    expect(t.entries![0]).toBe(t.entries![8]);
    expect(t.entries![0]!.readings).toEqual(decompose('وزير'));
    expect(readingsOf(t, 0)).toEqual(decompose('وزير'));
    expect(t.entries![6]!.readings).toEqual([]);
  });

  it('stays right while its tables grow and generations turn over, and keeps frequent forms', () => {
    const forms = Array.from({ length: 40_000 }, (_, i) => `${words[i % words.length]}${i}`);
    const big = new Vocabulary(100_000);
    for (const f of forms) big.get(f, true);
    for (const f of forms.slice(0, 2000)) expect(big.get(f, true).readings).toEqual(decompose(f));
    const small = new Vocabulary(100);
    const frequent = small.get(words[0]!, true);
    for (const f of forms.slice(0, 250)) {
      expect(small.get(f, true).readings).toEqual(decompose(f));
      expect(small.get(f, true).form).toBe(f);
      expect(small.get(words[0]!, true)).toBe(frequent);
    }
    for (const f of forms.slice(0, 250)) expect(small.get(f, true).readings).toEqual(decompose(f));
  });
});

describe('recall and remember (per-form lookups)', () => {
  it('keep one value for each of four owners and none for a fifth', () => {
    const d = newMemo();
    const owners = [{}, {}, {}, {}, {}];
    expect(recall(d, owners[0]!)).toBeUndefined();
    expect(remember(d, owners[0]!, null)).toBeNull();
    owners.slice(1).forEach((o, k) => expect(remember(d, o, [k])).toEqual([k]));
    expect(recall(d, owners[0]!)).toBeNull();
    owners.slice(1, 4).forEach((o, k) => expect(recall(d, o)).toEqual([k]));
    expect(recall(d, owners[4]!)).toBeUndefined();
    expect(recall(newMemo(), owners[1]!)).toBeUndefined();
  });

  it('give the matchers what they find without a vocabulary, and leave the readings as decompose gives them', () => {
    const p = pipeline();
    const text = 'وصل وزير الخارجية الصيني وانغ يي إلى الدوحة والتقى أمير قطر، وقال إنه سيزور القاهرة';
    const a = p.run({ id: 'a' }, text);
    const b = p.run({ id: 'b' }, text);
    const tokens = a.tokens!;
    expect(tokens.entries!.some((e) => e.memo?.memoOwner1 !== undefined)).toBe(true);
    for (let i = 0; i < tokens.count; i++) if (tokens.kind[i] === TokenKind.ArabicWord) expect(readingsOf(tokens, i)).toEqual(decompose(tokens.norm[i]!));
    // Memos filled by the first run serve the second: same mentions, roles and relations.
    expect(b.mentions).toEqual(a.mentions);
    expect(b.relations).toEqual(a.relations);
    const plain = tokenize(normalize(text));
    expect(plain.entries).toBeUndefined();
    const lex = p.resources.triggers;
    expect(findTriggers(lex, plain, 0, plain.count)).toEqual(findTriggers(lex, tokens, 0, tokens.count));
  });
});

describe('form features (a pre-filter: stages skip tokens without them)', () => {
  it('change nothing in the graphs of the dev documents', () => {
    const p = pipeline();
    const plain = buildPipeline(PIPELINE_FILE, p.resources, { formFeatures: false });
    const docs = devDocs();
    expect(docs.length).toBeGreaterThan(20);
    for (const d of docs) expect(p.process({ id: d.id }, d.text)).toEqual(plain.process({ id: d.id }, d.text));
  });

  it('leave the context rules of ambiguous.json their words, with clitics and far away in the article', () => {
    // docAny finds "بجدة" (ب + جدة) sentences away; docNone finds "وللقاهرة" nowhere but in the second text.
    const saudi = 'فاز الأهلي على ضيفه بهدفين في الجولة الأخيرة من الدوري. وقال المدرب إن الفريق لعب جيدا. وتقام المباراة المقبلة في ملعب الجوهرة بجدة الأسبوع المقبل.';
    const egyptian = `${saudi} وعاد الفريق بعدها وللقاهرة ذكريات كثيرة.`;
    const p = pipeline();
    const plain = buildPipeline(PIPELINE_FILE, p.resources, { formFeatures: false });
    const clubs = (g: ReturnType<typeof p.process>): string[] => g.entities.map((e) => e.id).filter((id) => id.startsWith('org:al-ahl'));
    expect(clubs(p.process({ id: 'sa' }, saudi))).toEqual(['org:al-ahli-sa']);
    expect(clubs(p.process({ id: 'eg' }, egyptian))).toEqual(['org:al-ahly-eg']);
    for (const text of [saudi, egyptian]) expect(p.process({ id: 'x' }, text)).toEqual(plain.process({ id: 'x' }, text));
  });

  it('are set on the tokens they describe', () => {
    const tokens = pipeline().run({ id: 'f' }, 'التقى أمير قطر الشيخ تميم بن حمد آل ثاني وزير الخارجية الأمريكي في الدوحة عام 1987').tokens!;
    expect(tokens.flags).toBeDefined();
    const at = (w: string): number => tokens.flags![tokens.norm.indexOf(normalize(w).text)]!;
    expect(at('قطر')).not.toBe(0); // a name starts here
    expect(at('وزير')).not.toBe(0); // a title starts here
    expect(at('التقى')).not.toBe(0); // a trigger
    expect(at('1987')).toBe(0); // nothing
  });
});

describe('KeyBloom', () => {
  it('never turns a key away, and turns away nearly every other word', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 400 }), (keys) => {
        const bloom = new KeyBloom(keys);
        for (const k of keys) expect(bloom.mayHave(k)).toBe(true);
      }),
    );
    const keys = Array.from({ length: 20000 }, (_, i) => `مفتاح${i}`);
    const bloom = new KeyBloom(keys);
    let passed = 0;
    for (let i = 0; i < 20000; i++) if (bloom.mayHave(`كلمة${i}`)) passed++;
    expect(passed).toBeLessThan(20000 * 0.05);
  });
});

describe('form features decided by keys', () => {
  it('say where a trigger starts exactly as the trigger trie does (triggerStartKeys)', () => {
    const lex = pipeline().resources.triggers;
    const keyed = new FormFeatures(), coded = new FormFeatures();
    keyed.define('t', triggerStartKeys(lex));
    coded.define('t', triggerStartTest(lex));
    const probes = new Set<string>();
    for (const k of lex.root.keys()) {
      for (const w of [k, `س${k}`, `ال${k}`, `و${k}`, `وس${k}`, `لل${k}`, k.slice(0, -1), `${k}ا`]) probes.add(w);
      for (const suf of lex.suffixes) for (const stem of [k, `${k.slice(0, -1)}ت`, `${k.slice(0, -1)}ي`]) probes.add(stem + suf);
    }
    expect(probes.size).toBeGreaterThan(1000);
    let starts = 0;
    for (const form of probes) {
      const readings = decompose(form);
      const bit = keyed.flagsOf(readings, form);
      expect([form, bit]).toEqual([form, coded.flagsOf(readings, form)]);
      starts += bit;
    }
    expect(starts).toBeGreaterThan(probes.size / 4);
  });

  it('answer as the tests they stand for, for any forms and keys', () => {
    // The same five questions, as code (what the stages asked before) and as keys (one lookup per form and reading).
    const asTests = (k: { forms: string[]; bares: string[]; al: string[]; noAl: string[]; noReadings: string[] }): FormTest[] => [
      (_r, form) => k.forms.includes(form),
      (r) => r.some((d) => k.bares.includes(d.bare)),
      (r) => r.some((d) => d.hasAl && k.al.includes(d.bare)),
      (r) => r.some((d) => !d.hasAl && k.noAl.includes(d.bare)),
      (r, form) => r.length === 0 && k.noReadings.includes(form),
    ];
    const letters = fc.constantFrom('ا', 'ل', 'و', 'ب', 'ق', 'ط', 'ر', 'ي', 'x');
    const word = fc.array(letters, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    const words = fc.array(word, { maxLength: 12 });
    fc.assert(
      fc.property(fc.record({ forms: words, bares: words, al: words, noAl: words, noReadings: words }), fc.array(word, { maxLength: 40 }), (k, probes) => {
        const keyed = new FormFeatures();
        const bits = [keyed.define('f', { forms: k.forms }), keyed.define('b', { bares: k.bares }), keyed.define('al', { baresWithArticle: k.al }), keyed.define('noal', { baresWithoutArticle: k.noAl }), keyed.define('nr', { formsWithoutReadings: k.noReadings })];
        const coded = new FormFeatures();
        for (const [i, t] of asTests(k).entries()) expect(coded.define(String(i), t)).toBe(bits[i]);
        for (const form of [...probes, ...k.forms, ...k.bares, ...k.noReadings, ...k.al.map((w) => `ال${w}`), ...k.al.map((w) => `ولل${w}`)]) {
          const readings = /x/.test(form) ? [] : decompose(form);
          expect(keyed.flagsOf(readings, form)).toBe(coded.flagsOf(readings, form));
        }
      }),
    );
  });
});

describe('sortInPlace', () => {
  it('gives the order of Array.prototype.sort (stable), short arrays and long', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ k: fc.integer({ min: 0, max: 5 }), id: fc.nat() }), { maxLength: 60 }), (xs) => {
        const cmp = (a: { k: number }, b: { k: number }): number => a.k - b.k;
        expect(sortInPlace(xs.slice(), cmp)).toEqual(xs.slice().sort(cmp));
      }),
    );
  });
});

describe('lookupForm', () => {
  it('has the characters of each token, and of the token without its article', () => {
    const text = 'والتقى وزير الخارجية القطري بنظيره الأمريكي في الدوحة، وبحث الجانبان العلاقات الثنائية. وقال للصحفيين إن الولايات المتحدة ستدعم الوساطة بين إسرائيل وحماس (AFP) 2024 ال';
    const tokens = pipeline().run({ id: 't' }, text).tokens!;
    expect(tokens.entries).toBeDefined();
    for (let i = 0; i < tokens.count; i++) {
      const t = tokens.norm[i]!;
      expect(lookupForm(tokens, i)).toBe(t);
      expect(lookupFormWithoutArticle(tokens, i)).toBe(t.startsWith('ال') && t.length >= 4 ? t.slice(2) : t);
    }
  });
});

describe('findTriggers', () => {
  const lex = pipeline().resources.triggers;
  const hitsOf = (text: string) => {
    const norm = normalize(text);
    const tokens = tokenize(norm);
    return findTriggers(lex, tokens, 0, tokens.count).map((h) => ({ id: h.def.id, text: tokens.norm.slice(h.tokStart, h.tokEnd).join(' '), suffixed: h.suffixed, future: h.future, prefixLen: h.prefixLen }));
  };

  it('reads the future prefix, attached pronouns and proclitics', () => {
    const hits = hitsOf('وسيلتقي الرئيس نظيره الفرنسي، وخلال لقائه أجرى محادثات مع وزير الخارجية');
    expect(hits).toContainEqual({ id: 'met.verb', text: 'وسيلتقي', suffixed: false, future: true, prefixLen: 1 });
    expect(hits).toContainEqual({ id: 'met.noun', text: 'لقايه', suffixed: true, future: false, prefixLen: 0 });
    expect(hits).toContainEqual({ id: 'met.verb', text: 'اجري محادثات', suffixed: false, future: false, prefixLen: 0 });
  });
});

describe('processBatch (stage by stage over a batch)', () => {
  it('gives each dev document the graph process gives it, in order', () => {
    const p = pipeline();
    const single = buildPipeline(PIPELINE_FILE, p.resources);
    const docs = devDocs();
    const batch = single.processBatch(docs.map((d) => ({ meta: { id: d.id }, text: d.text })));
    expect(batch).toHaveLength(docs.length);
    docs.forEach((d, k) => expect(batch[k]).toEqual(p.process({ id: d.id }, d.text)));
  });

  it('routes a mixed batch: Arabic and English graphs as one by one, a skipped text in its place', () => {
    const { processor } = buildProcessor(`${ROOT}pipelines/news.json`);
    const texts = [
      'التقى أمير قطر الشيخ تميم بن حمد آل ثاني وزير الخارجية الأمريكي أنتوني بلينكن في الدوحة.',
      'Qatar’s Emir Sheikh Tamim bin Hamad Al Thani met US Secretary of State Antony Blinken in Doha on Monday.',
      'Le président français est arrivé à Berlin pour une visite officielle de deux jours avec le chancelier.',
      'وصل وزير الخارجية الصيني وانغ يي إلى موسكو في زيارة رسمية.',
    ];
    const batch = processor.processBatch(texts.map((text, k) => ({ meta: { id: `m${k}` }, text })));
    texts.forEach((text, k) => expect(batch[k]).toEqual(processor.process({ id: `m${k}` }, text)));
    expect(batch[2]).toHaveProperty('skipped');
    expect((batch[0] as { relations: unknown[] }).relations.length).toBeGreaterThan(0);
  });

  it('puts a failing document’s error in its place and goes on with the others', () => {
    const p = pipeline();
    const bad = { meta: { id: 'bad' }, text: null as unknown as string };
    const good = { meta: { id: 'good' }, text: 'وصل وزير الخارجية الصيني وانغ يي إلى موسكو.' };
    const out = p.processBatch([good, bad, good]);
    expect(out[1]).toBeInstanceOf(Error);
    expect(out[0]).toEqual(p.process(good.meta, good.text));
    expect(out[2]).toEqual(out[0]);
  });
});

describe('typed arrays of a batch come from an arena the next batch reuses', () => {
  it('hands out zeroed arrays that do not overlap, and zeroed ones again after a reset', () => {
    const arena = new TypedArena(1024);
    const a = arena.int32(10).fill(7);
    const b = arena.uint8(5).fill(9);
    const c = arena.uint16(3).fill(1);
    expect([...a]).toEqual(Array(10).fill(7));
    expect([...b]).toEqual(Array(5).fill(9));
    expect([...c]).toEqual([1, 1, 1]);
    // Past the chunk: a new chunk, then arrays of its own beyond the chunk size.
    expect(arena.uint32(200).every((x) => x === 0)).toBe(true);
    const big = arena.int32(1000);
    expect(big.buffer.byteLength).toBe(4000);
    arena.reset();
    const again = arena.int32(10);
    expect(again.buffer).toBe(a.buffer);
    expect([...again]).toEqual(Array(10).fill(0));
  });

  it('leaves the graphs of a batch and a document run alone as they were after more batches', () => {
    const p = buildPipeline(PIPELINE_FILE, pipeline().resources);
    const first = [
      { meta: { id: 'a' }, text: 'التقى أمير قطر الشيخ تميم بن حمد آل ثاني وزير الخارجية الأمريكي أنتوني بلينكن في الدوحة.' },
      { meta: { id: 'b' }, text: 'وصل وزير الخارجية الصيني وانغ يي إلى موسكو في زيارة رسمية.' },
    ];
    const graphs = p.processBatch(first);
    const json = JSON.stringify(graphs);
    const alone = p.run({ id: 'c' }, 'استقبل الرئيس المصري عبد الفتاح السيسي رئيس الوزراء الإثيوبي في القاهرة.');
    const starts = [...alone.tokens!.start];
    const forms = alone.tokens!.norm.slice();
    for (const d of devDocs().slice(0, 20)) p.processBatch([{ meta: { id: d.id }, text: d.text }]);
    expect(JSON.stringify(graphs)).toBe(json);
    expect([...alone.tokens!.start]).toEqual(starts);
    expect(alone.tokens!.norm).toEqual(forms);
    expect(alone.arena).toBeUndefined();
  });
});

// V8 gives objects of one construction one hidden class; reads of a property that has met more
// than four are megamorphic (slow), and a new one deoptimizes compiled code. These records are read
// per token or per candidate, so each kind must have a single shape (a spread that adds keys gave
// each of 17,812 name records its own). Checked with V8's own %HaveSameMap, enabled for this test.
describe('hot records share one hidden class', () => {
  setFlagsFromString('--allow-natives-syntax');
  const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
  const shapes = (objs: readonly object[]): number => {
    const reps: object[] = [];
    for (const o of objs) if (!reps.some((r) => haveSameMap(r, o))) reps.push(o);
    return reps.length;
  };
  const trieItems = <T>(root: ReadonlyMap<string, { items: T[]; next: ReadonlyMap<string, unknown> }>): T[] => {
    const out: T[] = [];
    const walk = (n: { items: T[]; next: ReadonlyMap<string, unknown> }): void => {
      out.push(...n.items);
      for (const c of n.next.values()) walk(c as typeof n);
    };
    for (const n of root.values()) walk(n);
    return out;
  };

  it('can tell shapes apart (the check itself)', () => {
    expect(shapes([{ a: 1 }, { a: 2 }])).toBe(1);
    expect(shapes([{ a: 1 }, { a: 2, b: 1 }])).toBe(2);
  });

  it('gazetteer name records, entries and trigger definitions', () => {
    const p = pipeline();
    const gaz = p.resources.gazetteer;
    const names = trieItems(gaz.root as never) as object[];
    expect(names.length).toBeGreaterThan(10_000);
    expect(shapes(names)).toBe(1);
    expect(shapes(gaz.entries)).toBe(1);
    const defs = trieItems(p.resources.triggers.root as never) as object[];
    expect(defs.length).toBeGreaterThan(100);
    expect(shapes(defs)).toBe(1);
  });

  it('document meta and graph entities (one shape per set of keys)', () => {
    const p = pipeline();
    const docs = devDocs().slice(0, 40);
    const metas = docs.map((d) => p.run({ id: d.id, source: 'x', published: '2018-01-01' }, d.text).meta);
    expect(shapes(metas)).toBe(1);
    const entities = docs.flatMap((d) => p.process({ id: d.id }, d.text).entities);
    const plain = entities.filter((e) => e.standsFor === undefined);
    expect(plain.length).toBeGreaterThan(100);
    expect(shapes(plain)).toBe(1);
  });
});
