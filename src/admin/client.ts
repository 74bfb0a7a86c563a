/**
 * The page's own script, sent as /admin/assets/dashboard.js: it draws each chart from the configuration the server
 * embedded as JSON. Without JavaScript (or without Chart.js) nothing happens and the tables stay the page. Kept as
 * plain ES5-level browser code in a string, so the build needs no bundler and the Content-Security-Policy no
 * inline script.
 */
export const DASHBOARD_SCRIPT = `(function () {
  'use strict';
  var source = document.getElementById('chart-data');
  if (!source || typeof window.Chart === 'undefined') return;
  var configs = JSON.parse(source.textContent || '{}');
  var Chart = window.Chart;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  var boxes = document.querySelectorAll('[data-chart]');
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    var config = configs[box.getAttribute('data-chart')];
    if (!config) continue;
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', box.getAttribute('data-label') || '');
    box.appendChild(canvas);
    box.classList.add('drawn');
    new Chart(canvas, config);
  }
})();
`;

export const DASHBOARD_STYLE = `:root { color-scheme: light; --line: #d9dde3; --muted: #5b6470; --accent: #3a6ea5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
  "WenQuanYi Micro Hei", sans-serif; color: #1d232a; background: #f5f6f8; }
header, main { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 24px; }
h1 { font-size: 22px; margin: 0; }
header .meta { flex: 1 1 auto; margin: 0; }
nav { flex: 1 1 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; }
h2 { font-size: 17px; margin: 0 0 10px; }
.meta { color: var(--muted); font-size: 13px; }
header form { display: inline-flex; gap: 8px; align-items: center; margin: 0; }
input[type=number] { width: 5.5em; }
input, button { font: inherit; padding: 3px 8px; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; padding-bottom: 32px;
  padding-top: 14px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; min-width: 0; }
section.wide { grid-column: 1 / -1; }
.chart { position: relative; height: 240px; display: none; margin-bottom: 10px; }
.chart.drawn { display: block; }
.scroll { overflow-x: auto; max-height: 360px; overflow-y: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top;
  white-space: pre-line; }
th { background: #eef1f5; position: sticky; top: 0; font-weight: 600; }
th.n { text-align: right; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.empty { color: var(--muted); }
.csv { font-size: 13px; margin: 8px 0 0; }
a { color: var(--accent); }
.login { max-width: 420px; margin: 12vh auto; background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 24px; }
.login label { display: block; margin: 12px 0 6px; }
.login input[type=password] { width: 100%; }
.error { color: #b3261e; }
`;
