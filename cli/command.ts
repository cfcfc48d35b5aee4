// What every `atropos <command>` implements. One file per command under cli/commands/, listed in cli/commands/index.ts.

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl+C: long-running commands cancel cleanly and return. */
  signal: AbortSignal;
}

export interface CliCommand {
  name: string;
  /** One line for `atropos --help`. */
  summary: string;
  /** Full usage text for `atropos <name> --help`. */
  usage: string;
  /** Resolves to the process exit code. Throw UsageError for bad input (exit 2, one line, no stack). */
  run(args: string[], io: CliIO): Promise<number>;
}
