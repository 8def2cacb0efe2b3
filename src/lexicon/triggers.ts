// The trigger lexicon (lexicons/triggers.json): relation triggers and the cues for negation,
// cancellation, requests and planned events. Forms are compiled into a token trie keyed like names.
import { z } from 'zod';
import { RelationType } from '../graph/schema.js';
import { normalizeString } from '../text/normalize.js';
import { pathNode, type Node } from '../util/trie.js';
import { uniformShape } from '../util/shape.js';

export const PATTERN_NAMES = ['between', 'agent_with', 'agent_object', 'agent_from', 'agent_to', 'agent_on', 'agent_in', 'agent_list', 'led_between', 'agent_between', 'passive_by', 'relative_object', 'attendees'] as const;
export type PatternName = (typeof PATTERN_NAMES)[number];

const Trigger = z.strictObject({
  id: z.string().regex(/^[a-z_.-]+$/),
  type: RelationType,
  pos: z.enum(['verb', 'noun']),
  suffixes: z.boolean(),
  attributes: z.record(z.string(), z.string()),
  forms: z.array(z.string().min(2)).min(1),
  patterns: z.array(z.enum(PATTERN_NAMES)).min(1),
  /**
   * The trigger counts only with one of these words (any clitics, with or without ال) within
   * `window` tokens of it: "استهدف" is an attack beside "غارة" or "صواريخ", not in "عقوبات تستهدف".
   */
  context: z.strictObject({ words: z.array(z.string().min(2)).min(1), window: z.number().int().min(1).max(30) }).optional(),
  /**
   * The trigger does not count with one of these words within `window` tokens: "تلتقي الأرجنتين مع
   * فرنسا" beside "مباراة" or "منتخب" is a match, not a meeting.
   */
  notNear: z.strictObject({ words: z.array(z.string().min(2)).min(1), window: z.number().int().min(1).max(30) }).optional(),
  /**
   * As notNear, but only between bodies (no person among the arguments): "تلتقي فرنسا مع كرواتيا في
   * نهائي كأس العالم" is a match, "اجتماعه مع الرئيس الروسي بوتين بعد نهاية كأس العالم" a meeting.
   */
  notNearBodies: z.strictObject({ words: z.array(z.string().min(2)).min(1), window: z.number().int().min(1).max(30) }).optional(),
  /**
   * The trigger does not count when the word right after it is one of these (any clitics, with or
   * without ال): "حرب تجارية", "الحرب الكلامية" are no armed conflict.
   */
  notFollowedBy: z.array(z.string().min(2)).min(1).optional(),
  /**
   * No binding with an organization of these gazetteer sectors (entry field `sector`): "في لقاء مع
   * شبكة ABC" is an interview, "التقى ريال مدريد وبايرن ميونيخ" a match.
   */
  notSectors: z.array(z.enum(['media', 'sport'])).optional(),
  /** With its article and a nisba after it the form names a group, not an act: "المعارضة السورية". */
  groupWithNisba: z.boolean().optional(),
  /**
   * The forms are verbs only: with the article they are another word — "الدعم" is the noun's entry,
   * "المعارض" a dissident, no act — and the trigger does not count, unless its object follows with ل
   * (after at most three adjectives): "المعارض لبوتين".
   */
  noArticle: z.boolean().optional(),
  /**
   * No act when the place lies in the actor's own country: "غادر ترامب واشنطن" leaves home, "سيغادر
   * ترامب سنغافورة" ends a visit.
   */
  notHome: z.boolean().optional(),
});

export const TriggersFile = z.strictObject({
  description: z.string().optional(),
  pronounSuffixes: z.array(z.string().min(1)),
  negators: z.array(z.string().min(1)),
  cancellers: z.array(z.string().min(1)),
  /** Words after a cooperation trigger that say the relations are cut or tense (العلاقات … مقطوعة). */
  cancelledAfter: z.array(z.string().min(1)),
  requesters: z.array(z.string().min(1)),
  plannedCues: z.array(z.string().min(1)),
  /** "اتهم X بدعم Y" (accused X of supporting Y): before such a word, X بدعم Y is X's support of Y. */
  accusers: z.array(z.string().min(1)),
  ledByMarkers: z.array(z.string().min(1)),
  /** "جولته التي تشمل X وY": the places of a tour follow these. */
  includesMarkers: z.array(z.string().min(1)),
  /** "التحالف بقيادة السعودية", "الحزب الشعبي برئاسة راخوي": the actor after one of these words heads the one before it. */
  headedByMarkers: z.array(z.string().min(1)),
  /** "التي تدعمها بعثة الاتحاد الإفريقي": nouns that may stand between a verb and its named subject. */
  subjectHeads: z.array(z.string().min(1)),
  /** "ناقش قضية كوريا الشمالية مع بوتين": an actor after one of these is the topic of a meeting or negotiation. */
  topicNouns: z.array(z.string().min(1)),
  /** "أكد الجبير دعم طهران …": after one of these and its subject a trigger form is a verbal noun. */
  statementVerbs: z.array(z.string().min(1)),
  /** "غارات استهدفت مواقع الحوثيين": the actor after one of these, after an attack verb, owns its target. */
  targetNouns: z.array(z.string().min(1)),
  /** "التفجير الذي استهدف …": nouns of an attack whose doer a relative clause after them leaves unnamed. */
  attackNouns: z.array(z.string().min(1)),
  /** "أعلن داعش مسؤوليته عن الهجوم الذي استهدف …": words of a claim of responsibility. */
  claimWords: z.array(z.string().min(1)),
  /** "مستشار ترامب", "ابنة الرئيس": a person after one of these is a genitive, not an argument. */
  possessorNouns: z.array(z.string().min(1)),
  /** "زيارته إلى القنصلية السعودية في إسطنبول": a state after one of these is not the place visited. */
  buildingNouns: z.array(z.string().min(1)),
  triggers: z.array(Trigger).min(1),
});
export type TriggersFile = z.infer<typeof TriggersFile>;
export type TriggerDef = z.infer<typeof Trigger>;

