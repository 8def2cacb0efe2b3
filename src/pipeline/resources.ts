// Data a pipeline needs, loaded and compiled once per process (or worker), then shared read-only.
import { join } from 'node:path';
import { compileGazetteer, personNameTokens, type CompiledGazetteer } from '../gazetteer/compile.js';
import { loadGazetteers } from '../gazetteer/load.js';
import { BoilerplateFile, compileBoilerplate, type BoilerplateLexicon } from '../lexicon/boilerplate.js';
import { CommonWordsFile, compileNameRules, NameRulesFile, type NameRules } from '../lexicon/name-rules.js';
import { compileReferences, ReferencesFile, type ReferenceLexicon } from '../lexicon/references.js';
import { compileTriggers, TriggersFile, type TriggerLexicon } from '../lexicon/triggers.js';
import { readJsonChecked } from '../util/json-file.js';
import type { ResolvedPipeline } from './config.js';

/** The lexicon files every pipeline loads (their hashes are recorded with each run). */
export const LEXICON_FILES = ['boilerplate.json', 'name-rules.json', 'common-words.json', 'triggers.json', 'references.json'] as const;

export interface Resources {
  readonly gazetteer: CompiledGazetteer;
  readonly boilerplate: BoilerplateLexicon;
  readonly nameRules: NameRules;
  readonly triggers: TriggerLexicon;
  readonly references: ReferenceLexicon;
  /** The pipeline's data directories, so a stage can read files of its own (lexicons/en/…). */
  readonly gazetteerDir: string;
  readonly lexiconDir: string;
}

export function loadResources(p: Pick<ResolvedPipeline, 'gazetteerDir' | 'lexiconDir'>): Resources {
  const gazetteer = compileGazetteer(loadGazetteers(p.gazetteerDir));
  return {
    gazetteerDir: p.gazetteerDir,
    lexiconDir: p.lexiconDir,
    gazetteer,
    boilerplate: compileBoilerplate(readJsonChecked(join(p.lexiconDir, 'boilerplate.json'), BoilerplateFile)),
    nameRules: compileNameRules(
      readJsonChecked(join(p.lexiconDir, 'name-rules.json'), NameRulesFile),
      readJsonChecked(join(p.lexiconDir, 'common-words.json'), CommonWordsFile),
      personNameTokens(gazetteer),
    ),
    triggers: compileTriggers(readJsonChecked(join(p.lexiconDir, 'triggers.json'), TriggersFile)),
    references: compileReferences(readJsonChecked(join(p.lexiconDir, 'references.json'), ReferencesFile)),
  };
}
