// The preview's and the render commands' view of a document: its CompiledTimeline from the language
// server (the same compile() the render host uses), and a signal when it may have changed.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TimelineGesture } from '../../protocol/gestures';
import { BatchRowsRequest, ClipAtPositionRequest, ClipRangeRequest, CompiledTimelineRequest, GestureEditRequest } from '../../protocol/lsp';
import type { SourcePosition, SourceRange } from '../../protocol/source-range';

/** Time to let the server re-analyse after an edit before asking again. */
const CHANGE_SETTLE_MS = 250;

export class TimelineSource implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<string>();
  /** Fires with a document URI whose timeline may have changed. */
  readonly onDidChange = this.emitter.event;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    // Diagnostics arrive after each analysis: the moment a new compile is ready.
    this.disposables.push(vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) this.changed(uri.toString(), 0);
    }));
    // Fallback for edits that leave the diagnostics as they were.
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) this.changed(e.document.uri.toString(), CHANGE_SETTLE_MS);
    }));
  }

  get(uri: string): Promise<CompiledTimelineRequest.Result> {
    return this.client.sendRequest<CompiledTimelineRequest.Result>(CompiledTimelineRequest.method, { uri } satisfies CompiledTimelineRequest.Params);
  }

  async clipAt(uri: string, position: SourcePosition): Promise<string | null> {
    const result = await this.client.sendRequest<ClipAtPositionRequest.Result>(ClipAtPositionRequest.method, { uri, position } satisfies ClipAtPositionRequest.Params);
    return result.clipId;
  }

  async clipRange(uri: string, clipId: string): Promise<SourceRange | null> {
    const result = await this.client.sendRequest<ClipRangeRequest.Result>(ClipRangeRequest.method, { uri, clipId } satisfies ClipRangeRequest.Params);
    return result.range;
  }

  /** The server's edit for a lanes gesture on the document's current text (edits null = refused). */
  gestureEdit(uri: string, gesture: TimelineGesture): Promise<GestureEditRequest.Result> {
    return this.client.sendRequest<GestureEditRequest.Result>(GestureEditRequest.method, { uri, gesture } satisfies GestureEditRequest.Params);
  }

  /** Render Batch…: every row of the data checked against the document, by the server (media, fonts). */
  async batchRows(uri: string, rows: BatchRowsRequest.Params['rows'], outPattern?: string): Promise<BatchRowsRequest.Result['rows']> {
    const params: BatchRowsRequest.Params = { uri, rows, ...(outPattern !== undefined ? { outPattern } : {}) };
    return (await this.client.sendRequest<BatchRowsRequest.Result>(BatchRowsRequest.method, params)).rows;
  }

  private changed(uri: string, delayMs: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.emitter.fire(uri);
    }, delayMs));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
