// Argument patterns named in lexicons/triggers.json. Each takes the trigger and the sentence's actor
// units and returns (source, target) bindings; the first pattern that binds wins.
import type { TriggerLexicon, PatternName } from '../lexicon/triggers.js';
import type { Sentence } from '../text/segment.js';
import { readingIn, readingsOf, TokenKind, type Tokens } from '../text/tokenize.js';
import { SYMMETRIC } from '../graph/schema.js';
import type { TriggerHit } from './triggers.js';
import type { Unit } from './units.js';
import type { RoleLink } from '../doc.js';

export interface Binding {
  source: string;
  target: string;
  confidence: number;
  attributes?: Record<string, unknown>;
}

export interface PatternContext {
  readonly hit: TriggerHit;
  readonly units: readonly Unit[];
  readonly tokens: Tokens;
  readonly sentence: Sentence;
  readonly lex: TriggerLexicon;
  /** All triggers of the sentence: a preposition after another trigger belongs to that one. */
  readonly hits: readonly TriggerHit[];
  /** The title phrases of the sentence (role links): "لرئيس مجلس الوزراء" is a genitive title, not a purpose. */
  readonly roles: readonly RoleLink[];
}

/** Units joined by و or commas, starting at units[i]. */
function chainForward(units: readonly Unit[], i: number): Unit[] {
  const out = [units[i]!];
  let closed = false;
  for (let k = i + 1; k < units.length; k++) {
    const prev = out[out.length - 1]!, u = units[k]!;
    // "واستقبل الجبير والسفير خالد بن سلمان، بومبيو": after و has joined the last member, a comma
    // ends the list; what follows is the next argument.
    if (closed && u.commaOnly) break;
    if (u.coordinated && u.tokStart <= prev.tokEnd + 1 && u.kind !== 'nisba') out.push(u);
    else break;
    if (!u.commaOnly) closed = true;
  }
  return listOrApposition(out);
}

/**
 * A chain joined by commas alone is no list: an Arabic list puts و before its last member. It is an
 * apposition ("وزير الخارجية الأمريكي، مايك بومبيو،") followed by the next argument ("إيران
 * باستغلال"): only its first member stands.
 */
function listOrApposition(chain: Unit[]): Unit[] {
  if (chain.length < 2) return chain;
  for (let k = 1; k < chain.length; k++) if (!chain[k]!.commaOnly) return chain;
  // "رئيس هيئة الرياضة السعودية، تركي آل الشيخ،", "الإيطالي، كارلو أنشيلوتي": the person named after
  // a description is its head; the body or nisba inside the description is no argument.
  const [first, second] = chain as [Unit, Unit];
  // Not after a preposition: "إلى الرياض، العاهل السعودي الملك سلمان" names another argument.
  return [first.type !== 'PERSON' && first.prep === null && second.type === 'PERSON' ? second : first];
}

/** Nisbas joined by و or commas, starting at units[i] (a nisba): "الروسي والإيراني". */
function nisbaChain(units: readonly Unit[], i: number): Unit[] {
  const out = [units[i]!];
  for (let k = i + 1; k < units.length; k++) {
    const prev = out[out.length - 1]!, u = units[k]!;
    if (u.kind === 'nisba' && u.coordinated && u.tokStart <= prev.tokEnd + 1) out.push(u);
    else break;
  }
  return out;
}

function chainBackward(units: readonly Unit[], i: number): Unit[] {
  const out = [units[i]!];
  for (let k = i - 1; k >= 0; k--) {
    const next = out[0]!, u = units[k]!;
    if (next.coordinated && next.tokStart <= u.tokEnd + 1 && u.kind !== 'nisba') out.unshift(u);
    else break;
  }
  return out;
}

const ids = (us: readonly Unit[]): string[] => [...new Set(us.flatMap((u) => u.entities))];

// Hot loops below use plain loops, not closures over the position: a closure capturing a loop
// variable makes V8 allocate a fresh context on every iteration.

/** The actors after a preposition found within `window` tokens after `from` (one descriptor word may intervene: بين دولة قطر). */
function afterWord(ctx: PatternContext, words: readonly string[], from: number, window: number): Unit[] {
  const { tokens, sentence, units } = ctx;
  const end = Math.min(sentence.tokEnd, from + window);
  const wordSet = new Set(words);
  for (let p = from; p < end; p++) {
    if (otherHitAt(ctx, p)) return [];
    // A reading is the end of its token: a token that ends with none of the words has none.
    const isWord = endsWithAny(tokens.norm[p]!, words) && readingIn(tokens, p, wordSet);
    let i = -1;
    for (let k = 0; k < units.length && i < 0; k++) {
      const u = units[k]!;
      if (u.tokStart >= p && u.prep !== null && words.includes(u.prep) && u.tokStart <= p + 5) i = k;
    }
    if (i >= 0 && (isWord || units[i]!.tokStart === p)) return isTopic(ctx, units[i]!) ? [] : chainForward(units, i);
    if (isWord) {
      for (let j = 0; j < units.length; j++) if (units[j]!.tokStart === p + 2 && units[j]!.kind !== 'nisba') return chainForward(units, j);
      return [];
    }
  }
  return [];
}

const endsWithAny = (form: string, words: readonly string[]): boolean => {
  for (const w of words) if (form.endsWith(w)) return true;
  return false;
};

/** Another trigger, of another relation type, starts at p. */
function otherHitAt(ctx: PatternContext, p: number): boolean {
  for (const h of ctx.hits) if (h.tokStart === p && h !== ctx.hit && h.def.type !== ctx.hit.def.type) return true;
  return false;
}

/**
 * "ناقش قضية كوريا الشمالية مع بوتين", "بحث ملف إيران": an actor named after a topic noun is what a
 * meeting or a negotiation is about, not one of its parties.
 */
function isTopic(ctx: PatternContext, u: Unit): boolean {
  const t = ctx.hit.def.type;
  return (t === 'MET_WITH' || t === 'NEGOTIATES_WITH') && u.tokStart > ctx.sentence.tokStart && readingIn(ctx.tokens, u.tokStart - 1, ctx.lex.topicNouns);
}

