// Runs a mocha suite inside the real extension host of code-server, with the same `run()` contract as
// @vscode/test-electron: code-server's smoke-test driver loads `extensionTestsPath`, calls its run(),
// and reports the exit code to the page (codeAutomationExit) and the host's log lines (codeAutomationLog).
import { build } from 'esbuild';
import { join } from 'node:path';
import { format } from 'node:util';
import type { CodeServer } from './code-server';
import type { Workbench } from './workbench';
import { paths } from './paths';

export interface ExtensionTestRun {
  exitCode: number;
  /** What the extension host logged (mocha's report among it). */
  log: string[];
}

/** Bundles a run() entry for the extension host into out/ (mocha and vscode stay external). Returns the .js path. */
export async function bundleExtensionTests(entry: string, outName: string): Promise<string> {
  const outfile = join(paths.root, 'out', outName, 'index.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return outfile;
}

function remoteUri(absolutePath: string): string {
  // The remote authority of a code-server workbench is literally `remote`.
  return `vscode-remote://remote${absolutePath}`;
}

/**
 * Opens `folder` with the extension at `extensionDevelopmentPath` and the tests at `testsBundle` (a .js file),
 * waits for the suite to finish and returns its exit code and log.
 */
export async function runExtensionTests(
  server: CodeServer,
  workbench: Workbench,
  options: { folder: string; extensionDevelopmentPath: string; testsBundle: string; timeoutMs?: number; env?: Record<string, string> },
): Promise<ExtensionTestRun> {
  const log: string[] = [];
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });
  await workbench.page.exposeFunction('codeAutomationLog', (_level: string, args: unknown[]) => {
    // The host forwards console calls with their printf-style arguments (mocha's reporter uses them).
    log.push(format(...(Array.isArray(args) ? args : [args])));
  });
  await workbench.page.exposeFunction('codeAutomationExit', (code: number) => finish(code));

  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remoteUri(options.extensionDevelopmentPath)],
    ['extensionTestsPath', remoteUri(options.testsBundle.replace(/\.js$/, ''))],
  ]);
  await workbench.page.goto(server.folderUrl(options.folder, { payload }));
  const timeoutMs = options.timeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(-1), timeoutMs);
  });
  const exitCode = await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  if (exitCode === -1) {
    log.push(`extension tests did not report an exit code within ${timeoutMs / 1000} s`);
  }
  return { exitCode, log };
}
