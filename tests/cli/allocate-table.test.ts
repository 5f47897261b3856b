/** The allocation's terminal summary: the budget as given, and its sentences in the singular. */
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocate/allocate.js';
import type { AllocationResult } from '../../src/analysis/allocate/types.js';
import { allocateTable } from '../../src/cli/allocate-table.js';
import { CLOSED_FORM } from '../analysis/allocate/scenarios.js';
import { modelOf } from '../helpers/model.js';

let r: AllocationResult;
beforeAll(async () => {
  r = await allocate(modelOf(CLOSED_FORM, { trials: 200 }), { workers: 1, curves: false });
}, 120_000);

describe('allocateTable', () => {
  it('shows the budget with the digits it was given (102,500 is not "103k")', () => {
    expect(allocateTable(r)).toMatch(/: split 90k a period across/);
    expect(allocateTable({ ...r, budget: 102_500 })).toMatch(/: split 102\.5k a period across/);
    expect(allocateTable({ ...r, budget: 1_234_567 })).toMatch(/: split 1\.234567M a period/);
  });

  it('says one transfer in the singular', () => {
    const one = { from: 'search', to: 'social', gain: 1, se: 2 };
    const table = (n: number) =>
      allocateTable({
        ...r,
        certificate: { ...r.certificate, transfers_tried: Array.from({ length: n }, () => one) },
      });
    expect(table(1)).toContain(
      '  1 transfer predicted to gain was tried at the result; it did not gain more than its standard error',
    );
    expect(table(2)).toContain(
      '  2 transfers predicted to gain were tried at the result; none gained more than its standard error',
    );
  });
});
