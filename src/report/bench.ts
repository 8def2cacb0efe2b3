// Benchmark: how the report of a large output directory behaves in chromium.
//   node dist/report/bench.js DIR        (after npm run build; needs /usr/bin/chromium)
// Prints JSON: report size and write time, page load to ready, the main-thread time of a filter
// change, a table search and showing an edge's evidence, and the longest task the page ran.
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { writeReport } from './write.js';
import type { ReportApi } from './client/main.js';

declare const window: { shabakaReport?: ReportApi; __longest?: number };
declare const document: { querySelector(s: string): { dispatchEvent(e: unknown): void; value: string } | null };
declare const PerformanceObserver: new (cb: (l: { getEntries(): { duration: number }[] }) => void) => { observe(o: object): void };
declare const Event: new (t: string) => unknown;

export async function benchReport(dir: string): Promise<Record<string, unknown>> {
  const { chromium } = await import('playwright-core');
  let t = performance.now();
  const r = await writeReport(dir);
  const writeMs = performance.now() - t;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longest = Math.max(window.__longest ?? 0, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    t = performance.now();
    await page.goto(pathToFileURL(r.file).href);
    await page.waitForFunction(() => window.shabakaReport?.ready === true, null, { timeout: 120_000 });
    const loadMs = performance.now() - t;
    const drawn = await page.evaluate(() => window.shabakaReport!.drawn());
    // Main-thread time of each interaction, measured in the page (the handlers run synchronously).
    const filterMs = await page.evaluate(() => {
      const t0 = performance.now();
      window.shabakaReport!.setFilters({ maxNodes: 299 });
      return performance.now() - t0;
    });
    const searchMs = await page.evaluate(() => {
      const input = document.querySelector('#search')!;
      input.value = 'ال';
      const t0 = performance.now();
      input.dispatchEvent(new Event('input'));
      return performance.now() - t0;
    });
    const edge = await page.evaluate(() => window.shabakaReport!.clickableEdge());
    const clickMs = edge
      ? await page.evaluate((key) => {
          const t0 = performance.now();
          window.shabakaReport!.showRelation(key);
          return performance.now() - t0;
        }, edge.key)
      : null;
    if (edge) {
      await page.mouse.click(edge.x, edge.y);
      await page.locator('#evidence').waitFor({ timeout: 10_000 });
    }
    const longestTaskMs = await page.evaluate(() => window.__longest ?? 0);
    return {
      dir,
      bytes: r.bytes,
      entities: r.entities,
      relations: r.relations,
      writeMs: Math.round(writeMs),
      loadMs: Math.round(loadMs),
      drawnNodes: drawn.nodes.length,
      drawnEdges: drawn.edges.length,
      filterMs: Math.round(filterMs),
      searchMs: Math.round(searchMs),
      showEvidenceMs: clickMs === null ? null : Math.round(clickMs),
      longestTaskMs: Math.round(longestTaskMs),
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node dist/report/bench.js DIR\n');
    process.exitCode = 2;
  } else process.stdout.write(`${JSON.stringify(await benchReport(dir), null, 1)}\n`);
}
