import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score, type GoldDoc } from '../src/eval/score.js';
import { pipeline, SHARED } from './helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('shabaka eval', () => {
  it('agrees with ../shared/eval/score.mjs on the dev set', () => {
    const goldFile = `${SHARED}eval/dev.gold.jsonl`;
    const gold = readFileSync(goldFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
    const pred = gold.map((g) => pipeline().process({ id: g.id }, g.text));
    const dir = mkdtempSync(join(tmpdir(), 'shabaka-eval-'));
    const predFile = join(dir, 'documents.jsonl');
    writeFileSync(predFile, pred.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const reference = JSON.parse(execFileSync('node', [`${SHARED}eval/score.mjs`, goldFile, predFile, '--json'], { encoding: 'utf8' }));
    const ours = score(gold, pred);
    expect(ours).toEqual(reference);
    expect(ours.ner.strict.micro.tp).toBeGreaterThan(0);
  });
});
