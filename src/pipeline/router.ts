// Routes each document to the Arabic or the English pipeline.
//
// API (for src/cli/extract.ts and other callers):
//
//   const router = buildRouter({ ar: 'pipelines/news-ar.json', en: 'pipelines/news-en.json' });
//   const r = router.process({ id, source?, published?, lang? }, text);
//   if (r.status === 'ok') write(r.graph);                 // r.lang is 'ar' or 'en'
//   else manifest.push({ id, status: 'skipped', reason: r.reason });
//
// - The language is the document's `lang` field when given ("ar" / "en"; anything else is skipped),
//   else it is detected by script (`detectLanguage`): mostly Arabic letters → ar; mostly Latin letters
//   and enough English function words → en; other Latin-script text → skipped. A text with no letters
//   at all goes to the Arabic pipeline, the project's default.
// - The Arabic pipeline is built with the router; the English one is checked then (its file and data
//   files: configuration errors are thrown at once, as ConfigError) and built on the first English
//   document, so that an Arabic corpus never loads the English models (0.5 s and some 60 MB per
//   worker). When both name the same gazetteer and lexicon directories, the English one reuses the
//   Arabic one's loaded resources, so the gazetteer is compiled once and ids are the same.
// - `router.pipelines` gives both Pipeline objects (reading `en` builds it).
// - Errors while processing a document are thrown as by Pipeline.process: the caller marks it failed.
import { join } from 'node:path';
import { z } from 'zod';
import type { DocMeta } from '../doc.js';
import type { DocumentGraph } from '../graph/schema.js';
import { readJsonChecked } from '../util/json-file.js';
import { loadPipeline } from './config.js';
import { registerStages } from './registry.js';
import { loadResources } from './resources.js';
import { buildPipeline, checkStages, type Pipeline } from './runner.js';

export type RoutedResult =
  | { status: 'ok'; lang: 'ar' | 'en'; graph: DocumentGraph }
  | { status: 'skipped'; lang: string; reason: string };

export interface Router {
  readonly pipelines: { readonly ar: Pipeline; readonly en: Pipeline };
  /** The language a document goes to, with the reason when it is skipped. */
  route(meta: DocMeta, text: string): { lang: 'ar' | 'en' } | { lang: string; reason: string };
  process(meta: DocMeta, text: string): RoutedResult;
  /** The same as `process` on each document, each pipeline running its documents as one batch (Pipeline.processBatch). */
  processBatch(docs: readonly { meta: DocMeta; text: string }[]): (RoutedResult | Error)[];
}

export const LanguageFile = z.strictObject({
  description: z.string().optional(),
  minLetters: z.number().int().nonnegative(),
  minFunctionWordShare: z.number().min(0).max(1),
  englishFunctionWords: z.array(z.string().min(1)).min(1),
});
export type LanguageRules = z.infer<typeof LanguageFile>;

export interface Detection {
  lang: 'ar' | 'en' | 'other' | 'none';
  arabicLetters: number;
  latinLetters: number;
  /** Share of Latin-script words that are English function words. */
  englishShare: number;
}

const isArabic = (c: number): boolean => (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
const isLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const ARABIC = 1, LATIN = 2;
/**
 * The script of each UTF-16 unit (ARABIC, LATIN or 0), so that counting a text's letters is one
 * load per unit: with the range tests above it was 1.5 % of a worker's time on ant-2018 (2.1× slower).
 */
const SCRIPT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) SCRIPT[c] = isArabic(c) ? ARABIC : isLatin(c) ? LATIN : 0;

