// Last line of defence for the language server's process: one document's failure must never end the
// server for every other document. Request and notification handlers are already contained by
// vscode-jsonrpc (an error answer, a log line); this catches what runs outside them — timers,
// background probes and font loading, promises nobody awaits — logs it and keeps serving.
// Resource bounds (core/parse/yaml-limits.ts) are what keep a hostile document from exhausting memory,
// which no handler can catch.

export function containProcessFailures(log: (message: string) => void): void {
  const report = (kind: string) => (error: unknown): void => {
    try {
      log(`atropos: ${kind} contained, the server keeps running: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } catch {
      // Logging itself failed (the connection is closing); nothing more to do.
    }
  };
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled rejection'));
}
