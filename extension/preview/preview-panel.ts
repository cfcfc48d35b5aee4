// One preview panel for one timeline document: sends the compiled timeline, answers frame
// requests from the render host's frame endpoint, syncs the selection both ways, plays the proxy.

import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { TimelineGesture } from '../../protocol/gestures';
import type { AtroposSettings } from '../../protocol/settings';
import type { HostToWebviewMessage, PreviewState, ProblemCount, RequestFrameMessage, RequestStripMessage, WebviewToHostMessage } from '../../protocol/webview';
import type { DetectionMark } from '../../protocol/webview';
import type { HostConnection } from '../renders/host-connection';
import { revealRange } from '../renders/render-runner';
import type { TimelineSource } from '../timeline/timeline-source';
import { answerFrameRequest } from './frame-answer';
import { diffTimeline } from './timeline-delta';
import { isWebviewToHostMessage } from './message-guard';
import { createNonce, previewHtml } from './preview-html';
import { ProxyRenderer } from './proxy-renderer';

export interface PreviewDeps {
  extensionUri: vscode.Uri;
  timelines: TimelineSource;
  host: HostConnection;
  settings: () => AtroposSettings;
  log: vscode.LogOutputChannel;
}

/** Folders the webview may load from: the bundle, and the timeline's folder (media and proxies). */
export function previewResourceRoots(extensionUri: vscode.Uri, documentUri: vscode.Uri): vscode.Uri[] {
  const roots = [vscode.Uri.joinPath(extensionUri, 'dist')];
  if (documentUri.scheme === 'file') roots.push(vscode.Uri.file(dirname(documentUri.fsPath)));
  const folder = vscode.workspace.getWorkspaceFolder(documentUri);
  if (folder) roots.push(folder.uri);
  return roots;
}

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly proxy: ProxyRenderer;
  private revision = 0;
  private timeline: CompiledTimeline | undefined;
  private sentJson = '';
  /** The revision (and timeline) the webview holds, the base of the next delta; unset until it has one. */
  private webviewHas: { revision: number; timeline: CompiledTimeline } | undefined;
  /** Names this panel to the render host: its newer frame request replaces its older waiting one. */
  private readonly previewKey = randomUUID();
  /** Where the playhead is, for Export Frame and the serializer. */
  playhead = 0;
  private disposed = false;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, readonly documentUri: vscode.Uri, private readonly deps: PreviewDeps, restored?: PreviewState) {
    this.playhead = restored?.playhead ?? 0;
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: previewResourceRoots(deps.extensionUri, documentUri) };
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'resources', 'preview.svg');
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview.js')).toString(),
      nonce: createNonce(),
    });
    const folder = vscode.workspace.getWorkspaceFolder(documentUri);
    this.proxy = new ProxyRenderer({
      host: deps.host,
      workspaceFolder: folder?.uri.fsPath,
      toWebviewUri: (path) => webview.asWebviewUri(vscode.Uri.file(path)).toString(),
      post: (proxy) => this.post({ type: 'proxy', proxy }),
      log: (line) => deps.log.warn(line),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => {
        if (isWebviewToHostMessage(m)) void this.onMessage(m);
        else deps.log.warn(`Preview sent an unknown message: ${JSON.stringify(m).slice(0, 200)}`);
      }),
      deps.timelines.onDidChange((uri) => {
        if (uri === documentUri.toString()) void this.refresh();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Asks the language server for the timeline and sends it when it changed. */
  async refresh(): Promise<void> {
    const uri = this.documentUri.toString();
    let result;
    try {
      result = await this.deps.timelines.get(uri);
    } catch (e) {
      this.deps.log.error(`Preview: no timeline for ${uri}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (this.disposed) return;
    if (!result.timeline) {
      const n = result.problems.errors;
      this.post({ type: 'noTimeline', documentUri: uri, problems: result.problems, reason: n > 0 ? `The timeline has ${n} error${n === 1 ? '' : 's'}; the preview appears once it compiles.` : 'The timeline is being read…' });
      return;
    }
    const json = JSON.stringify(result.timeline);
    if (json !== this.sentJson) {
      this.sentJson = json;
      this.revision += 1;
      this.timeline = result.timeline;
      if (!result.stale) this.proxy.timelineChanged(this.revision, result.timeline);
    }
    this.panel.title = `Preview ${vscode.workspace.asRelativePath(this.documentUri, false).split('/').pop() ?? ''}`;
    this.sendTimeline(uri, result.timeline, result.stale, result.problems);
  }

  /**
   * The whole timeline the first time (and after the webview reloads); afterwards only what changed
   * since the revision the webview has, so an edit in a 50,000-clip file sends a few clips, not 18 MB.
   */
  private sendTimeline(uri: string, timeline: CompiledTimeline, stale: boolean, problems: ProblemCount): void {
    const base = this.webviewHas;
    this.webviewHas = { revision: this.revision, timeline };
    if (!base) {
      this.post({ type: 'timeline', documentUri: uri, revision: this.revision, timeline, stale, problems });
      return;
    }
    const delta = base.revision === this.revision ? { trackOrder: timeline.tracks.map((t) => t.id), tracks: [] } : diffTimeline(base.timeline, timeline);
    this.post({ type: 'timelineDelta', documentUri: uri, baseRevision: base.revision, revision: this.revision, delta, stale, problems });
  }

  /** The editor cursor moved in this document. `reveal` = a user move, so the playhead may follow. */
  async cursorMoved(position: vscode.Position, reveal: boolean): Promise<void> {
    try {
      const clipId = await this.deps.timelines.clipAt(this.documentUri.toString(), { line: position.line, character: position.character });
      this.post({ type: 'selectClip', clipId, reveal });
    } catch (e) {
      this.deps.log.debug(`clipAtPosition failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async onMessage(m: WebviewToHostMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A (re)loaded webview has nothing: the whole timeline again. Same revision, so a proxy already made for it still plays.
        this.webviewHas = undefined;
        await this.refresh();
        this.proxy.announce(this.revision);
        if (this.detections) this.post({ type: 'detections', spans: this.detections });
        return;
      case 'requestFrame':
        return this.answerFrame(m);
      case 'revealClip': {
        const range = (await this.deps.timelines.clipRange(this.documentUri.toString(), m.clipId).catch(() => null)) ?? m.range;
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri.toString());
        return revealRange(this.documentUri.toString(), range, editor?.viewColumn ?? vscode.ViewColumn.One);
      }
      case 'playhead':
        this.playhead = m.frame;
        return;
      case 'requestProxy':
        if (m.revision === this.revision) this.proxy.requested(m.revision);
        return;
      case 'requestStrip':
        return this.answerStrip(m);
      case 'editGesture':
        return this.applyGesture(m.gesture);
      case 'openProblems':
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
      case 'runAction': {
        this.playhead = m.frame;
        const command = { render: 'atropos.render', renderWith: 'atropos.renderWith', exportFrame: 'atropos.exportFrame' }[m.action];
        await vscode.commands.executeCommand(command, this.documentUri);
        return;
      }
    }
  }

  /** One gesture → the server's minimal edit → one WorkspaceEdit (one undo step), if the text did not move on meanwhile. */
  private async applyGesture(gesture: TimelineGesture): Promise<void> {
    const uri = this.documentUri.toString();
    const answer = await this.deps.timelines.gestureEdit(uri, gesture).catch((e: unknown) => ({ version: -1, edits: null, reason: e instanceof Error ? e.message : String(e) }));
    if (!answer.edits) {
      this.post({ type: 'editRefused', reason: answer.reason ?? 'The edit could not be made.' });
      void this.refresh();
      return;
    }
    if (answer.edits.length === 0) {
      // Nothing to write (dropped where it was): the lanes redraw from the timeline as it is.
      void this.refresh();
      return;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (!document || document.version !== answer.version) {
      this.post({ type: 'editRefused', reason: 'The file changed meanwhile; drag again.' });
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of answer.edits) {
      edit.replace(this.documentUri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      this.post({ type: 'editRefused', reason: 'VS Code did not apply the edit.' });
      return;
    }
    // The server compiles the new text when asked: the lanes and the frame follow the gesture at once,
    // without waiting for the diagnostics' debounce (the refresh after them then finds nothing new).
    void this.refresh();
  }

  /** A filmstrip or waveform for the lanes, from the render host (which makes them one at a time and caches them). */
  private async answerStrip(m: RequestStripMessage): Promise<void> {
    const asset = this.timeline?.assets.find((a) => a.id === m.asset);
    if (!asset) return this.post({ type: 'strip', key: m.key, dataUrl: null });
    try {
      const png = await this.deps.host.run((c) => c.strip({
        path: asset.path, kind: m.kind, fromSeconds: m.fromSeconds, toSeconds: m.toSeconds, width: m.width, height: m.height,
        ...(asset.kind === 'image' || asset.media?.isStill ? { still: true } : {}),
      }));
      this.post({ type: 'strip', key: m.key, dataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` });
    } catch (e) {
      this.deps.log.debug(`Preview: no ${m.kind} for ${asset.path}: ${e instanceof Error ? e.message : String(e)}`);
      this.post({ type: 'strip', key: m.key, dataUrl: null });
    }
  }

  private async answerFrame(m: RequestFrameMessage): Promise<void> {
    if (!this.timeline) return;
    const answer = await answerFrameRequest(m, this.timeline, this.revision, this.deps.settings().preview.frameWidth,
      (request) => this.deps.host.run((c) => c.frame({ ...request, previewKey: this.previewKey })));
    if (answer?.type === 'frameError') this.deps.log.warn(`Preview: ${answer.message}`);
    if (answer) this.post(answer);
  }

  /** Detected spans on the ruler until the user inserts or dismisses them (`null` clears); a webview that (re)loads meanwhile gets them too. */
  showDetections(spans: DetectionMark[] | null): void {
    this.detections = spans;
    this.post({ type: 'detections', spans });
  }

  private detections: DetectionMark[] | null = null;

  private post(message: HostToWebviewMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.proxy.dispose();
    for (const d of this.disposables) d.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.panel.dispose();
  }
}
