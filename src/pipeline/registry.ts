// The stage registry: one explicit function, no import side effects. tests/pipeline.test.ts pins the list.
import { z } from 'zod';
import type { Doc } from '../doc.js';
import { need } from '../doc.js';
import { resolveCoreference } from '../coref/resolve.js';
import { matchGazetteer } from '../match/gazetteer-match.js';
import { findTitles } from '../match/titles.js';
import { extractRelations } from '../relations/extract.js';
import { normalize } from '../text/normalize.js';
import { segment } from '../text/segment.js';
import { tokenize } from '../text/tokenize.js';
import { Vocabulary } from '../text/vocabulary.js';
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
      create: (_o, res) => {
        // Forms repeat across documents: the pipeline's vocabulary interns them once.
        const vocab = new Vocabulary();
        return (doc: Doc) => {
        const norm = normalize(doc.text);
        const tokens = tokenize(norm, vocab);
        const sentences = segment(norm, tokens, res.boilerplate);
        const tokenSentence = new Int32Array(tokens.count).fill(-1);
        sentences.forEach((s, i) => tokenSentence.fill(i, s.tokStart, s.tokEnd));
        Object.assign(doc, { norm, tokens, sentences, tokenSentence });
        };
      },
    },
    {
      name: 'gazetteer',
      requires: ['tokens', 'sentences'],
      assigns: ['mentions'],
      options: NoOptions,
      create: (_o, res) => (doc: Doc) => matchGazetteer(doc, res.gazetteer),
    },
    {
      name: 'titles',
      requires: ['mentions'],
      assigns: ['roles'],
      options: NoOptions,
      create: (_o, res) => (doc: Doc) => findTitles(doc, res.gazetteer, res.nameRules),
    },
    {
      name: 'coref',
      requires: ['mentions', 'roles'],
      assigns: ['coref'],
      options: NoOptions,
      create: (_o, res) => (doc: Doc) => resolveCoreference(doc, res),
    },
    {
      name: 'relations',
      requires: ['mentions', 'roles', 'coref'],
      assigns: ['relations'],
      options: z.strictObject({ minConfidence: z.number().min(0).max(1).default(0) }),
      create: (o, res) => {
        const honorifics = new Set(res.nameRules.honorifics.flat());
        return (doc: Doc) => {
          need(doc, 'tokens', 'relations');
          extractRelations(doc, res.triggers, res.gazetteer, honorifics, Number(o['minConfidence'] ?? 0));
        };
      },
    },
  ];
  // The English stages (src/en/) after the Arabic ones.
  return new Map([...stages, ...englishStages()].map((s) => [s.name, s]));
}
