// The report of the dev set in a real browser: Debian's chromium driven by playwright-core.
// Chromium missing is a failure with the fix in the message, never a silent skip.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleClient } from '../src/report/bundle.js';
import type { ReportApi } from '../src/report/client/main.js';
import { writeReport } from '../src/report/write.js';
import { ROOT, SHARED } from './helpers.js';
import { writeOutputDir, type OutputDir } from './report-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The README's picture is refreshed only on request (SHABAKA_UPDATE_SCREENSHOT=1): a test run leaves the tree as it was.
const SCREENSHOT = process.env['SHABAKA_UPDATE_SCREENSHOT'] ? join(ROOT, 'docs', 'report.png') : join(tmpdir(), `shabaka-report-${process.pid}.png`);

declare global {
  interface Window {
    shabakaReport?: ReportApi;
  }
}

let browser: Browser;
let page: Page;
let out: OutputDir;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: the report's browser test needs Debian's chromium. Run \`bash scripts/install-chromium.sh\` (CI's .ci/run does it before npm test).`);
  }
  out = writeOutputDir(`${SHARED}eval/dev.jsonl`, 'shabaka-report-dev-');
  await writeReport(out.dir, { clientJs: await bundleClient(), title: 'shabaka — dev set' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Offline: any request but the report file itself is recorded and refused.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(join(out.dir, 'report.html')).href);
  await page.waitForFunction(() => window.shabakaReport?.ready === true, null, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

/** Share of the element's pixels that are not (near) white, read back from a real screenshot. */
async function inkRatio(p: Page, selector: string): Promise<number> {
  const png = await p.locator(selector).screenshot();
  return p.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 230 || d[i + 1]! < 230 || d[i + 2]! < 230) ink++;
    return ink / (d.length / 4);
  }, png.toString('base64'));
}

describe('report.html of the dev set in chromium', () => {
  it('renders the graph nodes offline, with the entity table in Arabic and English', async () => {
    expect(pageErrors).toEqual([]);
    expect(requests).toEqual([]);
    const drawn = await page.evaluate(() => window.shabakaReport!.drawn());
    const withRelations = new Set(out.graph.relations.flatMap((r) => [r.source, r.target]));
    expect(drawn.nodes.length).toBe(withRelations.size);
    expect(drawn.edges.length).toBe(out.graph.relations.length);
    expect(await inkRatio(page, '#graph')).toBeGreaterThan(0.01);
    const top = [...out.graph.entities].sort((a, b) => b.mentionCount - a.mentionCount)[0]!;
    const row = page.locator(`#entity-rows tr[data-entity="${top.id}"]`);
    await expect.poll(() => row.locator('td').nth(0).textContent()).toBe(top.name.ar);
    expect(await row.locator('td').nth(1).textContent()).toBe(top.name.en);
    expect(await row.locator('td.ar').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });

  it('shows the evidence of a clicked edge with its trigger and arguments highlighted, right to left', async () => {
    const target = await page.evaluate(() => window.shabakaReport!.clickableEdge());
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    const list = page.locator(`#evidence[data-relation="${target!.key}"]`);
    await list.waitFor({ timeout: 5_000 });
    const relation = out.graph.relations.find((r) => r.key === target!.key)!;
    const items = list.locator('li.evidence');
    expect(await items.count()).toBe(relation.evidence.length);
    const first = relation.evidence[0]!;
    const sentence = items.first().locator('p.sentence');
    expect(await sentence.textContent()).toBe(first.text);
    expect(await sentence.getAttribute('dir')).toBe('rtl');
    expect(await sentence.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    if (first.trigger) expect(await sentence.locator('mark.trigger').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(first.trigger.text.slice(0, 2))]));
    expect(await list.locator('mark.trigger').count()).toBeGreaterThan(0);
    expect(await list.locator('mark.arg-s, mark.arg-t').count()).toBeGreaterThan(0);
  });

  it('highlights both arguments of a meeting and takes the screenshot for the README', async () => {
    // The dev set's meeting with the most evidence: both people and the trigger are in its sentences.
    const met = out.graph.relations.filter((r) => r.type === 'MET_WITH').sort((a, b) => b.evidence.length - a.evidence.length)[0];
    expect(met, 'the dev set has a MET_WITH relation').toBeDefined();
    const point = await page.evaluate((key) => window.shabakaReport!.edgePoint(key), met!.key);
    expect(point).not.toBeNull();
    await page.evaluate((key) => window.shabakaReport!.showRelation(key), met!.key);
    const list = page.locator(`#evidence[data-relation="${met!.key}"]`);
    await list.waitFor();
    const ev = met!.evidence[0]!;
    const marks = list.locator('li.evidence').first().locator('mark');
    const texts = await marks.evaluateAll((ms) => ms.map((m) => [m.className, m.textContent]));
    expect(texts).toContainEqual(['trigger', ev.trigger!.text]);
    expect(texts.some(([c]) => c!.includes('arg-s'))).toBe(true);
    expect(texts.some(([c]) => c!.includes('arg-t'))).toBe(true);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('filters by relation type, document and search', async () => {
    await page.locator('#relation-types input[data-type="HOLDS_ROLE"]').uncheck();
    let drawn = await page.evaluate(() => window.shabakaReport!.drawn());
    expect(drawn.edges.length).toBe(out.graph.relations.filter((r) => r.type !== 'HOLDS_ROLE').length);
    expect(drawn.edges.some((k) => k.startsWith('HOLDS_ROLE|'))).toBe(false);
    await page.locator('#relation-types input[data-type="HOLDS_ROLE"]').check();

    const doc = out.docs.filter((d) => d.relations.length > 0).sort((a, b) => b.relations.length - a.relations.length)[0]!;
    await page.locator('#document').selectOption({ label: doc.document.source ? `${doc.document.id} — ${doc.document.source}` : doc.document.id });
    drawn = await page.evaluate(() => window.shabakaReport!.drawn());
    const inDoc = new Set(doc.entities.map((e) => e.id));
    expect(drawn.nodes.length).toBeGreaterThan(0);
    expect(drawn.nodes.every((n) => inDoc.has(n))).toBe(true);
    await page.locator('#document').selectOption({ value: '' });

    // search without the hamza finds the entity spelled with it
    const entity = out.graph.entities.find((e) => /[أإآ]/.test(e.name.ar))!;
    await page.locator('#search').fill(entity.name.ar.replace(/[أإآ]/g, 'ا'));
    const row = page.locator(`#entity-rows tr[data-entity="${entity.id}"]`);
    await row.click();
    await expect.poll(() => page.locator('#details h2').textContent()).toContain(entity.name.ar);
  });
});
