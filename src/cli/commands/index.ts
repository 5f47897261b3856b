/**
 * Every subcommand, in the order `--help` lists them. Adding a command is a module here with
 * its options (loaded by every command line, so it imports nothing heavy), a module in
 * ../handlers/ with what it does (loaded when it runs), one import and one entry.
 */
import type { Command } from '../context.js';
import { allocateCommand } from './allocate.js';
import { backtestCommand } from './backtest.js';
import { calibrateCommand } from './calibrate.js';
import { compareCommand } from './compare.js';
import { forecastCommand } from './forecast.js';
import { goalCommand } from './goal.js';
import { initCommand } from './init.js';
import { mergeCommand } from './merge.js';
import { quotaCommand } from './quota.js';
import { reforecastCommand } from './reforecast.js';
import { renderCommand } from './render.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { sensitivityCommand } from './sensitivity.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [
  runCommand,
  forecastCommand,
  goalCommand,
  quotaCommand,
  allocateCommand,
  compareCommand,
  sensitivityCommand,
  mergeCommand,
  validateCommand,
  schemaCommand,
  initCommand,
  renderCommand,
  calibrateCommand,
  reforecastCommand,
  backtestCommand,
];