/** Token p is `word`, or has a reading (without proclitics and article) that is. */
function formIs(tokens: Tokens, p: number, word: string): boolean {
  if (!tokens.norm[p]?.endsWith(word)) return false;
  const rs = readingsOf(tokens, p);
  for (let r = 0; r < rs.length; r++) if (rs[r]!.bare === word) return true;
  return tokens.norm[p] === word;
}

/** The chain of units right after one of `markers` (one- or two-word phrases) found within `window` tokens. */
function afterMarker(ctx: PatternContext, phrases: readonly (readonly string[])[], from: number, window: number): Unit[] {
  const { tokens, sentence, units } = ctx;
  for (let p = from; p < Math.min(sentence.tokEnd, from + window); p++) {
    for (const words of phrases) {
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) ok = formIs(tokens, p + k, words[k]!);
      if (!ok) continue;
      const after = p + words.length;
      for (let i = 0; i < units.length; i++) if (units[i]!.tokStart >= after && units[i]!.tokStart <= after + 1) return chainForward(units, i);
      return [];
    }
  }
  return [];
}

/** The agent: genitive after a noun (زيارة الرئيس …), subject before (X يبحث), subject after a verb (بحث X), or the sentence subject for a suffixed noun (لقائه). */
function agent(ctx: PatternContext): Unit[] {
  const { hit, units } = ctx;
  const free = (u: Unit): boolean => u.prep === null;
  // "يتوجه بومبيو إلى إسرائيل للقاء نتنياهو": a noun of purpose takes the sentence subject.
  // For a meeting in person the traveller is a person or a body, not the state just left
  // ("غادر بومبيو أمريكا متوجها إلى السعودية للقاء الملك سلمان").
  if (hit.def.pos === 'noun' && purpose(ctx)) return subjectBefore(ctx, hit.def.type === 'MET_WITH');
  if (hit.def.pos === 'noun' && !hit.suffixed) {
    const i = units.findIndex((u) => u.tokStart === hit.tokEnd && free(u));
    if (i >= 0) return chainForward(units, i);
    // "زيارة (رسمية) يقوم بها وزير الخارجية الأمريكي …", "الدعم العسكري الذي يقدمه حزب الله لـ…": the
    // doer named after يقوم بها / تقودها / الذي يقدمه, right after the noun or after one adjective.
    const led = afterMarker(ctx, ctx.lex.ledByPhrases, hit.tokEnd, 2);
    if (led.length) return led;
  }
  // "الرئيس السوري بشار الأسد الذي توجه إلى سوتشي": after a relative pronoun whose gender the verb
  // shares, the verb's subject is the noun the clause hangs on (before it, or before a comma). Not
  // with a masculine verb after التي ("جولة بدأها بالسعودية التي وصل منها") or a resumptive pronoun
  // ("اليوم الذي وصل فيه روحاني"): the clause has a subject of its own; and an antecedent no list
  // names leaves the usual search to find it.
  const rel = ctx.tokens.norm[hit.tokStart - 1] ?? '';
  if (hit.def.pos === 'verb' && !hit.suffixed && (rel === 'الذي' || rel === 'التي') && feminineVerb(ctx) === (rel === 'التي') && !RESUMPTIVE.has(ctx.tokens.norm[hit.tokEnd] ?? '')) {
    let r = hit.tokStart - 2;
    if (ctx.tokens.norm[r] === '،' || ctx.tokens.norm[r] === ',') r--;
    const t = units.findIndex((u) => u.tokEnd === r + 1);
    if (t >= 0 && ACTOR_TYPES.has(units[t]!.type)) return [units[t]!];
    // "أدان المجلس التفجير الذي استهدف مسجدا لقوات الطوارئ": the attack's doer is the unnamed
    // antecedent, not the one who condemned it ("أقر الحرس الثوري بالمسؤولية عن القصف، الذي
    // استهدف …" keeps its claimant).
    if (t < 0 && hit.def.type === 'AT_WAR_WITH' && (ctx.hits.some((h) => h.def.type === 'OPPOSES' && h.tokEnd <= r) || unclaimedAttack(ctx, r))) return [];
  }
  let before = -1;
  for (let k = units.length - 1; k >= 0; k--) if (units[k]!.tokEnd <= hit.tokStart && free(units[k]!) && units[k]!.kind !== 'nisba') { before = k; break; }
  if (before >= 0 && possessed(ctx, units[before]!) && hit.tokStart - units[before]!.tokEnd <= 1) return [];
  // "صواريخ إسرائيلية قصفت موقعا": the nisba of the weapon right before an attack verb is its agent.
  if (hit.def.type === 'AT_WAR_WITH' && hit.def.pos === 'verb' && !hit.suffixed && !nounPrefix(ctx)) {
    const n = units.findIndex((u) => u.tokEnd === hit.tokStart && u.kind === 'nisba' && u.prep === null);
    if (n >= 0 && (before < 0 || units[before]!.tokEnd < units[n]!.tokStart)) return [units[n]!];
  }
  // "جولته", "لقائه": a pronoun suffix stands for a person.
  const wanted = hit.suffixed && (hit.def.type === 'VISITS' || hit.def.type === 'MET_WITH') ? PERSON_ONLY : ACTOR_TYPES;
  if (before >= 0 && hit.tokStart - units[before]!.tokEnd <= (hit.def.pos === 'verb' ? 1 : 3) && wanted.has(units[before]!.type)) return chainBackward(units, before);
  if (!hit.suffixed && hit.def.pos === 'verb') {
    // VSO: the subject is the first actor after the verb, before any prepositional phrase and any
    // purpose clause ("ستجتمع الأربعاء لبحث اتهامات بريطانيا بحق روسيا": Britain is the topic).
    const i = units.findIndex((u) => u.tokStart >= hit.tokEnd && u.kind !== 'nisba' && !isTopic(ctx, u));
    if (i >= 0 && possessed(ctx, units[i]!) && units[i]!.tokStart - hit.tokEnd <= 2) return [];
    // "قصفت الطائرات الإسرائيلية …": the nisba of the subject noun stands for the agent of an attack.
    const n = units.findIndex((u) => u.tokStart >= hit.tokEnd && u.tokStart - hit.tokEnd <= 2 && u.kind === 'nisba' && free(u));
    if (hit.def.type === 'AT_WAR_WITH' && n >= 0 && (i < 0 || n < i)) return [units[n]!];
    // "طلعات استهدفت تجمعات الحوثيين": after a noun of targets the actor owns them, the verb's object.
    if (i >= 0 && hit.def.type === 'AT_WAR_WITH' && ownsTarget(ctx, units[i]!)) return subjectBefore(ctx);
    if (i >= 0 && free(units[i]!) && units[i]!.tokStart - hit.tokEnd <= 4) {
      // Behind a purpose clause the actor is its topic; the verb's subject is then not named.
      return purposeBetween(ctx, hit.tokEnd, units[i]!.tokStart) ? [] : chainForward(units, i);
    }
  }
  // "أكد X أنه سيناقش مع Y": the speaker before the verb.
  return subjectBefore(ctx);
}

