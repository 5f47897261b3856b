/** A modelling error found while simulating (e.g. an expected count that would overflow). */
export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}
