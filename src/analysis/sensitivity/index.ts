/** sensitivity: tornado, spider and variance shares (see sensitivity.ts). */
export { bootstrapSe } from './bootstrap.js';
export { closedShare } from './closed-share.js';
export { binCount, binsOf, FirstOrder } from './first-order.js';
export type { Lever, Vary } from './levers.js';
export { ESTIMATOR, type SensitivityOptions, sensitivity } from './sensitivity.js';
export type {
  SensitivityInput,
  SensitivityMetric,
  SensitivityResult,
  Share,
  SpiderLine,
} from './types.js';
