/** `salesops sensitivity` in-process: the JSON core, the table, --vary, --metric and bad input. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FLAGS = ['--trials', '400', '--seed', '3', '--workers', '1'];
const CORE = ['low', 'high', 'output_low', 'output_high', 'swing', 'variance_share'];

describe('salesops sensitivity', () => {
  it('--json: metric, base and every input, largest swing first, with shares that add up to 1', async () => {
    const r = await runCli([
      'sensitivity',
      'scenarios/minimal.yaml',
      '--json',
      '--vary',
      'channels.search_ads.spend=±10%',
      ...FLAGS,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.metric).toBe('bookings');
    expect(typeof json.base).toBe('number');
    const paths = json.inputs.map((i: { path: string }) => i.path);
    expect([...paths].sort()).toEqual(
      [
        'channels.search_ads.response.max_leads',
        'channels.search_ads.spend',
        'funnel.trial.rate',
        'funnel.won.rate',
      ].sort(),
    );
    for (const i of json.inputs) {
      expect(typeof i.path).toBe('string');
      for (const k of CORE) expect(typeof i[k]).toBe('number');
    }
    const swings = json.inputs.map((i: { swing: number }) => i.swing);
    expect(swings).toEqual([...swings].sort((a: number, b: number) => b - a));
    const shares = json.inputs.reduce(
      (a: number, i: { variance_share: number }) => a + i.variance_share,
      0,
    );
    expect(shares + json.noise.share + json.interactions.share).toBeCloseTo(1, 12);
    expect(json.trials).toEqual({ variance: 400, tornado: 200 });
  }, 60_000);

  it('prints the tornado as a table, with the funnel’s own randomness as its own line', async () => {
    const r = await runCli([
      'sensitivity',
      'scenarios/minimal.yaml',
      '--metric',
      'target',
      ...FLAGS,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('what drives the probability of reaching €250k of bookings, seed');
    expect(r.stdout).toMatch(/^funnel\.won\.rate +P10–P90 .* pts /m);
    expect(r.stdout).toMatch(/^funnel\.won\.rate +P10–P90 +\d/m);
    expect(r.stdout).toMatch(/^the funnel’s own randomness +[\d.]+% ± [\d.]+$/m);
    expect(r.stdout).toMatch(/^interactions +-?[\d.]+% ± [\d.]+$/m);
  }, 60_000);

  it.each([
    [['--vary', 'funnel.trial.rat=±20%'], 'funnel.trial.rat', 'no input funnel.trial.rat to vary'],
    [['--vary', 'funnel.won.rate=±20%'], 'funnel.won.rate', 'is uncertain'],
    [['--vary', 'channels.search_ads.spend=20'], '--vary', 'expected PATH=±X%'],
    [
      ['--vary', 'channels.search_ads.spend=±150%'],
      'channels.search_ads.spend',
      'a percentage above 0 and below 100',
    ],
    [['--metric', 'revenue'], '--metric', 'expected bookings, profit or target'],
    [['--set', 'funnel.won.rate=high'], 'funnel[2].rate', '--set: expected'],
    [['--variant', 'nope'], 'scenarios/minimal.yaml', 'no variant "nope"'],
  ])('bad input %j exits 2 naming %s', async (flags, where, message) => {
    const r = await runCli(['sensitivity', 'scenarios/minimal.yaml', ...flags, ...FLAGS]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(where);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
