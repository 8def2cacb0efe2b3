// Splits a sentence into runs that share the same highlight classes, so overlapping marks
// (a trigger inside an argument's title, say) both show. Offsets are UTF-16 indices.

export interface Mark {
  start: number;
  end: number;
  cls: string;
}

export interface Segment {
  text: string;
  classes: string[];
}

export function segments(text: string, marks: readonly Mark[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  const clean = marks
    .map((m) => ({ start: Math.max(0, Math.min(text.length, m.start)), end: Math.max(0, Math.min(text.length, m.end)), cls: m.cls }))
    .filter((m) => m.end > m.start);
  for (const m of clean) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const classes = [...new Set(clean.filter((m) => m.start <= a && m.end >= b).map((m) => m.cls))].sort();
    const last = out[out.length - 1];
    if (last && last.classes.join(' ') === classes.join(' ')) last.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), classes });
  }
  return out;
}
