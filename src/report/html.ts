// Assembles report.html: markup, stylesheet, the data as JSON and the bundled browser code,
// all inline so the one file works offline.
import { jsonPieces } from '../io/json-pieces.js';
import type { ReportData } from './model.js';
import { STYLE } from './style.js';

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** `<` escaped so no text in the corpus can close the <script> element the JSON sits in. */
const escapeScript = (json: string): string => json.replace(/</g, '\\u003c');

/** JSON inside <script>. */
export const scriptJson = (value: unknown): string => escapeScript(JSON.stringify(value));

/**
 * report.html in pieces, the data's JSON among them in pieces too: as one string the page of a
 * 31,523-document run (16 MB) was held three times over (JSON, escaped, page), the run's memory peak.
 */
export function* htmlPieces(data: ReportData, clientJs: string): Generator<string> {
  // esbuild escapes "</script" in strings; a bundle that still holds one would cut the page short.
  if (/<\/script/i.test(clientJs)) throw new Error('report client bundle contains "</script": cannot inline it');
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(data.title)}</h1><span id="stats"></span><span id="drawn"></span><div id="warnings"></div></header>
<div id="layout">
<aside id="filters">
<h3>Relation types</h3><div id="relation-types"></div>
<h3>Entity types</h3><div id="entity-types"></div>
<h3>Document</h3><select id="document"></select>
<h3>Drawing</h3>
<label for="max-nodes">Most mentioned entities drawn</label><input id="max-nodes" type="number" min="1" step="50">
<label><input id="connected-only" type="checkbox"> only entities with relations</label>
<button id="reset" type="button">Reset view</button>
</aside>
<main id="graph-wrap"><div id="graph"></div><p id="empty" hidden>Nothing to draw with these filters.</p><div id="fatal" hidden></div></main>
<aside id="details"><p class="hint">Click an edge to see its evidence sentences, a node or a table row for an entity's relations.</p></aside>
</div>
<section id="table-section">
<div class="bar"><input id="search" type="search" placeholder="Search entities, Arabic or English"><span id="table-note"></span></div>
<div class="table-scroll"><table id="entities"><thead><tr><th data-sort="ar">Arabic name</th><th data-sort="en">English name</th><th data-sort="type">Type</th><th data-sort="mentions">Mentions</th><th data-sort="docs">Documents</th><th data-sort="relations">Relations</th></tr></thead><tbody id="entity-rows"></tbody></table></div>
</section>
<script type="application/json" id="shabaka-data">`;
  for (const piece of jsonPieces(data)) yield escapeScript(piece);
  yield `</script>
<script>${clientJs}</script>
</body>
</html>
`;
}
