/**
 * The path that means standard input to `readScenarioText` (load.ts). A module of its own
 * so the CLI can name it without loading the scenario layer (zod, yaml).
 */
export const STDIN = '-';
