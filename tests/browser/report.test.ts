/**
 * The report in a real browser: Debian's Chromium, headless, networking disabled, opens
 * report.html from disk. No console errors, no requests beyond the file itself, and every
 * chart container holds an SVG with marks. Skipped only when Chromium is absent outside CI.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForecastCharts } from '../../src/charts/index.js';
import { createCli } from '../../src/cli/app.js';
import { buildReport } from '../../src/report/index.js';
import { fixtureModel, fixtureResult, HOSTILE } from '../charts/fixture.js';
import { Browser, type CdpEvent } from './cdp.js';

const CHROMIUM = '/usr/bin/chromium';
const run = existsSync(CHROMIUM) || process.env.CI !== undefined;
const ROOT = resolve(import.meta.dirname, '../..');

interface ChartState {
  readonly name: string;
  readonly svg: boolean;
  readonly canvas: boolean;
  readonly marks: number;
  readonly error: boolean;
}

interface PageReport {
  readonly charts: ChartState[];
  readonly h1: string;
  readonly problems: string[];
  readonly requests: string[];
}

async function openReport(browser: Browser, file: string): Promise<PageReport> {
  const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as {
    targetId: string;
  };
  const { sessionId } = (await browser.send('Target.attachToTarget', {
    targetId,
    flatten: true,
  })) as {
    sessionId: string;
  };
  const mine = (e: CdpEvent) => e.sessionId === sessionId;
  for (const domain of ['Page', 'Runtime', 'Log', 'Network'])
    await browser.send(`${domain}.enable`, {}, sessionId);
  await browser.send(
    'Network.emulateNetworkConditions',
    { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
    sessionId,
  );
  const url = pathToFileURL(file).href;
  await browser.send('Page.navigate', { url }, sessionId);
  await browser.waitFor((e) => mine(e) && e.method === 'Page.loadEventFired', 30_000);
  const evaluate = async (expression: string): Promise<unknown> => {
    const r = (await browser.send(
      'Runtime.evaluate',
      { expression, returnByValue: true },
      sessionId,
    )) as {
      result: { value?: unknown };
    };
    return r.result.value;
  };
  const deadline = Date.now() + 30_000;
  while ((await evaluate("document.body.getAttribute('data-charts-ready')")) !== 'true') {
    if (Date.now() > deadline) throw new Error('charts were not drawn within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const charts =
    (await evaluate(`Array.from(document.querySelectorAll('.vega[data-spec]')).map((el) => ({
      name: el.getAttribute('data-chart'),
      svg: el.querySelector('svg') !== null,
      canvas: el.querySelector('canvas') !== null,
      marks: el.querySelectorAll('g.role-mark > *').length,
      error: el.getAttribute('data-error') === 'true',
    }))`)) as ChartState[];
  const h1 = String(await evaluate("document.querySelector('h1').textContent"));
  const events = browser.events.filter(mine);
  const problems = events.flatMap((e) => {
    const p = e.params;
    if (e.method === 'Runtime.exceptionThrown')
      return [`exception: ${JSON.stringify(p.exceptionDetails)}`];
    if (e.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert'))
      return [`console.${String(p.type)}: ${JSON.stringify(p.args)}`];
    if (e.method === 'Log.entryAdded' && (p.entry as { level?: string }).level === 'error')
      return [`log: ${JSON.stringify(p.entry)}`];
    if (e.method === 'Network.loadingFailed') return [`failed request: ${JSON.stringify(p)}`];
    if (e.method === 'Page.javascriptDialogOpening') return [`dialog: ${JSON.stringify(p)}`];
    return [];
  });
  const requests = events
    .filter((e) => e.method === 'Network.requestWillBeSent')
    .map((e) => String((e.params.request as { url: string }).url))
    .filter((u) => u !== url && !u.startsWith('data:'));
  return { charts, h1, problems, requests };
}

describe.skipIf(!run)('report.html in headless Chromium (offline)', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'salesops-browser-'));
    browser = Browser.launch(CHROMIUM);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws every chart of the B2B example with no console error and no request', async () => {
    const out = join(dir, 'b2b');
    const chunks: string[] = [];
    const cli = createCli({
      out: (t) => chunks.push(t),
      err: (t) => chunks.push(t),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      cwd: ROOT,
    });
    const code = await cli([
      'run',
      'scenarios/b2b-saas.yaml',
      '--out',
      out,
      '--trials',
      '1000',
      '--seed',
      '3',
      '--workers',
      '1',
      '--quiet',
    ]);
    expect(chunks.join('')).toBe('');
    expect(code).toBe(0);
    const page = await openReport(browser, join(out, 'report.html'));
    expect(page.problems).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.charts.length).toBeGreaterThanOrEqual(8);
    // The example has a quota block: its section's charts are drawn too.
    expect(page.charts.map((c) => c.name)).toEqual(
      expect.arrayContaining(['quota-distribution', 'quota-attainment', 'quota-reps']),
    );
    // The example has an allocation block: its section's four charts are drawn too.
    for (const name of ['allocation', 'response-curves', 'budget-curve', 'uplift']) {
      expect(page.charts.map((c) => c.name)).toContain(name);
    }
    for (const c of page.charts) {
      expect(c.error, c.name).toBe(false);
      expect(c.svg || c.canvas, c.name).toBe(true);
      expect(c.marks, c.name).toBeGreaterThan(0);
    }
  }, 180_000);

  it('shows a hostile scenario name literally and runs none of it', async () => {
    const result = fixtureResult({ scenario: HOSTILE, channels: [HOSTILE, 'b'] });
    const model = fixtureModel(result, { [HOSTILE]: HOSTILE });
    const file = join(dir, 'hostile.html');
    writeFileSync(file, buildReport({ result, model, charts: buildForecastCharts(result, model) }));
    const page = await openReport(browser, file);
    expect(page.problems).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.h1).toBe(HOSTILE);
    for (const c of page.charts) expect(c.marks, c.name).toBeGreaterThan(0);
  }, 60_000);

  it('catches what it checks for (negative control: a console error and an outside request)', async () => {
    const file = join(dir, 'bad.html');
    writeFileSync(
      file,
      '<!doctype html><body data-charts-ready="true"><h1>x</h1><script>console.error("boom")</script><img src="http://example.invalid/x.png"></body>',
    );
    const page = await openReport(browser, file);
    expect(page.problems.some((p) => p.includes('boom'))).toBe(true);
    expect(page.requests).toContain('http://example.invalid/x.png');
  }, 60_000);
});