/** Language by script: Arabic vs Latin letters, then English function words among the Latin words. */
export function detectLanguage(text: string, rules: LanguageRules, functionWords: ReadonlySet<string> = new Set(rules.englishFunctionWords)): Detection {
  let arabicLetters = 0, latinLetters = 0;
  // Without branches (letters and spaces alternate unpredictably): twice as fast as with them.
  for (let i = 0; i < text.length; i++) {
    const s = SCRIPT[text.charCodeAt(i)]!;
    arabicLetters += s & ARABIC;
    latinLetters += s >> 1;
  }
  let words = 0, english = 0;
  if (latinLetters > arabicLetters) {
    for (const m of text.matchAll(/[A-Za-zÀ-ɏ]+/g)) {
      words++;
      if (functionWords.has(m[0].toLowerCase())) english++;
    }
  }
  const englishShare = words ? english / words : 0;
  let lang: Detection['lang'];
  if (arabicLetters + latinLetters < Math.max(1, rules.minLetters)) lang = 'none';
  else if (arabicLetters >= latinLetters) lang = 'ar';
  else lang = englishShare >= rules.minFunctionWordShare ? 'en' : 'other';
  return { lang, arabicLetters, latinLetters, englishShare };
}

export function buildRouter(files: { ar: string; en: string }): Router {
  const ar = buildPipeline(files.ar);
  const enConfig = loadPipeline(files.en, registerStages());
  const same = enConfig.gazetteerDir === ar.config.gazetteerDir && enConfig.lexiconDir === ar.config.lexiconDir;
  const enResources = same ? ar.resources : loadResources(enConfig);
  checkStages(enConfig, enResources);
  let en: Pipeline | undefined;
  const english = (): Pipeline => (en ??= buildPipeline(files.en, enResources));
  const rules = readJsonChecked(join(enConfig.lexiconDir, 'en', 'language.json'), LanguageFile);
  const functionWords = new Set(rules.englishFunctionWords);
  const route: Router['route'] = (meta, text) => {
    if (meta.lang !== undefined) {
      if (meta.lang === 'ar' || meta.lang === 'en') return { lang: meta.lang };
      return { lang: meta.lang, reason: `language "${meta.lang}" (from the lang field) has no pipeline; only ar and en are handled` };
    }
    const d = detectLanguage(text, rules, functionWords);
    if (d.lang === 'ar' || d.lang === 'en') return { lang: d.lang };
    if (d.lang === 'none') return { lang: 'ar' };
    return {
      lang: 'other',
      reason: `language not handled: mostly Latin script (${d.latinLetters} Latin vs ${d.arabicLetters} Arabic letters) but only ${(d.englishShare * 100).toFixed(1)}% English function words`,
    };
  };
  return Object.freeze({
    pipelines: Object.freeze({
      ar,
      get en(): Pipeline {
        return english();
      },
    }),
    route,
    process(meta: DocMeta, text: string): RoutedResult {
      const r = route(meta, text);
      if ('reason' in r) return { status: 'skipped', lang: r.lang, reason: r.reason };
      const p = r.lang === 'ar' ? ar : english();
      return { status: 'ok', lang: r.lang, graph: p.process(Object.assign({}, meta, { lang: r.lang }), text) };
    },
    processBatch(docs: readonly { meta: DocMeta; text: string }[]): (RoutedResult | Error)[] {
      const out = new Array<RoutedResult | Error>(docs.length);
      const byLang = { ar: [] as number[], en: [] as number[] };
      docs.forEach((d, k) => {
        const r = route(d.meta, d.text);
        if ('reason' in r) out[k] = { status: 'skipped', lang: r.lang, reason: r.reason };
        else byLang[r.lang].push(k);
      });
      for (const lang of ['ar', 'en'] as const) {
        const ks = byLang[lang];
        if (!ks.length) continue;
        const graphs = (lang === 'ar' ? ar : english()).processBatch(ks.map((k) => ({ meta: Object.assign({}, docs[k]!.meta, { lang }), text: docs[k]!.text })));
        ks.forEach((k, j) => {
          const g = graphs[j]!;
          out[k] = g instanceof Error ? g : { status: 'ok', lang, graph: g };
        });
      }
      return out;
    },
  });
}
