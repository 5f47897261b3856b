/**
 * A modelling error found while simulating (e.g. an expected count that would overflow): bad
 * input, reported like every other input error (file, field path, message; exit 2).
 */
export class SimulationError extends Error {
  /** The scenario the simulated plan came from, when the caller knows it (the CLI does). */
  file: string | undefined;

  /**
   * @param message what is wrong, in a sentence.
   * @param path the field path that causes it (`channels.paid_search`), or '' when no one field does.
   */
  constructor(
    message: string,
    readonly path = '',
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}
