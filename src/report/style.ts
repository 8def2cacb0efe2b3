// The report page's stylesheet, inlined into report.html (no external fonts: the page works offline).
export const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans",Arial,sans-serif;color:#1f2328;background:#f6f7f9;
  display:grid;grid-template-rows:auto minmax(420px,1fr) 300px;height:100vh}
[lang=ar],.ar{font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri","Geeza Pro","Arial",sans-serif;font-size:1.08em}
header{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:baseline;padding:8px 14px;background:#fff;border-bottom:1px solid #d8dce1}
header h1{font-size:17px;margin:0}
#stats,#drawn{color:#57606a}
#warnings{flex-basis:100%;color:#9a6700;font-size:12px}
#fatal{padding:12px;background:#ffebe9;color:#82071e}
#layout{display:grid;grid-template-columns:230px 1fr 420px;min-height:0}
#filters{overflow:auto;padding:8px 12px;background:#fff;border-right:1px solid #d8dce1}
#filters h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin:12px 0 4px}
#filters label{display:block;white-space:nowrap;cursor:pointer}
#filters label.type small{color:#8c959f}
#filters select,#filters input[type=number]{width:100%;max-width:100%}
#filters button{margin-top:8px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;vertical-align:baseline;margin:0 3px}
#graph-wrap{position:relative;min-width:0;min-height:0}
#graph{position:absolute;inset:0;background:#fff}
#empty{position:absolute;top:40%;width:100%;text-align:center;color:#57606a}
#details{overflow:auto;padding:8px 14px;background:#fff;border-left:1px solid #d8dce1}
#details h2{font-size:16px;margin:6px 0}
#details .hint,#details .meta,.evidence .meta{color:#57606a;font-size:12px}
.rtype{font:600 12px ui-monospace,monospace;border-left:4px solid;padding:1px 6px;background:#f6f8fa}
.args{font-size:15px}
.entity .en{color:#57606a;font-size:12px}
.role-s bdi{border-bottom:3px solid #4c8bf5}
.role-t bdi{border-bottom:3px solid #e0457b}
#evidence{padding-inline-start:20px}
.evidence{margin:8px 0;padding:6px 8px;background:#f6f8fa;border-radius:6px}
.sentence{margin:4px 0;font-size:16px;line-height:1.9}
mark{background:none;color:inherit;border-radius:3px;padding:1px 0}
mark.arg-s{background:#d2e3fc;box-shadow:inset 0 -3px 0 #4c8bf5}
mark.arg-t{background:#fcdde8;box-shadow:inset 0 -3px 0 #e0457b}
/* A trigger inside an argument (وزير الخارجية الأمريكي): yellow ground, the argument's underline kept. */
mark.trigger{background:#ffe58a}
mark.trigger:not(.arg-s):not(.arg-t){box-shadow:inset 0 -3px 0 #d4a000}
.legend mark{padding:1px 6px;font-size:12px}
.relations{list-style:none;padding:0}
.relations li{margin:3px 0}
.relations a{color:inherit;text-decoration:none}
.relations a:hover{background:#f0f3f6}
#table-section{display:flex;flex-direction:column;min-height:0;background:#fff;border-top:1px solid #d8dce1}
#table-section .bar{display:flex;gap:12px;align-items:center;padding:6px 14px}
#search{width:340px;padding:4px 8px}
#table-note{color:#57606a;font-size:12px}
.table-scroll{overflow:auto;flex:1}
table{border-collapse:collapse;width:100%}
th,td{padding:3px 10px;border-bottom:1px solid #eaeef2;text-align:start}
th{position:sticky;top:0;background:#f6f8fa;cursor:pointer;font-size:12px;user-select:none}
td.ar{text-align:right}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tbody tr{cursor:pointer}
tbody tr:hover{background:#f0f3f6}
`;
