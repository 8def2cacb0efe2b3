import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteers } from '../src/gazetteer/load.js';
import { loadPipeline } from '../src/pipeline/config.js';
import { registerStages } from '../src/pipeline/registry.js';
import { ConfigError } from '../src/util/errors.js';
import { gazetteerValidate } from '../src/cli/gazetteer.js';
import { PIPELINE_FILE, ROOT } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'shabaka-'));
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('gazetteer files', () => {
  it('reports every bad entry with file, line and field', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'people.jsonl'),
      [
        '{"id":"person:ok","type":"PERSON","en":"Ok","ar":["بلينكن"],"source":"test"}',
        '{"id":"person:bad","type":"PERSON","en":"Bad","ar":["Blinken"],"source":"test"}',
        '{"id":"country:xx","type":"PERSON","en":"X","ar":["اكس"],"source":"test"}',
        '{not json',
        '{"id":"person:ok","type":"PERSON","en":"Dup","ar":["دوب"],"source":"test","roles":[{"role":"king_of_nowhere","of":"country:zz"}]}',
        '{"id":"person:anchor","type":"PERSON","en":"Anchor","ar":["مذيع"],"sector":"media","source":"test"}',
        '{"id":"org:club","type":"ORGANIZATION","en":"Club","ar":["نادي"],"sector":"football","source":"test"}',
      ].join('\n'),
    );
    const msg = errorOf(() => loadGazetteers(dir));
    expect(msg).toContain(`${join(dir, 'people.jsonl')}:2:ar.0: expected Arabic script`);
    expect(msg).toContain(`${join(dir, 'people.jsonl')}:3:id: id of a PERSON must start with "person:"`);
    expect(msg).toContain(`${join(dir, 'people.jsonl')}:4: invalid JSON`);
    expect(msg).toContain(`${join(dir, 'people.jsonl')}:5:id: duplicate id "person:ok"`);
    expect(msg).toContain(`${join(dir, 'people.jsonl')}:5:roles.0.role: unknown role "king_of_nowhere"`);
    expect(msg).toContain(`${join(dir, 'people.jsonl')}:6:sector: sector is for ORGANIZATION entries`);
    expect(msg).toMatch(new RegExp(`${join(dir, 'people.jsonl')}:7:sector: .*"media"`));
  });

  it('refuses two context rules for one form (the second would silently replace the first)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'places.jsonl'), '{"id":"location:douma","type":"LOCATION","en":"Douma","ar":["دوما"],"source":"test"}\n');
    const rule = (form: string, otherwise: string | null): unknown => ({ form, description: 'test', choose: [], otherwise });
    writeFileSync(join(dir, 'ambiguous.json'), JSON.stringify({ rules: [rule('دوما', null), rule('الدوما', 'location:douma')] }));
    expect(errorOf(() => loadGazetteers(dir))).toContain(`${join(dir, 'ambiguous.json')}:rules.1.form: "الدوما" has a rule already (rules.0)`);
  });
});

describe('pipeline files', () => {
  it('pins the registered stages', () => {
    expect([...registerStages().keys()]).toEqual(['text', 'gazetteer', 'titles', 'coref', 'relations', 'en-text', 'en-gazetteer', 'en-titles', 'en-candidates', 'en-coref', 'en-relations']);
  });

  it('loads the default pipeline', () => {
    expect(loadPipeline(PIPELINE_FILE, registerStages()).stages.map((s) => s.name)).toEqual(['text', 'gazetteer', 'titles', 'coref', 'relations']);
  });

  it('rejects an unknown stage, bad options and a stage out of order, naming the place', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'p'));
    const f = join(dir, 'p', 'bad.json');
    writeFileSync(
      f,
      JSON.stringify({
        schema: 'shabaka/pipeline@1',
        name: 'bad',
        lang: 'ar',
        resources: { gazetteers: '.', lexicons: '.' },
        stages: [{ name: 'gazetteer' }, { name: 'text' }, { name: 'tokenise' }, { name: 'relations', options: { minConfidence: 7 } }],
      }),
    );
    const msg = errorOf(() => loadPipeline(f, registerStages()));
    expect(msg).toContain(`${f}:stages.0: stage "gazetteer" requires "tokens"`);
    expect(msg).toContain(`${f}:stages.2.name: unknown stage "tokenise"`);
    expect(msg).toContain(`${f}:stages.3.options.minConfidence`);
  });
});

describe('the shipped gazetteers', () => {
  it('validate, and every name form shared by two types has a context rule', () => {
    expect(gazetteerValidate(`${ROOT}gazetteers`)).toBe(0);
  });
});