/** Token k starts with the article, after و or ف (الروسي، والإيراني) or fused with ل (للدعم). */
const startsWithArticle = (tokens: Tokens, k: number): boolean => /^[وف]?(ال|لل)/.test(tokens.norm[k]!);

/** Words before which a trigger form is a verbal noun ("يعلن عن دعم فرنسي"), not a verb. */
const NOUN_BEFORE = new Set(['عن', 'علي', 'في', 'من', 'الي', 'حول', 'بعد', 'قبل', 'مع', 'رغم']);

/**
 * "دعم سعودي وإماراتي لبرنامج …", "بفضل الدعم الروسي والإيراني", "يعلن عن دعم فرنسي": a stance noun
 * followed by a singular nisba that agrees with it (both with the article or both without) has the
 * nisbas joined there for its agents, all of them; its object comes after them, if at all. Not a verb
 * ("ندد الإسرائيليون", "رحب الفرنسي زيدان"), not a plural nisba (دعم الفلسطينيين: its object), not a
 * nisba before a name ("المعارض الروسي أليكسي نافالني": a description), not a group (المعارضة السورية).
 */
function nisbaAgents(ctx: PatternContext): Unit[] | null {
  const { hit, tokens, units } = ctx;
  if ((hit.def.type !== 'SUPPORTS' && hit.def.type !== 'OPPOSES') || hit.suffixed || hit.def.groupWithNisba) return null;
  const n = units.findIndex((u) => u.tokStart === hit.tokEnd && u.kind === 'nisba');
  if (n < 0) return null;
  const trigDefinite = hit.article || startsWithArticle(tokens, hit.tokStart);
  const noun = hit.def.pos === 'noun' || trigDefinite || nounPrefix(ctx) || NOUN_BEFORE.has(tokens.norm[hit.tokStart - 1] ?? '');
  const nisba = tokens.norm[units[n]!.tokEnd - 1]!;
  const singular = nisba.endsWith('ي') || nisba.endsWith('يه');
  if (!noun || !singular || startsWithArticle(tokens, units[n]!.tokStart) !== trigDefinite) return null;
  const a = nisbaChain(units, n);
  const last = a[a.length - 1]!.tokEnd;
  // "المعارض الروسي ألكسي نافالني": the nisba describes the person named next.
  return units.some((u) => u.type === 'PERSON' && u.prep === null && u.tokStart >= last && u.tokStart <= last + 1) ? null : a;
}

/**
 * The trigger verb is third person feminine singular: a perfect ending in ت (توجهت), or an imperfect
 * with ت whose form with ي the trigger lists too (تزور / يزور); "توجه" (a perfect whose own first
 * letter is ت) is masculine.
 */
function feminineVerb(ctx: PatternContext): boolean {
  const f = ctx.tokens.norm[ctx.hit.tokStart]!.slice(ctx.hit.prefixLen);
  if (f.endsWith('ت')) return true;
  return f.startsWith('ت') && (ctx.lex.forms.get(ctx.hit.def.id)?.has(`ي${f.slice(1)}`) ?? false);
}

/** Tokens at most between an accusation and the stance it names ("اتهمته بتوفير دعم"). */
const ACCUSATION_WINDOW = 3;

/**
 * "اتهمت الخزانة الأمريكية النعيمي بتوفير دعم لـ…", "اتهمته بدعم …": a stance named after an
 * accusation is the accused's, not the accuser's. The accused named right after the accusation, or
 * [] when it is a pronoun (اتهمته) or nobody a list names; null without an accusation before.
 */
function accusedAgent(ctx: PatternContext): Unit[] | null {
  const { hit, tokens, units, lex } = ctx;
  if (hit.def.type !== 'SUPPORTS' && hit.def.type !== 'OPPOSES') return null;
  const from = Math.max(ctx.sentence.tokStart, hit.tokStart - ACCUSATION_WINDOW);
  for (let k = hit.tokStart - 1; k >= from; k--) {
    if (readingIn(tokens, k, lex.accusers)) {
      const u = units.findIndex((x) => x.tokStart === k + 1 && x.tokEnd <= hit.tokStart);
      return u >= 0 ? chainForward(units, u) : [];
    }
    // With an object pronoun (اتهمته، تتهمها): the accused is the pronoun's antecedent, unknown here.
    if (readingsOf(tokens, k).some((d) => lex.suffixes.some((s) => d.bare.length > s.length && d.bare.endsWith(s) && lex.accusers.has(d.bare.slice(0, -s.length))))) return [];
  }
  return null;
}

/**
 * "وقف الأمير على موقع التفجير الذي استهدف …", "أعرب عن استنكاره للحادث الذي استهدف …": the clause
 * before the relative pronoun at `r` ends in an attack noun (lexicon attackNouns, an adjective or two
 * after it) and nobody in the sentence claims it (مسؤوليته، بالمسؤولية: lexicon claimWords).
 */
function unclaimedAttack(ctx: PatternContext, r: number): boolean {
  const { tokens, lex, sentence } = ctx;
  return wordIn(tokens, Math.max(sentence.tokStart, r - 3), r, lex.attackNouns) >= 0 && wordIn(tokens, sentence.tokStart, r, lex.claimWords) < 0;
}

/**
 * A member is named next to its membership: right before it ("العراق، العضو في أوبك", "تركيا، وهي
 * عضو في الناتو") or as the noun's genitive ("انضمام العراق إلى …"). Further away it is another
 * clause's subject: "الدول الأعضاء في الأمم المتحدة" after "عاصمة دولة فلسطين".
 */
