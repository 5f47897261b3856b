/** `salesops allocate` in-process: the table, --json, --csv, the flags, and bad input (exit 2). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOSED_FORM } from '../analysis/allocate/scenarios.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'salesops-allocate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'closed.yaml');
writeFileSync(file, CLOSED_FORM);
const FAST = ['--trials', '400', '--workers', '1'];

describe('salesops allocate', () => {
  it('prints the split, the uplift, the certificate, capacity and the budget curve', async () => {
    const r = await runCli(['allocate', file, ...FAST]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /split 90k a period across 3 channels to maximise mean horizon bookings/,
    );
    expect(r.stdout).toMatch(/^channel +current +recommended +change +bound +next 1k a period$/m);
    expect(r.stdout).toMatch(/^display +30k +15k +−15k +max /m);
    expect(r.stdout).toMatch(/uplift [+−]\$[\d.]+k? \(90% interval/);
    expect(r.stdout).toMatch(/certificate \(400 search trials/);
    expect(r.stdout).toMatch(/capacity: no role works a stage/);
    expect(r.stdout).toMatch(/budget curve \(400 trials/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(110);
  }, 120_000);

  it('--json prints the allocate core; --csv writes the table; --budget and --objective override the block', async () => {
    const csv = join(dir, 'alloc.csv');
    const r = await runCli([
      'allocate',
      file,
      ...FAST,
      '--json',
      '--csv',
      csv,
      '--budget',
      '60000',
      '--objective',
      'profit',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.objective).toBe('profit');
    expect(json.budget).toBe(60000);
    expect(
      Object.values(json.recommended as Record<string, number>).reduce((a, b) => a + b, 0),
    ).toBe(60000);
    for (const k of ['current', 'value', 'uplift', 'probability_better', 'marginal']) {
      expect(json).toHaveProperty(k);
    }
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/^section,budget,channel/);
  }, 120_000);

  it('applies --set edits like a variant before allocating', async () => {
    const r = await runCli([
      'allocate',
      file,
      ...FAST,
      '--json',
      '--set',
      'allocation.budget=60000',
      '--set',
      'channels.display.max_spend=10000',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.budget).toBe(60000);
    expect(json.recommended.display).toBeLessThanOrEqual(10000);
    const bad = await runCli(['allocate', file, ...FAST, '--set', 'allocation.max_share=2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--set: .*allocation\.max_share/);
  }, 120_000);

  it('says so when the budget is above what the channels can take (not an error)', async () => {
    const capped = join(dir, 'capped.yaml');
    writeFileSync(
      capped,
      CLOSED_FORM.replace(
        '    spend: 30000\n    response: {curve: hill, max_leads: 2500',
        '    spend: 30000\n    max_spend: 40000\n    response: {curve: hill, max_leads: 2500',
      ),
    );
    const r = await runCli(['allocate', capped, ...FAST, '--budget', '150000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /every channel is at its maximum: 35k of the 150k budget is left unspent/,
    );
  }, 120_000);

  it.each([
    [
      ['--budget', '1000'],
      "--budget: ✖ the budget 1000 is below the channels' total min_spend 5000",
    ],
    [['--budget', '-5'], '--budget: ✖ expected a total spend per period ≥ 0, got -5'],
    [
      ['--objective', 'bookings'],
      '--objective: ✖ expected revenue, profit, p10 or target, got "bookings"',
    ],
    [
      ['--objective', 'target'],
      '--objective: ✖ objective target needs targets.bookings in the scenario',
    ],
  ])('exits 2 on %j with a message naming the flag', async (flags, message) => {
    const r = await runCli(['allocate', file, ...FAST, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n`);
  });

  it('exits 2 when max_share cannot place a --budget', async () => {
    const shared = join(dir, 'shared.yaml');
    writeFileSync(shared, CLOSED_FORM.replace('step: 1000}', 'step: 1000, max_share: 0.5}'));
    const r = await runCli(['allocate', shared, ...FAST, '--budget', '200000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^--budget: ✖ with max_share 0.5 the 3 channels can take at most 175000 of the budget 200000/,
    );
  });

  it('answers with one trial: errors it cannot estimate are null in the JSON and n/a in words', async () => {
    // One trial has no sample variance: the uplift's interval and every standard error are
    // unknown, not infinite numbers (the JSON guard used to stop with "lo is -Infinity").
    const csv = join(dir, 'one.csv');
    const j = await runCli([
      'allocate',
      file,
      '--trials',
      '1',
      '--workers',
      '1',
      '--json',
      '--csv',
      csv,
    ]);
    expect(j.stderr).toBe('');
    expect(j.code).toBe(0);
    const json = JSON.parse(j.stdout);
    expect(json.uplift).toMatchObject({ lo: null, hi: null, se: null });
    expect(Number.isFinite(json.uplift.mean)).toBe(true);
    expect(json.objective_value.current.se).toBeNull();
    expect(json.certificate.equal_marginals.tolerance ?? null).toBeNull();
    expect(readFileSync(csv, 'utf8')).not.toMatch(/Infinity|NaN/);
    const t = await runCli(['allocate', file, '--trials', '1', '--workers', '1']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/90% interval not available: 1 trial is too few for a standard error/);
    expect(t.stdout).toMatch(/± n\/a/);
    expect(t.stdout).not.toMatch(/–|Infinity|NaN/);
  }, 120_000);

  it('run --trials 1 writes the report and allocation.json with the interval not available', async () => {
    const out = join(dir, 'run-one');
    const r = await runCli(['run', file, '--trials', '1', '--workers', '1', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no 90% interval with 1 trial/);
    expect(JSON.parse(readFileSync(join(out, 'allocation.json'), 'utf8')).uplift.lo).toBeNull();
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/simulation error not available: 1 trial is too few/);
    expect(html).not.toMatch(/±\s*(\$?∞|Infinity|NaN)/);
  }, 120_000);

  it('exits 2 on a scenario without an allocation block and no --budget, naming both', async () => {
    const none = join(dir, 'none.yaml');
    writeFileSync(none, CLOSED_FORM.replace(/allocation:.*\n/, ''));
    const r = await runCli(['allocate', none, ...FAST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /none\.yaml: ✖ the scenario has no allocation block: give the budget to split with --budget N, .* → at allocation\n$/,
    );
  });

  it('splits --budget alone over the block’s defaults when the scenario has no allocation block', async () => {
    const none = join(dir, 'none-budget.yaml');
    writeFileSync(none, CLOSED_FORM.replace(/allocation:.*\n/, ''));
    const r = await runCli(['allocate', none, ...FAST, '--budget', '60000', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // docs/scenario-format.md: every channel with a spend response, revenue, step budget / 100, no cap.
    expect(Object.keys(j.recommended)).toEqual(['search', 'social', 'display']);
    expect(j.objective).toBe('revenue');
    expect(j.budget).toBe(60000);
    expect(j.step).toBe(600);
    expect(j.max_share).toBeNull();
  }, 120_000);

  it('exits 2 on an invalid allocation block, with the validator’s message', async () => {
    const dup = join(dir, 'dup.yaml');
    writeFileSync(
      dup,
      CLOSED_FORM.replace(
        'channels: [search, social, display]',
        'channels: [search, social, search]',
      ),
    );
    const r = await runCli(['allocate', dup, ...FAST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/channel "search" is listed twice → at allocation\.channels\[2\]/);
  });

  it('refuses a channel with a fixed response: budget put there would buy nothing', async () => {
    const r = await runCli([
      'allocate',
      'scenarios/b2b-saas.yaml',
      ...FAST,
      '--set',
      'allocation.channels=[referrals]',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'scenarios/b2b-saas.yaml: ✖ --set: referrals has a fixed response: spend does not change its leads, so budget allocated to it buys nothing; list only channels whose response depends on spend → at allocation.channels[0]\n',
    );
  });
});
