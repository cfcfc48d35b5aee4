// What every handler gets: the connection, the open documents and the shared services.
// Handlers wire LSP messages to these; the logic lives in server/language and core.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SettingsStore } from './state/settings';
import type { TimelineService, TimelineSnapshot } from './state/timeline-service';

export interface ClientSupport {
  configuration: boolean;
  watchedFilesDynamic: boolean;
  inlayHintRefresh: boolean;
  codeLensRefresh: boolean;
  snippets: boolean;
  markdown: boolean;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  timelines: TimelineService;
  client: ClientSupport;
  /** Re-validates one document after the debounce (or at once with `immediate`). */
  scheduleValidation(uri: string, immediate?: boolean): void;
  /** The open timeline document for a URI and its analysis of the current text, if open. */
  snapshotOf(uri: string): { document: TextDocument; snapshot: TimelineSnapshot } | undefined;
}
