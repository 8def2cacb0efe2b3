// The report reads each documents.jsonl line's `document` header from its first bytes (src/io/json-prefix.ts).
import { describe, expect, it } from 'vitest';
import { objectOfKey } from '../src/io/json-prefix.js';
import { extract } from './helpers.js';

const header = (line: string, key = 'document'): unknown => {
  const b = Buffer.from(line, 'utf8');
  const at = objectOfKey(b, key);
  return at && JSON.parse(b.toString('utf8', at[0], at[1]));
};

describe('objectOfKey', () => {
  it('finds the document header of a real document-graph line', () => {
    const g = extract('التقى وزير الخارجية القطري نظيره الأمريكي في الدوحة يوم الاثنين.');
    expect(g.entities.length).toBeGreaterThan(0);
    expect(header(JSON.stringify(g))).toEqual(g.document);
  });

  it('takes only a top-level key, past strings that hold quotes, braces and the key itself', () => {
    const line = JSON.stringify({ text: 'قال "document": {"id": "x"} }', nested: { document: { id: 'inner' } }, document: { id: 'وثيقة {1}', source: 'a\\"b' }, rest: [1, 2] });
    expect(header(line)).toEqual({ id: 'وثيقة {1}', source: 'a\\"b' });
  });

  it('gives nothing when the key is missing, is not an object, or the object does not end in time', () => {
    expect(header(JSON.stringify({ documents: { id: 'x' } }))).toBeUndefined();
    expect(header(JSON.stringify({ document: ['x'] }))).toBeUndefined();
    expect(header('{"document": ')).toBeUndefined();
    expect(header('{"document": {"id": "x"')).toBeUndefined();
    const far = JSON.stringify({ pad: 'ب'.repeat(40_000), document: { id: 'x' } });
    expect(objectOfKey(Buffer.from(far), 'document')).toBeUndefined();
  });
});
