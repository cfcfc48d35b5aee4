// Diagnostics: validate on open at once, on change after the debounce, publish with the document
// version, clear and forget on close. Severity per issue code comes from the user's settings.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { IssueSeverity, TimelineIssue } from '../../protocol/source-range';
import type { SeveritySetting } from '../../protocol/settings';
import type { ServerContext } from '../context';
import type { Debouncer } from '../state/debouncer';

export const DIAGNOSTIC_SOURCE = 'atropos';

export function registerDiagnostics(context: ServerContext, debouncer: Debouncer): { schedule: (uri: string, immediate?: boolean) => void } {
  const { connection, documents, timelines, settings } = context;
  const opening = new Set<string>();

  const validate = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    let diagnostics: Diagnostic[];
    try {
      const snapshot = timelines.get(document);
      diagnostics = toDiagnostics(snapshot.analysis.issues, uri, settings.get().diagnostics.severity);
    } catch (error) {
      // A bug in a check must not take the server down or leave old squiggles: say so on line 1.
      connection.console.error(`atropos: analysis failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
      diagnostics = [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        code: 'internal-error',
        message: `The timeline could not be checked (${error instanceof Error ? error.message : String(error)}). Please report this.`,
      }];
    }
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  };

  const schedule = (uri: string, immediate = false): void => {
    const delay = immediate ? 0 : settings.get().diagnostics.debounceMs;
    debouncer.schedule(uri, delay, () => validate(uri));
  };

  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    schedule(e.document.uri, true);
  });
  documents.onDidChangeContent((e) => {
    // didOpen also fires a content change; the open already scheduled an immediate run.
    if (opening.delete(e.document.uri)) return;
    schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    opening.delete(e.document.uri);
    debouncer.cancel(e.document.uri);
    timelines.close(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return { schedule };
}

const SEVERITY: Record<IssueSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Core issues → LSP diagnostics, with the user's per-code severity (`off` drops the issue). */
export function toDiagnostics(issues: readonly TimelineIssue[], uri: string, overrides: Record<string, SeveritySetting>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const setting = overrides[issue.code] ?? issue.severity;
    if (setting === 'off') continue;
    const diagnostic: Diagnostic = {
      range: issue.range,
      severity: SEVERITY[setting],
      source: DIAGNOSTIC_SOURCE,
      code: issue.code,
      message: issue.message,
    };
    if (issue.related?.length) {
      diagnostic.relatedInformation = issue.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
    }
    out.push(diagnostic);
  }
  return out;
}