export type TriggerNode = Node<TriggerDef>;

export interface TriggerLexicon {
  readonly root: ReadonlyMap<string, TriggerNode>;
  readonly suffixes: readonly string[];
  readonly negators: ReadonlySet<string>;
  readonly cancellers: ReadonlySet<string>;
  readonly cancelledAfter: ReadonlySet<string>;
  readonly requesters: ReadonlySet<string>;
  readonly plannedCues: ReadonlySet<string>;
  readonly accusers: ReadonlySet<string>;
  /** Per trigger: its forms, normalized (compiled once: a rule asks whether a form is listed). */
  readonly forms: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per trigger: the first words (keyed without ال) of its forms written with ال (التقى، الدعم). */
  readonly articleForms: ReadonlyMap<string, ReadonlySet<string>>;
  readonly ledBy: ReadonlySet<string>;
  /** The led-by markers and the tour markers ("تشمل"), each as its words (compiled once, read per trigger). */
  readonly ledByPhrases: readonly (readonly string[])[];
  readonly includesPhrases: readonly (readonly string[])[];
  readonly headedBy: ReadonlySet<string>;
  readonly subjectHeads: ReadonlySet<string>;
  readonly topicNouns: ReadonlySet<string>;
  readonly statementVerbs: ReadonlySet<string>;
  readonly targetNouns: ReadonlySet<string>;
  readonly attackNouns: ReadonlySet<string>;
  readonly claimWords: ReadonlySet<string>;
  readonly possessorNouns: ReadonlySet<string>;
  readonly buildingNouns: ReadonlySet<string>;
  /** The context a trigger needs (TriggerDef.context), by trigger id. */
  readonly contexts: ReadonlyMap<string, WordWindow>;
  /** Per trigger: words that, near it, say it is no such act (see the schema's notNear). */
  readonly notNear: ReadonlyMap<string, WordWindow>;
  /** Per trigger: words that may not follow it at once (see the schema's notFollowedBy). */
  readonly notFollowedBy: ReadonlyMap<string, WordWindow>;
  /** Per trigger: the same between bodies only (see the schema's notNearBodies). */
  readonly notNearBodies: ReadonlyMap<string, WordWindow>;
}

const stripAl = (t: string): string => (t.startsWith('ال') && t.length >= 4 ? t.slice(2) : t);
const set = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => stripAl(normalizeString(x))));

const phrases = (markers: Iterable<string>): string[][] => [...markers].map((m) => m.split(' '));

type WordWindow = { readonly words: ReadonlySet<string>; readonly window: number };

/** One of the triggers' word-window fields (context, notNear, notNearBodies), compiled by trigger id. */
const wordWindows = (f: TriggersFile, field: (d: TriggersFile['triggers'][number]) => { words: string[]; window: number } | undefined): Map<string, WordWindow> =>
  new Map(f.triggers.flatMap((d) => {
    const w = field(d);
    return w ? [[d.id, { words: set(w.words), window: w.window }] as const] : [];
  }));

export function compileTriggers(f: TriggersFile): TriggerLexicon {
  const root = new Map<string, TriggerNode>();
  // One shape for all definitions (see util/shape.ts): the relation rules read them per hit.
  const keys = Object.keys(Trigger.shape) as (keyof TriggerDef)[];
  for (const def of f.triggers.map((d) => uniformShape(d, keys))) {
    for (const form of def.forms) {
      const toks = normalizeString(form).split(' ').map(stripAl);
      const node = pathNode(root, toks);
      if (!node.items.includes(def)) node.items.push(def);
    }
  }
  return {
    root,
    suffixes: f.pronounSuffixes.map(normalizeString).sort((a, b) => b.length - a.length),
    negators: set(f.negators),
    cancellers: set(f.cancellers),
    cancelledAfter: set(f.cancelledAfter),
    requesters: set(f.requesters),
    plannedCues: set(f.plannedCues),
    accusers: set(f.accusers),
    forms: new Map(f.triggers.map((d) => [d.id, new Set(d.forms.map(normalizeString))] as const)),
    articleForms: new Map(f.triggers.map((d) => [d.id, new Set(d.forms.map((x) => normalizeString(x).split(' ')[0]!).filter((w) => w.startsWith('ال')).map(stripAl))] as const)),
    ledBy: set(f.ledByMarkers),
    ledByPhrases: phrases(set(f.ledByMarkers)),
    includesPhrases: phrases(set(f.includesMarkers)),
    headedBy: set(f.headedByMarkers),
    subjectHeads: set(f.subjectHeads),
    topicNouns: set(f.topicNouns),
    statementVerbs: set(f.statementVerbs),
    targetNouns: set(f.targetNouns),
    attackNouns: set(f.attackNouns),
    claimWords: set(f.claimWords),
    possessorNouns: set(f.possessorNouns),
    buildingNouns: set(f.buildingNouns),
    contexts: wordWindows(f, (d) => d.context),
    notNear: wordWindows(f, (d) => d.notNear),
    notFollowedBy: wordWindows(f, (d) => (d.notFollowedBy ? { words: d.notFollowedBy, window: 1 } : undefined)),
    notNearBodies: wordWindows(f, (d) => d.notNearBodies),
  };
}