function memberNextToTrigger(ctx: PatternContext, a: readonly Unit[]): boolean {
  const { hit, tokens } = ctx;
  // "صفة مراقب غير عضو في الأمم المتحدة": a non-member; "مرشحة لعضوية الاتحاد": a candidate;
  // "غادرت إلى سوريا ثم العراق للانضمام إلى داعش": a purpose, whose subject is the traveller.
  const before = tokens.norm[hit.tokStart - 1] ?? '';
  if (before === 'غير' || before.startsWith('مرشح') || purpose(ctx)) return false;
  return a.some((u) => {
    if (u.tokStart === hit.tokEnd || (u.tokStart === hit.tokEnd + 1 && hit.def.pos === 'noun')) return true;
    if (u.tokEnd > hit.tokStart) return false;
    const gap = hit.tokStart - u.tokEnd;
    if (gap <= 1) return true;
    if (gap > 3) return false;
    for (let k = u.tokEnd; k < hit.tokStart; k++) if (!APPOSITION_LINKS.has(tokens.norm[k]!)) return false;
    return true;
  });
}

/**
 * "مستشار ترامب يزور مصر", "ابنة الرئيس": a person named as the genitive of a relational noun
 * (lexicon possessorNouns) is not the one who acts; the unnamed adviser or daughter is.
 */
function possessed(ctx: PatternContext, u: Unit): boolean {
  return u.type === 'PERSON' && u.kind !== 'title' && u.tokStart > ctx.sentence.tokStart && readingIn(ctx.tokens, u.tokStart - 1, ctx.lex.possessorNouns);
}

/**
 * "زيارته إلى القنصلية السعودية في إسطنبول": a state named after a building of it (lexicon
 * buildingNouns) is not the place visited; the place after في is, if one follows at once.
 */
function insteadOfBuilding(ctx: PatternContext, place: Unit[]): Unit[] {
  const { tokens, units, lex } = ctx;
  if (!place.length) return place;
  const first = place[0]!;
  if (wordIn(tokens, Math.max(ctx.sentence.tokStart, first.tokStart - 2), first.tokStart, lex.buildingNouns) < 0) return place;
  const last = place[place.length - 1]!;
  const there = units.find((u) => u.tokStart > last.tokStart && u.tokStart <= last.tokEnd + 2 && u.prep === 'في' && (u.type === 'LOCATION' || u.type === 'COUNTRY'));
  return there ? [there] : [];
}

/** A noun of targets (مواقع، تجمعات، مقرات …) stands within the two tokens before the unit. */
const ownsTarget = (ctx: PatternContext, u: Unit): boolean => wordIn(ctx.tokens, Math.max(ctx.hit.tokEnd, u.tokStart - 2), u.tokStart, ctx.lex.targetNouns) >= 0;

/** The first token in [from, to) that is, or has a reading that is, one of `words`; -1 if none. */
function wordIn(tokens: Tokens, from: number, to: number, words: ReadonlySet<string>): number {
  for (let k = from; k < to; k++) if (readingIn(tokens, k, words)) return k;
  return -1;
}

/**
 * "أكد الجبير دعم طهران لنظام الأسد", "جدد الأردن رفضه …": after a statement verb and its subject
 * the form is the verbal noun, the verb's object (the noun's own trigger reads it), not a verb
 * whose subject is the one named before it.
 */
function verbalNounAfterStatement(ctx: PatternContext): boolean {
  const { hit, units, tokens } = ctx;
  if (hit.def.pos !== 'verb' || hit.suffixed) return false;
  const stanceEndsAt = (t: number): boolean => ctx.hits.some((h) => h !== hit && h.tokEnd === t && (h.def.type === 'OPPOSES' || h.def.type === 'SUPPORTS'));
  // "بارزاني يدين قصف إيران": right after a stance verb.
  if (stanceEndsAt(hit.tokStart)) return true;
  let s = -1;
  for (let k = 0; k < units.length; k++) if (units[k]!.tokEnd === hit.tokStart && units[k]!.prep === null) s = k;
  if (s < 0) return false;
  const first = chainBackward(units, s)[0]!;
  if (first.tokStart <= ctx.sentence.tokStart) return false;
  // "مسعود بارزاني يدين قصف إيران …": a stance verb and its subject before it do the same.
  return readingIn(tokens, first.tokStart - 1, ctx.lex.statementVerbs) || stanceEndsAt(first.tokStart);
}

/** Tokens at most between an accuser and the accused before "بدعم": a subject with its title may stand between. */
const ACCUSER_WINDOW = 10;

/** Tokens at most between an object pronoun's antecedent and its verb. */
const MAX_ANTECEDENT_DISTANCE = 4;

/** The trigger carries ل or ب, so it is a verbal noun (لدعمها بشار الأسد: its support of), not a verb. */
const nounPrefix = (ctx: PatternContext): boolean => /[لب]/.test(ctx.tokens.norm[ctx.hit.tokStart]!.slice(0, ctx.hit.prefixLen));

/** The trigger carries the ل of purpose (للقاء، لبحث). */
const purpose = (ctx: PatternContext): boolean => purposeHit(ctx.tokens, ctx.hit);
export const purposeHit = (tokens: Tokens, h: TriggerHit): boolean => h.prefixLen > 0 && tokens.norm[h.tokStart]!.slice(0, h.prefixLen).endsWith('ل');

const pairs = (xs: readonly string[], confidence: number): Binding[] => {
  const out: Binding[] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push({ source: xs[i]!, target: xs[j]!, confidence });
  return out;
};
const cross = (a: readonly string[], b: readonly string[], confidence: number, attributes?: Record<string, unknown>): Binding[] =>
  a.flatMap((s) => b.filter((t) => t !== s).map((t) => (attributes ? { source: s, target: t, confidence, attributes } : { source: s, target: t, confidence })));
const end = (us: readonly Unit[], fallback: number): number => (us.length ? Math.max(fallback, us[us.length - 1]!.tokEnd) : fallback);

