#!/usr/bin/env node
// Builds gazetteers/countries.jsonl and gazetteers/locations/capitals.jsonl.
// Run from the repo root: `node scripts/build-countries.mjs` (npm run gazetteer:countries).
//
// Inputs
//   node_modules/i18n-iso-countries/langs/ar.json          Arabic country names (250 codes incl. XK)
//   node_modules/i18n-iso-countries/langs/en.json          English fallback names
//   node_modules/cldr-localenames-full/main/ar/territories.json
//                                                          CLDR Arabic names: CODE, CODE-alt-variant, CODE-alt-short, ...
//   gazetteers/sources/country-extra.json                  hand-written data no package has
//
// Shape of gazetteers/sources/country-extra.json: one object keyed by ISO 3166-1 alpha-2 code:
//   {
//     "QA": {
//       "en": "Qatar",                         // English name (required)
//       "ar": ["قطر"],                         // extra full-name variants (optional; "دولة X" is dropped when X is listed)
//       "descriptions": ["..."],               // epithets that stand for it but are not names (optional)
//       "aliases": [],                         // short forms that identify the country on their own (optional)
//       "nisba": ["قطري"],                     // masculine singular nisba stems (optional)
//       "drop": ["..."],                       // package forms to drop (misleading, ambiguous or junk) (optional)
//       "capital": {                           // the capital (optional); becomes a LOCATION entry and the
//         "id": "location:doha",               //   country's `capital` field
//         "en": "Doha",
//         "ar": ["الدوحة"],
//         "aliases": []                        //   optional
//       },
//       "seat": { ...same shape as capital },  // seat of government used instead of a contested capital
//                                              //   (PS: Ramallah, IL: Tel Aviv): a LOCATION entry that stands
//                                              //   for the country, but NOT written as its `capital` field
//       "source": "corpus: قطر 7222, ..."       // notes on where the extra forms come from (not copied to output)
//     }, ...
//   }
//
// Processing
//   * Package forms: diacritics removed; a parenthetical part is removed ("ميانمار (بورما)" -> "ميانمار");
//     " - " becomes a space ("الكونغو - كينشاسا" -> "الكونغو كينشاسا"); then `drop` is applied.
//   * ar = i18n-iso-countries forms, then CLDR forms, then extra ar; aliases = extra aliases.
//   * Duplicates are removed with the matcher's normalisation (diacritics, tatweel, hamza/alef forms,
//     ة/ه, ى/ي), keeping the first spelling seen; an alias equal to an ar form is dropped.
//   * For every capital/seat, "العاصمة <nisba>ة" descriptions are derived from the country's one-word nisba
//     stems ("العاصمة القطرية" -> Doha), unless that form is shared by two countries' capitals.
//   * A capital form equal to a country form is dropped (the README's rule: الكويت the country,
//     مدينة الكويت the capital). Any other form shared by two entries is an error: the script exits 1.
//   * Output is deterministic: entries sorted by id, fixed key order, empty arrays omitted.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

const i18nAr = readJson(require.resolve('i18n-iso-countries/langs/ar.json')).countries;
const i18nEn = readJson(require.resolve('i18n-iso-countries/langs/en.json')).countries;
const cldr = readJson(require.resolve('cldr-localenames-full/main/ar/territories.json')).main.ar.localeDisplayNames
  .territories;
const extra = readJson(join(root, 'gazetteers/sources/country-extra.json'));

const SOURCE_COUNTRY = 'i18n-iso-countries ar + cldr-localenames-full ar + sources/country-extra.json';
const SOURCE_CAPITAL = 'manual: sources/country-extra.json';

const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
const clean = (s) => s.replace(DIACRITICS, '').replace(/\s+/g, ' ').trim();
/** The matcher's equivalence: diacritics, tatweel, alef/hamza forms, ة/ه, ى/ي. */
const norm = (s) =>
  clean(s)
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
const packageForm = (s) => clean(s.replace(/\([^)]*\)/g, ' ').replace(/\s+-\s+/g, ' '));
const asList = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);

const errors = [];
const warn = (m) => console.warn(`warning: ${m}`);

