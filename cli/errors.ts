// Errors the CLI reports as one clear line instead of a stack trace.

/** Bad flags, missing files, unreadable input: exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A failure the user can act on (render failed, host unreachable): its own exit code, one message. */
export class CommandError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}
