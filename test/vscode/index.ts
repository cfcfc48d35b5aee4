// Entry the extension host loads as `extensionTestsPath` (same run() contract as @vscode/test-electron).
// Bundled by scripts/e2e/extension-tests.ts; mocha stays external and resolves from the project's node_modules.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The suites are bundled into this file, so they are required after mocha defines describe/it.
  mocha.suite.emit('pre-require', globalThis, 'test/vscode', mocha);
  require('./activation.suite');
  require('./diagnostics.suite');
  require('./preview.suite');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
