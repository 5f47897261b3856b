/** Test helper: compile scenario YAML text, failing the test with the diagnostics if it is invalid. */

import type { Model } from '../../src/model/types.js';
import { compileScenario } from '../../src/scenario/index.js';
import { formatDiagnostic } from '../../src/util/result.js';

export function modelOf(
  yaml: string,
  opts: { variant?: string; trials?: number; seed?: number } = {},
): Model {
  const r = compileScenario(yaml, 'test.yaml', opts);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.value;
}