/** Adds forms to `out` unless their normal form is in `seen`. */
function addForms(out, seen, forms) {
  for (const f of forms) {
    const c = clean(f);
    if (c.length < 2 || !/[\u0600-\u06FF]/.test(c)) continue;
    const k = norm(c);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
}

const codes = new Set([...Object.keys(i18nAr), ...Object.keys(extra)]);
for (const code of codes) {
  if (!/^[A-Z]{2}$/.test(code)) errors.push(`bad code ${code} in country-extra.json`);
  if (!extra[code]) warn(`${code} has no entry in country-extra.json`);
  if (!i18nAr[code]) warn(`${code} is not in i18n-iso-countries`);
}

const countries = [];
const capitals = [];
for (const code of [...codes].sort()) {
  const x = extra[code] ?? {};
  const drop = new Set(asList(x.drop).map(norm));
  const pkg = [
    ...asList(i18nAr[code]),
    ...Object.keys(cldr)
      .filter((k) => k === code || k.startsWith(`${code}-alt-`))
      .sort()
      .map((k) => cldr[k]),
  ]
    .map(packageForm)
    .filter((f) => !drop.has(norm(f)));
  const seen = new Set();
  const ar = [];
  addForms(ar, seen, pkg);
  addForms(ar, seen, asList(x.ar));
  const aliases = [];
  addForms(aliases, seen, asList(x.aliases));
  // Epithets (الدولة العبرية، بلاد الحرمين) stand for the country but are not names.
  const descriptions = [];
  addForms(descriptions, seen, asList(x.descriptions));
  const nisba = [];
  addForms(nisba, new Set(), asList(x.nisba));
  const en = x.en ?? asList(i18nEn[code])[0];
  if (!ar.length) errors.push(`${code}: no Arabic name`);
  const id = `country:${code.toLowerCase()}`;
  // "دولة قطر": the descriptor stays out of the name (the guidelines' span); قطر is listed anyway.
  const named = ar.filter((f) => !(f.startsWith('دولة ') && seen.has(norm(f.slice(5)))));
  ar.length = 0;
  ar.push(...named);
  const e = { id, type: 'COUNTRY', en, ar };
  if (aliases.length) e.aliases = aliases;
  if (descriptions.length) e.descriptions = descriptions;
  if (nisba.length) e.nisba = nisba;
  if (x.capital) e.capital = x.capital.id;
  e.iso = code;
  e.source = SOURCE_COUNTRY;
  countries.push(e);
  for (const c of [x.capital, x.seat].filter(Boolean)) {
    const derived = nisba.filter((n) => !n.includes(' ')).map((n) => `العاصمة ال${n}ة`);
    capitals.push({ raw: c, country: id, derived });
  }
}

// Forms of all countries: a capital may not reuse one.
const countryForms = new Map();
for (const c of countries)
  for (const f of [...c.ar, ...(c.aliases ?? [])]) {
    const k = norm(f);
    if (countryForms.has(k) && countryForms.get(k) !== c.id) errors.push(`"${f}" is a form of both ${countryForms.get(k)} and ${c.id}`);
    countryForms.set(k, c.id);
  }
// A nisba stem may belong to one country only; it may not be a name form of another country either.
const nisbaOwner = new Map();
for (const c of countries)
  for (const f of c.nisba ?? []) {
    const k = norm(f);
    if (nisbaOwner.has(k)) errors.push(`nisba "${f}" of both ${nisbaOwner.get(k)} and ${c.id}`);
    if (countryForms.has(k) && countryForms.get(k) !== c.id) errors.push(`nisba "${f}" of ${c.id} is a name of ${countryForms.get(k)}`);
    nisbaOwner.set(k, c.id);
  }
// Derived "العاصمة X" forms shared by two capitals are dropped.
const derivedCount = new Map();
for (const c of capitals) for (const d of new Set(c.derived.map(norm))) derivedCount.set(d, (derivedCount.get(d) ?? 0) + 1);

const locations = [];
const locForms = new Map();
for (const { raw, country, derived } of capitals) {
  const seen = new Set();
  const strip = (forms) =>
    asList(forms).filter((f) => {
      if (!countryForms.has(norm(f))) return true;
      warn(`capital ${raw.id}: dropped "${f}", a form of ${countryForms.get(norm(f))}`);
      return false;
    });
  const ar = [];
  addForms(ar, seen, strip(raw.ar));
  // "العاصمة القطرية" describes the capital; it is not a name (mention kind "nominal").
  const isDescription = (f) => f.startsWith('العاصمة');
  const aliases = [];
  addForms(aliases, seen, strip(raw.aliases).filter((f) => !isDescription(f)));
  const descriptions = [];
  addForms(descriptions, seen, strip(raw.aliases).filter(isDescription));
  addForms(descriptions, seen, derived.filter((d) => derivedCount.get(norm(d)) === 1 && !countryForms.has(norm(d))));
  if (!ar.length) {
    errors.push(`capital ${raw.id} of ${country}: no Arabic name left`);
    continue;
  }
  const e = { id: raw.id, type: 'LOCATION', en: raw.en, ar };
  if (aliases.length) e.aliases = aliases;
  if (descriptions.length) e.descriptions = descriptions;
  e.country = country;
  e.standsFor = country;
  e.source = SOURCE_CAPITAL;
  if (locations.some((l) => l.id === e.id)) errors.push(`duplicate location id ${e.id}`);
  for (const f of [...ar, ...aliases, ...descriptions]) {
    const k = norm(f);
    if (locForms.has(k)) errors.push(`"${f}" is a form of both ${locForms.get(k)} and ${e.id}`);
    locForms.set(k, e.id);
  }
  locations.push(e);
}

if (errors.length) {
  for (const m of errors) console.error(`error: ${m}`);
  process.exit(1);
}

const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const jsonl = (entries) => entries.sort(byId).map((e) => JSON.stringify(e)).join('\n') + '\n';
writeFileSync(join(root, 'gazetteers/countries.jsonl'), jsonl(countries));
mkdirSync(join(root, 'gazetteers/locations'), { recursive: true });
writeFileSync(join(root, 'gazetteers/locations/capitals.jsonl'), jsonl(locations));
const n = (es, k) => es.reduce((s, e) => s + (e[k]?.length ?? 0), 0);
console.log(
  `countries.jsonl: ${countries.length} entries, ${n(countries, 'ar')} names, ${n(countries, 'aliases')} aliases, ` +
    `${n(countries, 'nisba')} nisba stems; capitals.jsonl: ${locations.length} entries, ` +
    `${n(locations, 'ar')} names, ${n(locations, 'aliases')} aliases`,
);