const CLAUSE_BREAK = new Set(['،', ',', '؛', ';', ':', '(', ')', '"', '«', '»', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'حيث', 'بينما', 'فيما', 'عندما', 'لكن', 'لان', 'ان', 'بان', 'انه', 'بانه', 'انها', 'بانها', 'وهو', 'وهي']);
const ACTOR_TYPES = new Set(['PERSON', 'COUNTRY', 'ORGANIZATION']);
/** What may stand between a member and its membership: "تركيا، وهي عضو في الناتو". */
const APPOSITION_LINKS = new Set(['،', ',', 'وهي', 'وهو', 'هي', 'هو']);
/** Prepositions that introduce an attack's victim or place. */
const VICTIM_PREPS = new Set(['علي', 'ضد', 'في', 'بحق', 'داخل']);
const PERSON_ONLY = new Set(['PERSON']);
const NON_STATE_ACTORS = new Set(['PERSON', 'ORGANIZATION']);
/** A preposition with the pronoun of a relative clause's antecedent: "الذي وصل فيه". */
const RESUMPTIVE = new Set(['فيه', 'فيها', 'منه', 'منها', 'به', 'بها', 'عليه', 'عليها', 'اليه', 'اليها', 'له', 'لها', 'عنه', 'عنها']);
const RELATIVE = new Set(['التي', 'الذي', 'الذين', 'اللتين', 'اللذين']);
/** How far back the subject of a verb may stand (قال X إنه سيلتقي …). */
const MAX_SUBJECT_DISTANCE = 10;

/**
 * A trigger with the ل of purpose (لبحث، للقاء، لدعم) opens in tokens [from, to). Not any word
 * with ل: "قصف لطائرات التحالف" names the bombing's agent, "لاعبو" is a word of its own.
 */
const purposeBetween = (ctx: PatternContext, from: number, to: number): boolean => ctx.hits.some((h) => h.tokStart >= from && h.tokStart < to && purposeHit(ctx.tokens, h));

/**
 * "التقى الرئيسان … بفيتنام": a state with ب after a meeting in person is where it took place (one
 * meets a person or a body with ب: التقى بالرئيس، اجتمع بوفد), and the actor named after it is
 * seldom the one met ("قمة بريكس في اوفا بروسيا برعاية الرئيس بوتين"). After a call it is the one
 * called ("اتصلت بروسيا").
 */
const meetingPlace = (ctx: PatternContext, u: Unit): boolean =>
  ctx.hit.def.type === 'MET_WITH' && ctx.hit.def.attributes['mode'] === 'in_person' && u.prep === 'ب' && (u.type === 'COUNTRY' || u.type === 'LOCATION');

/** The unit heads the actor named before it: "التحالف بقيادة السعودية", "الحزب الشعبي برئاسة راخوي". */
const isHead = (ctx: PatternContext, u: Unit): boolean => u.tokStart > ctx.sentence.tokStart && ctx.lex.headedBy.has(ctx.tokens.norm[u.tokStart - 1]!);

/**
 * Bindings without a head and the actor it heads as each other's counterpart ("الهجوم يستهدف حزب
 * العدالة والتنمية بزعامة أردوغان" is no war between the party and its leader).
 */
export function withoutHeads(ctx: PatternContext, bindings: Binding[]): Binding[] {
  const apart = new Set<string>();
  for (const u of ctx.units) {
    if (!isHead(ctx, u)) continue;
    const led = ctx.units.find((v) => v.tokEnd === u.tokStart - 1);
    if (led) for (const a of u.entities) for (const b of led.entities) apart.add(`${a}\u0000${b}`).add(`${b}\u0000${a}`);
  }
  return apart.size ? bindings.filter((b) => !apart.has(`${b.source}\u0000${b.target}`)) : bindings;
}

/** Token k carries the preposition ل (لرئيس، للأمين). */
const lamPrefixed = (ctx: PatternContext, k: number): boolean => ctx.tokens.norm[k]!.startsWith('ل') && readingsOf(ctx.tokens, k).some((d) => d.prefixLen === 1);

/** The first actor after `from` within `window` tokens, not across a comma or other clause break. */
function objectAfter(ctx: PatternContext, from: number, window: number, preps: readonly (string | null)[]): Unit[] {
  // "وقصفت مقاتلات التحالف العربي بقيادة السعودية مواقع للحوثيين": the object comes after the head.
  if (ctx.lex.headedBy.has(ctx.tokens.norm[from] ?? '')) {
    const h = ctx.units.findIndex((u) => u.tokStart === from + 1);
    if (h >= 0) from = end(chainForward(ctx.units, h), from);
  }
  // "وزير الخارجية الأمريكي، مايك بومبيو، إيران": the comma that closes an apposition (see
  // listOrApposition) does not end the clause.
  const t = ctx.tokens.norm[from];
  if ((t === '،' || t === ',') && ctx.units.some((u) => u.tokStart === from + 1 && u.commaOnly)) from++;
  let stop = from;
  // A purpose clause (لمناقشة، لبحث) that is no actor ends the search too.
  // "… النائب الثاني لرئيس مجلس الوزراء وزير الدفاع أمس الرئيس X": a title with ل is no purpose.
  const purposeClause = (k: number): boolean =>
    !ctx.units.some((u) => u.tokStart === k) && !ctx.roles.some((r) => r.titleTokStart <= k && k < r.titleTokEnd) && readingsOf(ctx.tokens, k).some((d) => d.prefixLen === 1 && ctx.tokens.norm[k]!.startsWith('ل') && d.bare.length > 3);
  while (stop < ctx.sentence.tokEnd && stop < from + window && !CLAUSE_BREAK.has(ctx.tokens.norm[stop]!) && !(window > 6 && purposeClause(stop))) stop++;
  const actorsOnly = ctx.hit.def.type !== 'VISITS' && ctx.hit.def.type !== 'AT_WAR_WITH';
  // Far from the verb, only a person is taken for its object (a body there is usually a genitive).
  const ok = (u: Unit): boolean => u.tokStart - from <= 6 || u.type === 'PERSON';
  // "أدانت الأردن الهجوم الإسرائيلي": a stance on an act is a stance on its actor, named by the nisba.
  const stance = ctx.hit.def.type === 'SUPPORTS' || ctx.hit.def.type === 'OPPOSES';
  // "… النائب الثاني لرئيس مجلس الوزراء": the body of a title in the genitive (ل) belongs to the apposition.
  const inGenitiveTitle = (u: Unit): boolean => ctx.roles.some((r) => u.tokStart > r.titleTokStart && u.tokStart < r.titleTokEnd && lamPrefixed(ctx, r.titleTokStart));
  // "أدان الهجوم على السفارة السعودية", "يدين هجوم إيران لمقر الحزب": after an attack noun, what
  // follows a preposition (على، ضد، في، ل) is its victim, not the stance's object; the attacker
  // (its genitive or nisba: هجمات إيران، الهجوم الإسرائيلي) stays.
  const attackAt = stance ? wordIn(ctx.tokens, from, stop, ctx.lex.attackNouns) : -1;
  const victim = (u: Unit): boolean => {
    if (attackAt < 0 || u.tokStart <= attackAt) return false;
    if (u.prep !== null) return true;
    for (let k = attackAt + 1; k < u.tokStart; k++) if (VICTIM_PREPS.has(ctx.tokens.norm[k]!) || /^ل[^ا]/.test(ctx.tokens.norm[k]!)) return true;
    return false;
  };
  const i = ctx.units.findIndex(
    (u) =>
      u.tokStart >= from &&
      u.tokStart < stop &&
      (preps.includes(u.prep) || (stance && u.kind === 'nisba')) &&
      (u.kind !== 'nisba' || stance) &&
      (!actorsOnly || ACTOR_TYPES.has(u.type) || u.standsFor) &&
      ok(u) &&
      !inGenitiveTitle(u) &&
      !isTopic(ctx, u) &&
      !victim(u) &&
      !possessed(ctx, u) &&
      // "إدانة الحزب الشعبي برئاسة راخوي": the head is no object of its own.
      !isHead(ctx, u),
  );
  return i >= 0 && !meetingPlace(ctx, ctx.units[i]!) ? chainForward(ctx.units, i) : [];
}

