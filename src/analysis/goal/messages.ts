/**
 * Messages of goal-seek, in one place; the diagnostic names the option or flag (see
 * `GoalNames` in lever.ts), so the same text reads right from the library and the CLI.
 */
const shown = (v: unknown): string =>
  v === undefined ? 'nothing' : typeof v === 'string' ? JSON.stringify(v) : String(v);

export const msg = {
  leverNotANumber: (path: string, why: string) =>
    `${path} is not a number the goal can move: ${why}`,
  leverCannotBe: (path: string, value: number, why: string) =>
    `the lever ${path} cannot be ${value}: ${why}`,
  probability: (got: unknown) =>
    `expected a probability strictly between 0 and 1, got ${shown(got)}`,
  target: (got: unknown) => `expected a finite target value, got ${shown(got)}`,
  bound: (got: unknown) => `expected a number, got ${shown(got)}`,
  tolerance: (got: unknown) => `expected a number above 0, got ${shown(got)}`,
} as const;
