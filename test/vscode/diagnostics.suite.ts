// Every sample gets diagnostics from the language server: the known-error samples show their errors with
// ranges inside the file, every other sample is clean.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sampleTimelines, until } from './extension-under-test';

/** Samples written to show a diagnostic carry it in their name, e.g. `errors/missing-asset.timeline.yaml`. */
const KNOWN_ERROR_SAMPLE = /(^|\/)(errors?|broken|invalid)[/-]|[-.](errors?|broken|invalid)\.timeline\.yaml$/;

/** Resolves once no diagnostics changed for `uri` during `quietMs`. */
async function settledDiagnostics(uri: vscode.Uri, quietMs = 1_000, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  let lastChange = Date.now();
  const listener = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === uri.toString())) lastChange = Date.now();
  });
  try {
    while (Date.now() - lastChange < quietMs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return vscode.languages.getDiagnostics(uri);
  } finally {
    listener.dispose();
  }
}

describe('diagnostics for every sample', () => {
  it('has samples to check', async () => {
    assert.ok((await sampleTimelines()).length > 0, 'no *.timeline.yaml in the workspace');
  });

  it('publishes the expected diagnostics for each sample', async function () {
    this.timeout(30_000 + 10_000 * (await sampleTimelines()).length);
    const report: string[] = [];
    for (const uri of await sampleTimelines()) {
      const name = vscode.workspace.asRelativePath(uri);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: false });
      // The server answered for this document once it returns its symbols: the analysis has run.
      await until(async () => {
        const symbols = await vscode.commands.executeCommand<unknown[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
        return Array.isArray(symbols) && symbols.length > 0 ? true : undefined;
      }, `document symbols of ${name} from the language server`);
      const diagnostics = await settledDiagnostics(uri);
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      for (const d of diagnostics) {
        assert.ok(d.range.end.line < document.lineCount, `${name}: diagnostic "${d.message}" ends past the last line`);
        assert.ok(d.code !== undefined, `${name}: diagnostic "${d.message}" has no code`);
      }
      if (KNOWN_ERROR_SAMPLE.test(name)) {
        assert.ok(errors.length > 0, `${name} is a known-error sample but shows no error`);
      } else {
        assert.deepEqual(errors.map((d) => `${name}:${d.range.start.line + 1}: ${d.message}`), [], `${name} should be clean`);
      }
      report.push(`${name}: ${errors.length} error(s), ${diagnostics.length - errors.length} other`);
    }
    console.log(report.join('\n'));
  });
});