/** The sentence subject before a verb whose own agent came after it ("وصل X …، حيث التقى Y"). */
function subjectBefore(ctx: PatternContext, noState = false): Unit[] {
  const wanted = ctx.hit.suffixed && (ctx.hit.def.type === 'VISITS' || ctx.hit.def.type === 'MET_WITH') ? PERSON_ONLY : noState ? NON_STATE_ACTORS : ACTOR_TYPES;
  for (let k = ctx.units.length - 1; k >= 0; k--) {
    const u = ctx.units[k]!;
    if (u.tokEnd > ctx.hit.tokStart) continue;
    if (ctx.hit.tokStart - u.tokEnd > MAX_SUBJECT_DISTANCE) return [];
    // "للقاء نتنياهو، ثم يتوجه": the object of an earlier trigger is not the subject of this one.
    const argOfOther = ctx.hits.some((h) => h !== ctx.hit && h.def.pos === 'noun' && h.tokEnd <= u.tokStart && u.tokStart - h.tokEnd <= 1);
    // "نقلت إرنا عن ظريف تنديده بالتهديدات": the pronoun of a noun is the one reported from (عن).
    const reported = u.prep === 'عن' && ctx.hit.suffixed && ctx.hit.def.pos === 'noun' && u.type === 'PERSON';
    if ((u.prep === null || reported) && u.kind !== 'nisba' && wanted.has(u.type) && !argOfOther) return reported ? [u] : chainBackward(ctx.units, k);
  }
  return [];
}

/** Tokens between a travelling body and its verb or noun: "وصلت القوات التركية", "بعثة أمنية … بالتوجه". */
const MAX_BODY_AGENT_DISTANCE = 3;

/**
 * A person found anywhere as the subject may travel ("أعلن X أنه سيزور"); a body only as the
 * subject or genitive next to the trigger. Further away it is another clause's subject: "الحرارة
 * ستصل" after "في موقع تويتر", "الأسلحة … قد وصلت" after "خبراء الأمم المتحدة".
 */
function nearBodyAgent(ctx: PatternContext, a: readonly Unit[]): boolean {
  const { hit } = ctx;
  return a.some((u) => u.type === 'PERSON' || (u.tokEnd <= hit.tokStart ? hit.tokStart - u.tokEnd : u.tokStart - hit.tokEnd) <= MAX_BODY_AGENT_DISTANCE);
}

/** Where a list of attendees ends (the sentence ends anyway): another clause begins. */
const LIST_END = new Set(['؛', ';', ':', '(', 'حيث', 'بينما', 'فيما', 'عندما', 'لكن']);
/** A longer list names a ceremony's guests rather than the people who met. */
const MAX_ATTENDEES = 6;
/** Tokens before the first attendee: "كل من" and a title. */
const MAX_BEFORE_ATTENDEES = 8;

