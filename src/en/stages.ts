// The English stages (pipelines/news-en.json): en-text → en-gazetteer → en-titles → en-candidates →
// en-coref → en-relations. They fill the same Doc as the Arabic stages (mentions, roles,
// references, relations), so the graph builder and the corpus merge are shared. Each stage loads
// the data it needs in create(); per-token English facts live on the Doc as `en`.
import { z } from 'zod';
import type { Doc } from '../doc.js';
import type { Resources } from '../pipeline/resources.js';
import type { StageFactory } from '../pipeline/stage.js';
import { addCompromiseCandidates, loadCompromise } from './candidates.js';
import { resolveEnglishCoreference } from './coref.js';
import { loadEnglishLexicons, type EnglishLexicons } from './lexicon.js';
import { compileEnglishNames, compilePersonIndex, matchEnglishNames } from './names.js';
import { extractEnglishRelations } from './relations.js';
import { englishText, loadWink, type EnglishLayer } from './text.js';
import { findEnglishTitles } from './titles.js';

const NoOptions = z.strictObject({});

type EnDoc = Doc & { en?: EnglishLayer };

/** The English layer of a document; a clear error when en-text did not run. */
export function englishLayer(doc: Doc, stage: string): EnglishLayer {
  const layer = (doc as EnDoc).en;
  if (!layer) throw new Error(`[E001] stage "${stage}" needs doc.en, which no earlier stage assigned (run en-text first)`);
  return layer;
}

export function englishStages(): StageFactory[] {
  // The English lexicons and the person index are built once per set of resources and shared by the
  // stages of one pipeline (each factory used to load and compile its own copy).
  const shared = new WeakMap<Resources, { lex: EnglishLexicons; persons: ReturnType<typeof compilePersonIndex> }>();
  const data = (res: Resources): { lex: EnglishLexicons; persons: ReturnType<typeof compilePersonIndex> } => {
    let d = shared.get(res);
    if (!d) shared.set(res, (d = { lex: loadEnglishLexicons(res.lexiconDir, res.gazetteerDir, res.gazetteer), persons: compilePersonIndex(res.gazetteer) }));
    return d;
  };
  return [
    {
      name: 'en-text',
      requires: [],
      assigns: ['norm', 'tokens', 'sentences', 'en'],
      options: NoOptions,
      create: () => {
        const wink = loadWink();
        return (doc: Doc) => {
          const t = englishText(wink, doc.text);
          Object.assign(doc, { norm: t.norm, tokens: t.tokens, sentences: t.sentences, tokenSentence: t.tokenSentence, en: t.layer });
        };
      },
    },
    {
      name: 'en-gazetteer',
      requires: ['tokens', 'sentences', 'en'],
      assigns: ['mentions'],
      options: NoOptions,
      // The English lexicon files, validated when a router defers building this pipeline.
      check: (_o, res) => void loadEnglishLexicons(res.lexiconDir, res.gazetteerDir, res.gazetteer),
      create: (_o, res) => {
        const names = compileEnglishNames(res.gazetteer, data(res).lex);
        return (doc: Doc) => matchEnglishNames(doc, res.gazetteer, names, englishLayer(doc, 'en-gazetteer'));
      },
    },
    {
      name: 'en-titles',
      requires: ['mentions', 'en'],
      assigns: ['roles'],
      options: NoOptions,
      create: (_o, res) => {
        const { lex, persons: names } = data(res);
        return (doc: Doc) => findEnglishTitles(doc, res.gazetteer, names, lex, englishLayer(doc, 'en-titles'));
      },
    },
    {
      name: 'en-candidates',
      requires: ['mentions', 'roles', 'en'],
      assigns: ['candidates'],
      options: NoOptions,
      create: (_o, res) => {
        const { lex, persons: names } = data(res);
        const nlp = loadCompromise();
        return (doc: Doc) => addCompromiseCandidates(nlp, doc, res.gazetteer, names, lex, englishLayer(doc, 'en-candidates'));
      },
    },
    {
      name: 'en-coref',
      requires: ['mentions', 'roles', 'en'],
      assigns: ['coref'],
      options: NoOptions,
      create: (_o, res) => {
        const { lex } = data(res);
        return (doc: Doc) => resolveEnglishCoreference(doc, res.gazetteer, lex, englishLayer(doc, 'en-coref'));
      },
    },
    {
      name: 'en-relations',
      requires: ['mentions', 'roles', 'coref', 'en'],
      assigns: ['relations'],
      options: z.strictObject({ minConfidence: z.number().min(0).max(1).default(0) }),
      create: (o, res) => {
        const { lex } = data(res);
        const min = Number(o['minConfidence'] ?? 0);
        return (doc: Doc) => extractEnglishRelations(doc, res.gazetteer, lex, englishLayer(doc, 'en-relations'), min);
      },
    },
  ];
}
