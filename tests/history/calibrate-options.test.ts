/**
 * calibrate's `base` option is the compiled model: loadHistory's `base` ({ model, text, file })
 * passed as it is refused with a message saying what to pass (it used to throw a raw
 * TypeError from inside the fit).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/history/calibrate.js';
import { loadHistory } from '../../src/history/load-history.js';
import { InputError } from '../../src/util/result.js';

const ROOT = join(import.meta.dirname, '../..');

describe('calibrate(actuals, deals, { base })', () => {
  it('takes loadHistory’s base.model and refuses loadHistory’s base itself', async () => {
    const { actuals, deals, base } = await loadHistory({
      actuals: { path: join(ROOT, 'scenarios/history/b2b-actuals.csv') },
      deals: { path: join(ROOT, 'scenarios/history/b2b-deals.csv') },
      scenario: { path: join(ROOT, 'scenarios/b2b-saas.yaml') },
    });
    expect(calibrate(actuals, deals, { base: base!.model }).stages.length).toBeGreaterThan(1);
    const wrong = () => calibrate(actuals, deals, { base: base as never });
    expect(wrong).toThrow(InputError);
    expect(wrong).toThrow(
      /^calibrate: options\.base: ✖ expected the base scenario's compiled model \(loadModel\(file\), or loadHistory's base\.model\), got an object with model, text, file: pass base\.model/,
    );
    expect(() => calibrate(actuals, deals, { base: 'plan.yaml' as never })).toThrow(
      /options\.base: ✖ .* got string plan\.yaml$/,
    );
    // null and undefined mean no base.
    expect(calibrate(actuals, deals, { base: null }).stages.length).toBeGreaterThan(1);
    expect(calibrate(actuals, deals, { base: undefined }).stages.length).toBeGreaterThan(1);
  });
});
