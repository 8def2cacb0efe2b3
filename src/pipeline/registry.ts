// The stage registry: one explicit function, no import side effects. tests/pipeline.test.ts pins the list.
import { z } from 'zod';
import type { Doc } from '../doc.js';
import { need } from '../doc.js';
import { referenceKeys, resolveCoreference } from '../coref/resolve.js';
import { bareBodySecondKeys, bareBodyStartKeys, resolveBareBodies } from '../coref/bodies.js';
import { defineNameFeatures, matchGazetteer } from '../match/gazetteer-match.js';
import { defineTitleFeatures, findTitles } from '../match/titles.js';
import { defineRelationFeatures, extractRelations } from '../relations/extract.js';
import { normalize } from '../text/normalize.js';
import { boilerplateStartKeys, segment } from '../text/segment.js';
import { tokenize } from '../text/tokenize.js';
import { Vocabulary } from '../text/vocabulary.js';
import { int32s } from '../util/arena.js';
import { englishStages } from '../en/stages.js';
import type { StageFactory } from './stage.js';

const NoOptions = z.strictObject({});

export function registerStages(): ReadonlyMap<string, StageFactory> {
  const stages: StageFactory[] = [
    {
      name: 'text',
      requires: [],
      assigns: ['norm', 'tokens', 'sentences'],
      options: NoOptions,
      create: (_o, res, ctx) => {
        // Forms repeat across documents: the pipeline's vocabulary interns them once.
        const vocab = new Vocabulary(undefined, ctx.features);
        const lineStart = ctx.features.define('boilerplate-start', boilerplateStartKeys(res.boilerplate));
        return (doc: Doc) => {
        const norm = normalize(doc.text, doc.arena);
        const tokens = tokenize(norm, vocab, doc.arena);
        const sentences = segment(norm, tokens, res.boilerplate, lineStart);
        const tokenSentence = int32s(doc.arena, tokens.count).fill(-1);
        for (let i = 0; i < sentences.length; i++) tokenSentence.fill(i, sentences[i]!.tokStart, sentences[i]!.tokEnd);
        Object.assign(doc, { norm, tokens, sentences, tokenSentence });
        };
      },
    },
    {
      name: 'gazetteer',
      requires: ['tokens', 'sentences'],
      assigns: ['mentions'],
      options: NoOptions,
      create: (_o, res, ctx) => {
        const bits = defineNameFeatures(ctx.features, res.gazetteer);
        return (doc: Doc) => matchGazetteer(doc, res.gazetteer, bits);
      },
    },
    {
      name: 'titles',
      requires: ['mentions'],
      assigns: ['roles'],
      options: NoOptions,
      create: (_o, res, ctx) => {
        const bits = defineTitleFeatures(ctx.features, res.gazetteer, res.nameRules);
        return (doc: Doc) => findTitles(doc, res.gazetteer, res.nameRules, bits);
      },
    },
    {
      name: 'coref',
      requires: ['mentions', 'roles'],
      assigns: ['coref'],
      options: NoOptions,
      create: (_o, res, ctx) => {
        const references = ctx.features.define('reference', referenceKeys(res));
        const bodies = {
          start: ctx.features.define('bare-body-start', bareBodyStartKeys(res.gazetteer, res.nameRules)),
          second: ctx.features.define('bare-body-second', bareBodySecondKeys(res.gazetteer)),
        };
        return (doc: Doc) => {
          resolveBareBodies(doc, res.gazetteer, res.nameRules, bodies);
          resolveCoreference(doc, res, references);
        };
      },
    },
    {
      name: 'relations',
      requires: ['mentions', 'roles', 'coref'],
      assigns: ['relations'],
      options: z.strictObject({ minConfidence: z.number().min(0).max(1).default(0) }),
      create: (o, res, ctx) => {
        const honorifics = new Set(res.nameRules.honorifics.flat());
        const bits = defineRelationFeatures(ctx.features, res.triggers);
        return (doc: Doc) => {
          need(doc, 'tokens', 'relations');
          extractRelations(doc, res.triggers, res.gazetteer, honorifics, Number(o['minConfidence'] ?? 0), bits);
        };
      },
    },
  ];
  // The English stages (src/en/) after the Arabic ones.
  return new Map([...stages, ...englishStages()].map((s) => [s.name, s]));
}
