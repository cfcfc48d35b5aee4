// Starts the language server (dist/server.js) and keeps the user told when it cannot:
// errors and init failures show a message with "Show Log" instead of failing silently.

import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, State, TransportKind,
  type CloseHandlerResult, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { TIMELINE_LANGUAGE_ID } from '../language';
import type { LanguageStatus } from './language-status';

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, status: LanguageStatus): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };

  const restarts: number[] = [];
  const showLog = async (message: string) => {
    const choice = await vscode.window.showErrorMessage(message, 'Show Log');
    if (choice === 'Show Log') log.show(true);
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: TIMELINE_LANGUAGE_ID, scheme: 'file' }, { language: TIMELINE_LANGUAGE_ID, scheme: 'untitled' }],
    outputChannel: log,
    initializationFailedHandler: (error) => {
      log.error(`The Atropos language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      status.failed('Language server failed to start');
      void showLog('Atropos Timeline: the language server failed to start, so there are no diagnostics or preview updates.');
      return false;
    },
    errorHandler: {
      error: (error, _message, count): ErrorHandlerResult => {
        log.error(`Language server connection error: ${error.message}`);
        return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
      },
      closed: (): CloseHandlerResult => {
        const now = Date.now();
        restarts.push(now);
        while (restarts.length > 0 && (restarts[0] ?? now) < now - RESTART_WINDOW_MS) restarts.shift();
        if (restarts.length <= MAX_RESTARTS) {
          log.warn(`The language server stopped; restarting (${restarts.length} of ${MAX_RESTARTS}).`);
          return { action: CloseAction.Restart, handled: true };
        }
        status.failed('Language server stopped');
        void showLog(`Atropos Timeline: the language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted.`);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };

  const client = new LanguageClient('atropos', 'Atropos Timeline', serverOptions, clientOptions);
  context.subscriptions.push(client.onDidChangeState((e) => {
    if (e.newState === State.Running) status.ready();
    else if (e.newState === State.Starting) status.busy('Starting language server…');
  }));
  return client;
}
