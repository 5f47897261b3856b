/** Report structure on the hand-built fixture: sections, escaping, offline assets. */
import { describe, expect, it } from 'vitest';
import { buildForecastCharts } from '../../src/charts/index.js';
import { buildReport, executiveSummary, type ReportSection } from '../../src/report/index.js';
import { fixtureModel, fixtureResult, HOSTILE } from '../charts/fixture.js';

function reportFor(scenario: string) {
  const result = fixtureResult({
    scenario,
    channels: [HOSTILE, 'b'],
    stages: ['lead', '</script><!--', 'won'],
  });
  // Labels are free text: the hostile strings reach the page as the channels' and stages' labels.
  const model = fixtureModel(result, {
    [HOSTILE]: HOSTILE,
    '</script><!--': '</script><!--',
  });
  const charts = buildForecastCharts(result, model);
  return {
    result,
    model,
    charts,
    html: buildReport({ result, model, charts, source: `${HOSTILE}.yaml` }),
  };
}

/** The page with the inlined library bundles removed (they are third-party code, checked separately). */
function ownMarkup(html: string): string {
  return html.replace(/<script>\/\* vega[\s\S]*?\n<\/script>/g, '');
}

describe('the summary in HTML', () => {
  it('keeps each signed figure on one line: no break after its minus or plus sign', () => {
    const result = fixtureResult();
    const model = fixtureModel(result);
    const difference = { mean: 42000, lo: 21000, hi: 63000, se: 1000 };
    const html = buildReport({
      result,
      model,
      charts: [],
      extras: {
        compare: {
          variants: {
            bold: {
              difference: { ...difference, spread: { p10: -18000, p90: 99000 } },
              probability_better: 0.87,
            },
          },
        },
      },
    });
    // U+2060 (word joiner) between the sign and the figure: invisible, and no line break.
    const summary = html.slice(html.indexOf('<ul class="exec">'), html.indexOf('</ul>'));
    expect(summary).toContain('runs from −\u2060$18k to +\u2060$99k (P10 to P90)');
    expect(summary).not.toMatch(/[−+]\$/);
  });
});

