// `shabaka gazetteer validate | stats | names`.
import { compileGazetteer } from '../gazetteer/compile.js';
import { loadGazetteers } from '../gazetteer/load.js';
import { nisbaForms } from '../gazetteer/nisba.js';
import { normalizeString } from '../text/normalize.js';

export function gazetteerValidate(dir: string): number {
  const data = loadGazetteers(dir);
  const g = compileGazetteer(data);
  // A form shared by entries of different types needs a rule in ambiguous.json.
  const byForm = new Map<string, Set<string>>();
  g.entries.forEach((e) => {
    for (const f of [...e.ar, ...(e.aliases ?? [])]) {
      const n = normalizeString(f).replace(/^ال(?=..)/, '');
      let s = byForm.get(n);
      if (!s) byForm.set(n, (s = new Set()));
      s.add(`${e.type}:${e.id}`);
    }
  });
  const conflicts: string[] = [];
  for (const [form, owners] of byForm) {
    const types = new Set([...owners].map((o) => o.split(':')[0]));
    if (types.size > 1 && !g.ambiguity.has(form)) conflicts.push(`${form}: ${[...owners].join(', ')}`);
  }
  process.stdout.write(`${data.entries.length} entries valid in ${dir}\n`);
  if (conflicts.length) {
    process.stdout.write(`${conflicts.length} name form(s) shared by entries of different types without a rule in ambiguous.json:\n${conflicts.map((c) => `  ${c}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

export function allNameForms(dir: string): string[] {
  return nameForms(loadGazetteers(dir));
}

function nameForms(data: ReturnType<typeof loadGazetteers>): string[] {
  const forms = new Set<string>();
  for (const { entry } of data.entries) {
    for (const f of [...entry.ar, ...(entry.aliases ?? []), ...(entry.nisba ?? []).flatMap(nisbaForms)]) forms.add(f);
  }
  return [...forms].sort();
}

export function gazetteerStats(dir: string): Record<string, number> {
  const data = loadGazetteers(dir);
  const out: Record<string, number> = { PERSON: 0, COUNTRY: 0, ORGANIZATION: 0, LOCATION: 0, names: 0 };
  for (const { entry } of data.entries) out[entry.type] = (out[entry.type] ?? 0) + 1;
  out['names'] = nameForms(data).length;
  return out;
}
