/**
 * Validation of Vega-Lite specs against the JSON schema shipped in the vega-lite package
 * (`vega-lite/vega-lite-schema.json`), with ajv. Used by the tests and by `salesops render`.
 */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS: under NodeNext the default import is `module.exports`, whose `.default` is the plugin.
const addFormats = addFormatsModule.default;

let validator: ValidateFunction | null = null;

function compiled(): ValidateFunction {
  if (validator === null) {
    const schema = require('vega-lite/vega-lite-schema.json') as object;
    const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    // The schema uses a "color-hex" format that ajv-formats does not define.
    ajv.addFormat(
      'color-hex',
      /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/,
    );
    validator = ajv.compile(schema);
  }
  return validator;
}

/**
 * Checks a value against the Vega-Lite JSON schema. Returns the problems as
 * `path: message` lines (empty when valid); the schema is compiled once per process.
 * @example validateSpec(chart.spec) // []
 */
export function validateSpec(spec: unknown): string[] {
  const validate = compiled();
  if (validate(spec)) return [];
  const errors = validate.errors ?? [];
  // Union schemas report one error per branch; keep the distinct messages, deepest paths first.
  const lines = errors.map(
    (e) => `${e.instancePath === '' ? '(top level)' : e.instancePath}: ${e.message ?? 'invalid'}`,
  );
  return [...new Set(lines)].sort((a, b) => b.length - a.length).slice(0, 12);
}
