/** Warnings and notes from the engine go through an injected logger, never `console`. */
export interface Logger {
  warn(message: string): void;
  info(message: string): void;
}

/** A logger that drops everything (the default for library calls). */
export const silentLogger: Logger = { warn() {}, info() {} };

/** A logger that records messages, for tests and for collecting warnings into results. */
export function memoryLogger(): Logger & { readonly warnings: string[]; readonly infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return {
    warnings,
    infos,
    warn: (m) => warnings.push(m),
    info: (m) => infos.push(m),
  };
}
