/** Every subcommand, in the order `--help` lists them. Adding a command is one import and one entry. */
import type { Command } from '../context.js';
import { compareCommand } from './compare.js';
import { forecastCommand } from './forecast.js';
import { initCommand } from './init.js';
import { mergeCommand } from './merge.js';
import { renderCommand } from './render.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { sensitivityCommand } from './sensitivity.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [
  runCommand,
  forecastCommand,
  mergeCommand,
  compareCommand,
  sensitivityCommand,
  validateCommand,
  schemaCommand,
  initCommand,
  renderCommand,
];
