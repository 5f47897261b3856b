/**
 * The scenario layer: load YAML/JSON safely, validate with zod, cross-check, normalise into
 * the compiled {@link Model}.
 *
 *   text ─► parse.ts (limits, yaml Document + line map) ─► schema.ts (zod, uncertain → Dist)
 *        ─► compile*.ts (references, per-period expansion, defaults, params) ─► Model
 *   variants.ts applies `variants.*.set` edits to a copy, which goes through the same path.
 */
export type { CompileOptions } from './compile.js';
export { scenarioJsonSchema } from './json-schema.js';
export { lagPmf } from './lag.js';
export {
  compileAll,
  compileBundle,
  compileDocument,
  compileEdited,
  compileScenario,
  compileScenarioFile,
  loadBundle,
  loadModel,
  loadScenario,
  pickPlan,
  readScenarioText,
  type ScenarioBundle,
  STDIN,
  withBaseDesign,
} from './load.js';
export { canonicalParamPath } from './params.js';
export { decodeScenarioBytes, parseScenarioText } from './parse.js';
export { expandPerPeriod } from './periodic.js';
export type { SourceMap } from './source-map.js';
export { toDist } from './uncertain.js';
export { applyVariant, resolvePath, setPath } from './variants.js';
