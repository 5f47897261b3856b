/** Every subcommand, in the order `--help` lists them. Adding a command is one import and one entry. */
import type { Command } from '../context.js';
import { initCommand } from './init.js';

export const COMMANDS: readonly Command[] = [initCommand];
