/** Package version, shown by `--version` and written into outputs. */
export const VERSION = '0.1.0';
