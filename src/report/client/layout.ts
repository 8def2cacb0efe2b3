// A deterministic force layout (Fruchterman–Reingold with gravity) for the few hundred nodes
// the canvas draws: the same graph gives the same picture, and positions of nodes that stay
// drawn after a filter change are reused as starting points so the picture does not jump.

export interface LayoutInput {
  /** Number of nodes; node i is the i-th most important (it starts nearest the centre). */
  n: number;
  /** Node index pairs. */
  edges: readonly (readonly [number, number])[];
  /** Known starting positions, by node index. */
  start?: ReadonlyMap<number, readonly [number, number]>;
  iterations?: number;
}

export function forceLayout(input: LayoutInput): Float64Array {
  const { n, edges } = input;
  const pos = new Float64Array(n * 2);
  if (n === 0) return pos;
  const k = 10; // ideal edge length
  for (let i = 0; i < n; i++) {
    const s = input.start?.get(i);
    // Golden-angle spiral: even spread, no randomness.
    const r = k * Math.sqrt(i + 0.5);
    const a = i * 2.399963229728653;
    pos[2 * i] = s ? s[0] : r * Math.cos(a);
    pos[2 * i + 1] = s ? s[1] : r * Math.sin(a);
  }
  // Cost is n² per iteration: fewer iterations for bigger drawings keeps it under ~100 ms.
  const iterations = input.iterations ?? Math.max(40, Math.min(300, Math.floor(2e7 / (n * n))));
  const disp = new Float64Array(n * 2);
  let temperature = k * Math.sqrt(n);
  const cool = temperature / (iterations + 1);
  for (let it = 0; it < iterations; it++) {
    disp.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = pos[2 * i]!;
      const yi = pos[2 * i + 1]!;
      for (let j = i + 1; j < n; j++) {
        let dx = xi - pos[2 * j]!;
        let dy = yi - pos[2 * j + 1]!;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1e-6) {
          // Coincident nodes: push apart along a fixed direction.
          dx = 0.01 * ((i % 7) - 3 || 1);
          dy = 0.01 * ((j % 5) - 2 || 1);
          d2 = dx * dx + dy * dy;
        }
        const f = (k * k) / d2; // repulsion k²/d, applied along (dx,dy)/d
        disp[2 * i] = disp[2 * i]! + dx * f;
        disp[2 * i + 1] = disp[2 * i + 1]! + dy * f;
        disp[2 * j] = disp[2 * j]! - dx * f;
        disp[2 * j + 1] = disp[2 * j + 1]! - dy * f;
      }
    }
    for (const [a, b] of edges) {
      if (a === b) continue;
      const dx = pos[2 * a]! - pos[2 * b]!;
      const dy = pos[2 * a + 1]! - pos[2 * b + 1]!;
      const d = Math.sqrt(dx * dx + dy * dy) || 1e-3;
      const f = d / k; // attraction d²/k, applied along (dx,dy)/d
      disp[2 * a] = disp[2 * a]! - dx * f;
      disp[2 * a + 1] = disp[2 * a + 1]! - dy * f;
      disp[2 * b] = disp[2 * b]! + dx * f;
      disp[2 * b + 1] = disp[2 * b + 1]! + dy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps small components and lone nodes from drifting off.
      disp[2 * i] = disp[2 * i]! - 0.05 * pos[2 * i]! * Math.sqrt(n);
      disp[2 * i + 1] = disp[2 * i + 1]! - 0.05 * pos[2 * i + 1]! * Math.sqrt(n);
      const dx = disp[2 * i]!;
      const dy = disp[2 * i + 1]!;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d > 0) {
        const step = Math.min(d, temperature);
        pos[2 * i] = pos[2 * i]! + (dx / d) * step;
        pos[2 * i + 1] = pos[2 * i + 1]! + (dy / d) * step;
      }
    }
    temperature = Math.max(temperature - cool, 0.01);
  }
  return pos;
}