describe('buildReport', () => {
  it('has every section, the key numbers and one figure per chart', () => {
    const { html, charts } = reportFor('Plan A');
    for (const id of [
      'summary',
      'key-numbers',
      'charts',
      'scenario',
      'methodology',
      'assumptions',
    ]) {
      expect(html).toContain(`<section id="${id}">`);
      // The table of contents links every section.
      expect(html).toContain(`<a href="#${id}">`);
    }
    // Summary first, with sentences linked to what backs them.
    expect(html.indexOf('<section id="summary">')).toBeLessThan(
      html.indexOf('<section id="key-numbers">'),
    );
    expect(html).toMatch(/<ul class="exec">\n<li>We expect to book \$8\.85M/);
    expect(html).toContain('<a class="see" href="#key-numbers">');
    // Chart groups in the contents, spend beside channel results, grouped and collapsed assumptions.
    expect(html).toContain('<a href="#charts-bookings">Bookings</a>');
    expect(html).toContain('<table class="numbers channels">');
    expect(html).toMatch(/<details class="assumptions">\n<summary><strong>Markets<\/strong>/);
    expect(html).toContain('@media print');
    expect(html.match(/<figure class="chart"/g)?.length).toBe(charts.length);
    // Horizon bookings P50 of the fixture is 8.85M (sum of 600k + 25k·t over 12 months).
    expect(html).toContain('$8.85M');
    expect(html).toContain('62% ± 1.1 pp'); // the Monte Carlo error stays in the tables
    expect(html).toContain('Beta(43, 139): mean 23.6%');
    expect(html).toContain('lognormal, median 60,000, P90');
  });

  it('shows hostile scenario text literally and never as markup', () => {
    const { html } = reportFor(HOSTILE);
    const own = ownMarkup(html);
    expect(own.includes('<script>alert(1)')).toBe(false);
    expect(own).toContain(
      // The literal "${x}" is split so it does not read as a template placeholder.
      '&lt;script&gt;alert(1)&lt;/script&gt; &quot;Acme&#39;s&quot; \\ $' + '{x} {{y}}',
    );
    // Only our own scripts remain: the JSON specs and the embed script.
    const scripts = own.match(/<script[^>]*>/g) ?? [];
    for (const s of scripts)
      expect(
        ['<script>', '<script type="application/json" id="spec-fan">'].some(
          (ok) => s === ok || s.startsWith('<script type="application/json" id="spec-'),
        ),
      ).toBe(true);
  });

  it('embeds specs as JSON that cannot close its script element and parses back to the spec', () => {
    const { html, charts } = reportFor(HOSTILE);
    for (const c of charts) {
      const m = html.match(
        new RegExp(`<script type="application/json" id="spec-${c.name}">([\\s\\S]*?)</script>`),
      );
      expect(m).not.toBeNull();
      const text = m![1]!;
      expect(text).not.toContain('</');
      expect(text).not.toContain('<!--');
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(c.spec)));
    }
  });

  it('is self-contained: vega, vega-lite and vega-embed inlined, no external URL loaded', () => {
    const { html } = reportFor('Plan A');
    expect(html).toContain('/* vega: vega.min.js */');
    expect(html).toContain('/* vega-lite: vega-lite.min.js */');
    expect(html).toContain('/* vega-embed: vega-embed.min.js */');
    // Checked on our own markup (the bundles mention <img src= in code that builds image marks).
    expect(/<(script|link|img|iframe)[^>]+(src|href)=/i.test(ownMarkup(html))).toBe(false);
    expect(html.includes('sourceMappingURL')).toBe(false);
    expect(html).toContain("connect-src 'none'");
    expect(html).toContain('actions: false');
  });

  it('takes its sections from a list, so an analysis adds one module', () => {
    const { result, model, charts } = reportFor('Plan A');
    const extra: ReportSection = {
      id: 'extra',
      title: 'Extra <analysis>',
      render: () => '<p>hello</p>',
    };
    const html = buildReport({ result, model, charts }, [extra]);
    expect(html).toContain('<section id="extra">\n<h2>Extra &lt;analysis&gt;</h2>\n<p>hello</p>');
    expect(html).not.toContain('<section id="charts">');
  });

  it('embeds the SVG fallback inside noscript when given', () => {
    const { result, model, charts } = reportFor('Plan A');
    const html = buildReport({ result, model, charts, svgs: { fan: '<svg id="fallback"></svg>' } });
    expect(html).toContain('<noscript><div class="svg"><svg id="fallback"></svg></div></noscript>');
  });
});

describe('names the report does not take', () => {
  // What a JavaScript caller can pass: any object at all.
  // biome-ignore lint/suspicious/noExplicitAny: the point is names no type allows
  type Loose = any;
  const result = fixtureResult();
  const model = fixtureModel(result);

  it('are refused, not left out of the page without a word', () => {
    expect(() => buildReport({ result, model, charts: [], sensitivty: null } as Loose)).toThrow(
      /^buildReport: input\.sensitivty: ✖ unknown option sensitivty; did you mean sensitivity\? \(input takes result, model, charts, /,
    );
    const extras = { compare: { variants: {} }, sensitvity: { metric: 'bookings', inputs: [] } };
    expect(() => buildReport({ result, model, charts: [], extras } as Loose)).toThrow(
      'buildReport: input.extras.sensitvity: ✖ unknown option sensitvity; did you mean sensitivity? (input.extras takes sensitivity, compare and allocation)',
    );
    expect(() => executiveSummary(result, model, { allocations: {} } as Loose)).toThrow(
      'executiveSummary: extras.allocations: ✖ unknown option allocations; did you mean allocation? (extras takes sensitivity, compare and allocation)',
    );
  });

  it('leave every name they take through', () => {
    expect(buildReport({ result, model, charts: [], extras: {}, compare: null })).toContain(
      '<section id="summary">',
    );
  });
});
