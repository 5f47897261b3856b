/**
 * `salesops quota FILE` — the team target at the scenario's confidence, per-rep quotas and
 * attainment, as a terminal table, JSON (`--json`), a CSV a compensation system can import
 * (`--csv`), and charts with the result files in a folder (`--out`).
 */

import type { Command } from '../context.js';
import { scenarioOptions } from '../scenario-arg.js';
import { handler } from './handler.js';

export const quotaCommand: Command = {
  command: 'quota <file>',
  describe: 'team target at a confidence, per-rep quotas by ramped capacity, attainment',
  flags: ['trials', 'seed', 'json', 'workers', 'quiet'],
  builder: (y) =>
    scenarioOptions(y)
      .option('confidence', {
        type: 'string',
        requiresArg: true,
        describe:
          'probability that the team reaches its target, in (0, 1) (overrides quota.confidence)',
      })
      .option('role', {
        type: 'string',
        requiresArg: true,
        describe: 'role that carries quota (overrides quota.role)',
      })
      .option('over-assignment', {
        type: 'string',
        requiresArg: true,
        describe: 'sum of rep quotas / team target, ≥ 1 (overrides quota.over_assignment)',
      })
      .option('performance-cv', {
        type: 'string',
        requiresArg: true,
        describe: 'spread of rep performance, ≥ 0 (overrides quota.performance_cv)',
      })
      .option('csv', {
        type: 'string',
        requiresArg: true,
        describe: 'write per-rep quotas (by quarter and month) to this CSV file',
      })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe:
          'write quota.json, quota.csv and the quota charts (.vl.json, .svg, .png) into this folder',
      }),
  run: handler(() => import('../handlers/quota.js')),
};