export const PATTERNS: Record<PatternName, (ctx: PatternContext) => Binding[]> = {
  attendees: (ctx) => {
    // "وحضر الاجتماع كل من X وزير …، وY …، وZ": those who attended one meeting met one another.
    // Without the article the noun governs a genitive ("حضر اجتماع مجلس القضاء"); the list follows
    // at once, its first name after a title at most (وزير الثقافة والإعلام السعودي عواد …).
    const { hit, tokens, sentence, units } = ctx;
    if (!readingsOf(tokens, hit.tokEnd - 1).some((d) => d.hasAl)) return [];
    let stop = hit.tokEnd;
    while (stop < sentence.tokEnd && !LIST_END.has(tokens.norm[stop]!)) stop++;
    // Named people only: a bare title stands for its office holder ("مساعد وزير الدفاع" is not the minister).
    const titleOnly = (u: Unit): boolean => u.kind === 'title' && ctx.roles.some((r) => r.unitTokStart === u.tokStart && r.unitTokEnd === u.tokEnd && r.titleTokStart === r.unitTokStart && r.titleTokEnd === r.unitTokEnd);
    const listed = units.filter((u) => u.tokStart >= hit.tokEnd && u.tokStart < stop && u.type === 'PERSON' && u.prep === null && (u.kind === 'name' || (u.kind === 'title' && !titleOnly(u))));
    if (!listed.length || listed[0]!.tokStart > hit.tokEnd + MAX_BEFORE_ATTENDEES) return [];
    const people = ids(listed);
    return people.length >= 2 && people.length <= MAX_ATTENDEES ? pairs(people, 0.6) : [];
  },
  between: (ctx) => {
    const list = ids(afterWord(ctx, ['بين'], ctx.hit.tokEnd, 6));
    return list.length >= 2 ? pairs(list, 0.85) : [];
  },
  agent_with: (ctx) => {
    const a = agent(ctx);
    if (!a.length) return [];
    const withUnits = afterWord(ctx, ['مع'], Math.min(ctx.hit.tokEnd, a[0]!.tokStart), 25);
    const w = ids(withUnits);
    // "لقاء كونو مع بومبيو ووزيرة الخارجية الكورية": everyone named met everyone else.
    const plural = ctx.tokens.norm[ctx.hit.tokStart]!.endsWith('ات');
    const joint = ctx.hit.def.type === 'MET_WITH' && !plural && withUnits.length > 1 && withUnits.every((u) => u.type === 'PERSON') ? pairs(w, 0.7) : [];
    return [...cross(ids(a), w, 0.85), ...joint];
  },
  agent_from: (ctx) => {
    const a = agent(ctx);
    if (!a.length) return [];
    return cross(ids(a), ids(afterWord(ctx, ['من'], end(a, ctx.hit.tokEnd), 4)), 0.75);
  },
  agent_object: (ctx) => {
    if (verbalNounAfterStatement(ctx)) return [];
    if (ctx.hit.def.pos === 'verb' && ctx.hit.suffixed && !nounPrefix(ctx)) {
      // "فهاجمته بريطانيا", "تتهمها الولايات المتحدة": with an object pronoun, the verb's subject
      // follows it at once and the pronoun stands for the one named before.
      // The pronoun's antecedent is near ("بوتينا المولعة بالأسلحة التي تتهمها"); a far actor is not it
      // ("مشروع قرار بريطاني دعمته …": the pronoun is the draft, which no list names). Without such a
      // subject the form may be a verbal noun whose pronoun is its agent (قصفها لمواقع): read as before.
      const i = ctx.units.findIndex((u) => u.tokStart === ctx.hit.tokEnd && u.prep === null && u.kind !== 'nisba');
      if (i >= 0) {
        const named = subjectBefore(ctx);
        const near = named.length > 0 && ctx.hit.tokStart - Math.max(...named.map((u) => u.tokEnd)) <= MAX_ANTECEDENT_DISTANCE;
        return near ? cross(ids(chainForward(ctx.units, i)), ids(named), 0.6) : [];
      }
      // "الحكومة الصومالية التي تدعمها بعثة …": the pronoun is the antecedent, never the agent; a
      // subject relative_object did not find is not named. (A symmetric act keeps the reading below:
      // "المواقع السعودية التي استهدفتها صواريخ الحوثيين" is war either way round.)
      if (!isSymmetric(ctx.hit.def.type) && RELATIVE.has(ctx.tokens.norm[ctx.hit.tokStart - 1] ?? '')) return [];
    }
    // "أعلن بوتفليقة دعم بلاده للمغرب": a possessive right after the form makes it the verbal noun,
    // whose agent that is (the noun's entry reads it); as a verb it would take "his country" for object.
    if (ctx.hit.def.pos === 'verb' && !ctx.hit.suffixed && ctx.units.some((u) => u.tokStart === ctx.hit.tokEnd && u.kind === 'pronoun')) return [];
    const accused = accusedAgent(ctx);
    if (accused) return accused.length ? cross(ids(accused), ids(objectAfter(ctx, ctx.hit.tokEnd, 4, [null, 'ب', 'ل']).filter((u) => !accused.includes(u))), 0.6) : [];
    const agents = nisbaAgents(ctx);
    if (agents) return cross(ids(agents), ids(objectAfter(ctx, end(agents, ctx.hit.tokEnd), 4, [null, 'ب', 'ل']).filter((u) => !agents.includes(u))), 0.7);
    const a = agent(ctx);
    if (!a.length) return [];
    if (ctx.hit.def.pos === 'noun' && purpose(ctx)) {
      const g = ctx.units.findIndex((u) => u.tokStart === ctx.hit.tokEnd && u.prep === null);
      return g >= 0 ? cross(ids(a), ids(chainForward(ctx.units, g)), 0.7) : [];
    }
    // Meeting verbs: the object may follow a long apposition of the agent (… وزير الدفاع في جدة أمس فخامة الرئيس X).
    const met = ctx.hit.def.type === 'MET_WITH';
    // A noun takes an object only after its own agent (لقاء X Y) or its pronoun (لقائه بوتين).
    if (ctx.hit.def.pos === 'noun' && !ctx.hit.suffixed && a[0]!.tokStart < ctx.hit.tokStart) return [];
    const o = objectAfter(ctx, end(a, ctx.hit.tokEnd), met ? 20 : 4, met ? [null, 'ب'] : [null, 'ب', 'ل']);
    if (o.length) return cross(ids(a), ids(o.filter((u) => !a.includes(u))), 0.7);
    // The unit after a verb was its object, and the subject came earlier in the sentence.
    if (met && ctx.hit.def.pos === 'verb' && a[0]!.tokStart >= ctx.hit.tokEnd) return cross(ids(subjectBefore(ctx)), ids(a), 0.6);
    return [];
  },
  agent_to: (ctx) => {
    const a = agent(ctx);
    if (!a.length || !nearBodyAgent(ctx, a)) return [];
    const from = end(a, ctx.hit.tokEnd);
    let place = afterWord(ctx, ['الي'], from, 6);
    if (!place.length) place = objectAfter(ctx, from, 4, [null]).filter((u) => u.type === 'COUNTRY' || u.type === 'LOCATION');
    // "جولته التي تشمل السعودية والأردن وإسرائيل"
    if (!place.length) place = afterMarker(ctx, ctx.lex.includesPhrases, ctx.hit.tokEnd, 16);
    return cross(ids(a), ids(insteadOfBuilding(ctx, place)), 0.8);
  },
  agent_on: (ctx) => {
    const { hit, units } = ctx;
    // الحرب الإسرائيلية على غزة: the nisba right after the noun is the agent; a noun takes no other
    // agent ("ووصف ترامب الهجوم على إدلب": Trump is the subject of another verb).
    const nisba = units.find((u) => u.tokStart === hit.tokEnd && (u.kind === 'nisba' || u.prep === null));
    const a = nisba ? [nisba] : hit.def.pos === 'noun' ? [] : agent(ctx);
    if (!a.length) return [];
    return cross(ids(a), ids(afterWord(ctx, ['علي', 'ضد'], end(a, hit.tokEnd), 5)), 0.75);
  },
  agent_in: (ctx) => {
    const a = agent(ctx);
    if (!a.length || !memberNextToTrigger(ctx, a)) return [];
    // The preposition may close the trigger itself (جزء من، عضو في): then the body follows at once.
    const direct = ctx.units.findIndex((u) => u.tokStart === ctx.hit.tokEnd);
    const body = direct >= 0 ? chainForward(ctx.units, direct) : afterWord(ctx, ['في', 'الي'], end(a, ctx.hit.tokEnd), 4);
    return cross(ids(a), ids(body), 0.7);
  },
  agent_list: (ctx) => {
    const us = agent(ctx);
    // Countries listed together are met or allied only when they are the subjects (وعززت موسكو وبكين).
    if (ctx.hit.def.type === 'MET_WITH' && !us.every((u) => u.type === 'PERSON' || u.type === 'ORGANIZATION')) return [];
    const list = ids(us);
    return list.length >= 2 ? pairs(list, 0.7) : [];
  },
  led_between: (ctx) => {
    const { hit, tokens, sentence, units, lex } = ctx;
    let mediators: Unit[] = [];
    for (let p = hit.tokEnd; p < Math.min(sentence.tokEnd, hit.tokEnd + 4) && !mediators.length; p++) {
      if (readingsOf(tokens, p).some((d) => lex.ledBy.has(d.bare))) {
        const i = units.findIndex((u) => u.tokStart === p + 1 || (u.tokStart === p && u.prep === 'ب'));
        if (i >= 0) mediators = chainForward(units, i);
      }
    }
    if (!mediators.length) {
      const nisba = units.find((u) => u.tokStart === hit.tokEnd && u.kind === 'nisba');
      if (nisba) mediators = [nisba];
    }
    if (!mediators.length) return [];
    const parties = ids(afterWord(ctx, ['بين'], end(mediators, hit.tokEnd), 10));
    return parties.length >= 2 ? cross(ids(mediators), parties, 0.85, { between: parties }) : [];
  },
  passive_by: (ctx) => {
    // "الميليشيات الحوثية المدعومة من إيران", "القوات العراقية بدعم من الحشد الشعبي"
    const { hit, units } = ctx;
    let t = -1;
    for (let k = units.length - 1; k >= 0; k--) if (units[k]!.tokEnd <= hit.tokStart) { t = k; break; }
    if (t < 0 || hit.tokStart - units[t]!.tokEnd > 1) return [];
    // "ائتلاف النصر برئاسة العبادي، المدعوم من …": the supported is the list its head leads.
    if (isHead(ctx, units[t]!)) return [];
    // Only a comma may stand between: "اتهمت تركيا فاركاس بدعم …" supports through فاركاس, no entity.
    if (hit.tokStart > units[t]!.tokEnd && ctx.tokens.kind[units[t]!.tokEnd] !== TokenKind.Punct) return [];
    // The supporter follows at once ("المدعومة من إيران"); a country's nisba before is the supported
    // noun's adjective, not the supported party ("المعارضة السورية المدعومة من الغرب").
    const i = units.findIndex((u) => u.tokStart === hit.tokEnd && u.kind !== 'nisba');
    if (i < 0 || (units[t]!.kind === 'nisba' && units[t]!.type === 'COUNTRY')) return [];
    // "حرب ناجحة ضد تنظيم داعش بدعم من الولايات المتحدة": the one fought is not the one supported
    // (but "ضد الحوثيين المدعومين من إيران": the participle agrees with them).
    if (units[t]!.prep === 'ضد' && ctx.tokens.norm[hit.tokStart]!.startsWith('ب')) return [];
    // "متهما إيران وحزب الله بدعم جبهة البوليساريو": after an accusation, "X بدعم Y" is X's support of
    // Y (the accused are the supporters), not Y's support of X. Not with من (بدعم من: by).
    // The accusation may come before the accuser too: "اتهمت الولايات المتحدة إيران بدعم …".
    // The accuser may stand between ("اتهم مصدر مسؤول في وزارة الخارجية السورية، أمريكا، بدعم داعش").
    if (hit.tokEnd - hit.tokStart === 1) {
      // Not the accuser's own words before a comma ("مصدر مسؤول في وزارة الخارجية السورية، أمريكا").
      const accused = chainBackward(units, t).filter((u) => u.prep === null || u === units[t]);
      if (wordIn(ctx.tokens, Math.max(ctx.sentence.tokStart, accused[0]!.tokStart - ACCUSER_WINDOW), accused[0]!.tokStart, ctx.lex.accusers) >= 0) return cross(ids(accused), ids(chainForward(units, i)), 0.7);
    }
    return cross(ids(chainForward(units, i)), ids([units[t]!]), 0.75);
  },
  relative_object: (ctx) => {
    // "قوات سوريا الديمقراطية، التي تدعمها الولايات المتحدة": the verb's object pronoun is the noun before التي.
    const { hit, tokens, units, sentence } = ctx;
    if (!hit.suffixed) return [];
    let r = hit.tokStart - 1;
    if (r < sentence.tokStart || !RELATIVE.has(tokens.norm[r]!)) return [];
    let k = r - 1;
    if (k >= sentence.tokStart && (tokens.norm[k] === '،' || tokens.norm[k] === ',')) k--;
    const t = units.findIndex((u) => u.tokEnd === k + 1);
    if (t < 0) return [];
    // The subject follows the verb at once ("التي تدعمها الولايات المتحدة"); "التي تدعمها لقتال X" has none.
    // One word may come first: the subject's own noun, which no list names ("التي تدعمها بعثة
    // الاتحاد الإفريقي").
    const a = units.findIndex((u) => (u.tokStart === hit.tokEnd || (u.tokStart === hit.tokEnd + 1 && readingIn(tokens, hit.tokEnd, ctx.lex.subjectHeads))) && u.prep === null && u.kind !== 'nisba');
    if (a < 0) return [];
    return cross(ids(chainForward(units, a)), ids([units[t]!]), 0.75);
  },
  agent_between: (ctx) => {
    const a = agent(ctx);
    if (!a.length) return [];
    const parties = ids(afterWord(ctx, ['بين'], end(a, ctx.hit.tokEnd), 8));
    return parties.length >= 2 ? cross(ids(a), parties, 0.8, { between: parties }) : [];
  },
};

export const isSymmetric = (type: string): boolean => SYMMETRIC.has(type);
