import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SARABUN = fileURLToPath(
  new URL('../../node_modules/@fontsource/sarabun/files/', import.meta.url),
);

/**
 * A stand-in for the built renderer's print page, keeping its contract: at
 * /manager/print?kind=...&<period> it fetches /api/reports/<kind>?<period>,
 * draws the report (in Sarabun, bundled like the real page's), waits for the
 * fonts, then sets body[data-report-ready] to "true" or "error". `extra` runs
 * before drawing (e.g. to try the network).
 */
export function writePrintPage(
  dir: string,
  options: { extra?: string; ready?: boolean } = {},
): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  for (const subset of ['thai', 'latin']) {
    const font = `sarabun-${subset}-400-normal.woff2`;
    copyFileSync(join(SARABUN, font), join(dir, 'assets', font));
  }
  const markReady = options.ready === false ? '' : `document.body.dataset.reportReady = 'true';`;
  writeFileSync(
    join(dir, 'manager.html'),
    `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<link rel="stylesheet" href="/assets/print.css">
</head>
<body>
<h1 id="title"></h1>
<p id="range"></p>
<ul id="services"></ul>
<p id="query"></p>
<p id="times"></p>
<script type="module">
const loadedAt = Date.now();
try {
  const query = new URLSearchParams(location.search);
  const kind = query.get('kind');
  query.delete('kind');
  ${options.extra ?? ''}
  const res = await fetch('/api/reports/' + kind + '?' + query);
  if (!res.ok) throw new Error('report ' + res.status + ' ' + (await res.text()));
  const report = await res.json();
  document.getElementById('title').textContent = report.title.th;
  document.getElementById('range').textContent = 'ช่วงวันที่ ' + report.range.from + ' ถึง ' + report.range.to;
  for (const service of report.services) {
    const li = document.createElement('li');
    li.textContent = service.code + ' ' + service.name.th + ' ออกบัตรคิว ' + service.issued;
    document.getElementById('services').append(li);
  }
  document.getElementById('query').textContent = 'path=' + location.pathname + ' query=' + location.search;
  await document.fonts.ready;
  document.getElementById('times').textContent = 'loaded-at=' + loadedAt + ' ready-at=' + Date.now();
  ${markReady}
} catch (error) {
  console.error(String(error));
  document.body.dataset.reportReady = 'error';
}
</script>
</body>
</html>
`,
  );
  writeFileSync(
    join(dir, 'assets', 'print.css'),
    `@font-face { font-family: Sarabun; src: url(/assets/sarabun-thai-400-normal.woff2) format('woff2');
  unicode-range: U+0E01-0E5B, U+200C-200D, U+25CC; }
@font-face { font-family: Sarabun; src: url(/assets/sarabun-latin-400-normal.woff2) format('woff2'); }
@page { size: A4; margin: 15mm; }
body { font-family: Sarabun, sans-serif; font-size: 14pt; }
`,
  );
}
