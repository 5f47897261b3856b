/**
 * Everything `salesops calibrate --out DIR` writes: the calibrated scenario, the fit as
 * JSON, each chart as `.vl.json`, `.svg` and `.png`, and `fit.html`, a self-contained page
 * with the fitted numbers, their sources, the notes and the charts.
 */
import { buildCalibrationCharts } from '../charts/calibration.js';
import type { Calibration } from '../history/calibrate.js';
import { calibrationJson } from '../history/calibration-json.js';
import { DEFAULT_PNG_SCALE } from '../render/png.js';
import type { OutputFile } from './atomic-dir.js';
import { drawCharts } from './draw-charts.js';
import { escapeHtml } from './escape.js';
import { keepSignsInProse } from './prose.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function page(
  cal: Calibration,
  yamlName: string,
  charts: { title: string; svg: string }[],
): string {
  const rows = (cells: readonly string[][]) =>
    cells.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const stages = rows(
    cal.stages
      .slice(1)
      .map((s) => [
        s.id,
        `${s.rate!.successes.toLocaleString('en-US')} / ${s.rate!.trials.toLocaleString('en-US')}`,
        pct((s.rate!.successes + 1) / (s.rate!.trials + 2)),
        s.lag ? s.lag.reduce((a, p, l) => a + p * l, 0).toFixed(2) : '–',
        `${s.rateSource}${s.lagSource ? `; ${s.lagSource}` : ''}`,
      ]),
  );
  const markets = rows(
    cal.markets.map((m) => [
      m.id,
      `${(100 * m.demand.growth).toFixed(2)}%`,
      m.demand.seasonality ? 'fitted' : '–',
      m.dealSize ? Math.exp(m.dealSize.mu).toFixed(0) : '–',
      m.dealSize?.note ?? 'no won deals',
    ]),
  );
  const channels = rows(
    cal.channels.map((c) => [
      c.channel,
      c.response.curve,
      String(c.carryover),
      c.leadsCv.toFixed(3),
      Object.entries(c.mix)
        .map(([m, w]) => `${m} ${pct(w)}`)
        .join(', '),
    ]),
  );
  const notes = cal.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n');
  const figures = charts
    .map((c) => `<figure>${c.svg}<figcaption>${escapeHtml(c.title)}</figcaption></figure>`)
    .join('\n');
  // The page's prose (the lede and the notes) keeps each signed figure on one line.
  return keepSignsInProse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Calibration fit</title>
<style>body{font-family:'DejaVu Sans',Verdana,sans-serif;color:#222;max-width:1100px;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;margin:1em 0;font-size:14px}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
figure{margin:2em 0}figcaption{color:#555;font-size:13px}svg{max-width:100%;height:auto}</style></head>
<body>
<h1>Calibration fit</h1>
<p>${escapeHtml(`From ${cal.actualsFile} (${cal.periods.length} months, ${cal.periods[0]} … ${cal.periods.at(-1)})${cal.dealsFile ? ` and ${cal.dealsFile} (${cal.dealRows.toLocaleString('en-US')} items)` : ''}. The calibrated scenario is ${yamlName}; every number there carries a comment with its source.`)}</p>
<h2>Stages</h2>
<table><tr><th>stage</th><th>advanced / resolved</th><th>posterior mean</th><th>mean lag (months)</th><th>source</th></tr>
${stages}</table>
<h2>Markets</h2>
<table><tr><th>market</th><th>growth / month</th><th>seasonality</th><th>median deal</th><th>deal-size fit</th></tr>
${markets}</table>
<h2>Channels</h2>
<table><tr><th>channel</th><th>response</th><th>carryover</th><th>leads cv</th><th>mix</th></tr>
${channels}</table>
<h2>Notes</h2>
<ul>${notes}</ul>
${figures}
</body></html>
`);
}

/**
 * The files of a calibration run, in a stable order.
 * @example await calibrationFiles(cal, yaml, 'USD')
 */
export async function calibrationFiles(
  cal: Calibration,
  yaml: string,
  currency: string,
): Promise<OutputFile[]> {
  const charts = buildCalibrationCharts(cal, currency);
  const drawn = await drawCharts(charts, DEFAULT_PNG_SCALE);
  return [
    { path: 'calibrated.yaml', content: yaml },
    { path: 'fit.json', content: `${JSON.stringify(calibrationJson(cal), null, 2)}\n` },
    {
      path: 'fit.html',
      content: page(
        cal,
        'calibrated.yaml',
        charts.map((c) => ({ title: c.title, svg: drawn.svgs[c.name]! })),
      ),
    },
    ...drawn.files,
  ];
}
