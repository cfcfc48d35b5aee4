// Runs the mocha suite of test/vscode inside the real extension host, against the installed .vsix:
// activation, commands registered, diagnostics for every sample, preview serializer restore.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startCodeServer, type CodeServer } from '../scripts/e2e/code-server';
import { bundleExtensionTests, runExtensionTests } from '../scripts/e2e/extension-tests';
import { paths } from '../scripts/e2e/paths';
import { Workbench } from '../scripts/e2e/workbench';
import { installedExtensionDir, vsixUnderTest } from './support/vsix';
import { prepareSamplesWorkspace } from './support/workspace';

describe('extension-host suite (mocha, smoke-test driver)', () => {
  let server: CodeServer | undefined;
  let wb: Workbench | undefined;
  let workspace: { folder: string; dispose(): void } | undefined;

  after(async () => {
    await wb?.close();
    await server?.stop();
    workspace?.dispose();
  });

  it('passes inside the extension host of the installed package', async () => {
    const vsix = vsixUnderTest();
    workspace = prepareSamplesWorkspace();
    const bundle = await bundleExtensionTests(join(paths.root, 'test', 'vscode', 'index.ts'), 'vscode-tests');
    server = await startCodeServer({ vsix: [vsix], smokeTestDriver: true });
    wb = await Workbench.launch('extension-host');
    const run = await runExtensionTests(server, wb, {
      folder: workspace.folder,
      extensionDevelopmentPath: installedExtensionDir(server.extensionsDir),
      testsBundle: bundle,
    });
    await wb.screenshot('after-suite').catch(() => undefined);
    const report = run.log.join('\n');
    console.log(report.split('\n').map((l) => `# ${l}`).join('\n'));
    assert.equal(run.exitCode, 0, `the extension-host suite failed:\n${report}`);
  });
});
