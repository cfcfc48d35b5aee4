// Detect Scenes / Silences / Highlights…: on an asset of the timeline (its code lens passes the
// asset, the palette asks), the render host runs the detection with progress and cancel; the spans
// show on the preview's ruler; the user then inserts them as markers or as a new track, one
// undoable edit, or dismisses them.
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { insertMarkers, insertTrack, keepBetweenSilences, keepHighlights, markersFromSpans, shotsBetweenCuts, type TextEdit } from '../../core/detect';
import type { DetectProfile, DetectResult } from '../../protocol/detection';
import type { DetectionMark } from '../../protocol/webview';
import type { ExtensionCommand, ExtensionServices } from '../services';
import { timelineUriFor } from './target';

const PROFILES: { profile: DetectProfile; label: string; detail: string; noun: string }[] = [
  { profile: 'scenes', label: 'Scenes', detail: 'hard cuts between shots', noun: 'cut' },
  { profile: 'silence', label: 'Silences', detail: 'pauses in the sound', noun: 'silence' },
  { profile: 'highlights', label: 'Highlights', detail: 'the loudest, busiest moments', noun: 'highlight' },
];

export const detect: ExtensionCommand = {
  id: 'atropos.detect',
  async run(s, uriArg, assetArg, profileArg) {
    const uri = timelineUriFor(uriArg, s.previews.current()?.documentUri.toString());
    if (!uri) return undefined;
    const compiled = (await s.timelines.get(uri.toString())).timeline;
    if (!compiled) {
      void vscode.window.showErrorMessage(`Atropos: ${basename(uri.fsPath)} does not compile yet; fix its errors to detect in its media.`);
      return undefined;
    }
    const assets = compiled.assets.filter((a) => a.kind === 'video' || a.kind === 'audio');
    const asset = assets.find((a) => a.id === assetArg) ?? (await pick(assets.map((a) => ({ label: a.id, description: basename(a.path), asset: a })), 'Detect in which asset?'))?.asset;
    if (!asset) return undefined;
    const choice = PROFILES.find((p) => p.profile === profileArg)
      ?? (await pick(PROFILES.filter((p) => p.profile !== 'scenes' || asset.kind === 'video').map((p) => ({ ...p })), `Detect what in ${asset.id}?`));
    if (!choice) return undefined;

    const result = await runWithProgress(s, asset.path, choice.profile, `Detecting ${choice.label.toLowerCase()} in ${asset.id}`);
    if (!result) return undefined;
    if (!result.spans.length) {
      void vscode.window.showInformationMessage(`Atropos: no ${choice.noun}s found in ${asset.id}.`);
      return result;
    }
    const preview = s.previews.forDocument(uri.toString());
    const fps = compiled.output.fps;
    const toTimeline = (frame: number): number => Math.round((frame * result.fps.den * fps.num) / (result.fps.num * fps.den));
    preview?.showDetections(result.spans.map((span, i): DetectionMark => ({
      startFrame: toTimeline(span.startFrame), endFrame: toTimeline(span.endFrame), profile: span.profile, label: `${choice.label} ${i + 1}: ${span.reason}`,
    })));
    const count = `${result.spans.length} ${choice.noun}${result.spans.length === 1 ? '' : 's'}`;
    const action = await vscode.window.showInformationMessage(`Atropos: found ${count} in ${asset.id}${preview ? ' (shown on the preview ruler)' : ''}.`, 'Insert Markers', 'Insert as Track', 'Dismiss');
    preview?.showDetections(null);
    if (action !== 'Insert Markers' && action !== 'Insert as Track') return result;
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const edit: TextEdit = action === 'Insert Markers'
      ? insertMarkers(text, markersFromSpans(result.spans, result.fps))
      : insertTrack(text, {
        id: uniqueTrackId(compiled.tracks.map((t) => t.id), `${asset.id}-${choice.profile}`),
        asset: asset.id,
        sound: asset.kind === 'audio',
        parts: partsOf(choice.profile, result),
        fps: result.fps,
      });
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(uri, new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length)), edit.text);
    await vscode.workspace.applyEdit(workspaceEdit);
    return result;
  },
};

async function pick<T extends vscode.QuickPickItem>(items: T[], title: string): Promise<T | undefined> {
  if (items.length <= 1) return items[0];
  return vscode.window.showQuickPick(items, { title });
}

async function runWithProgress(s: ExtensionServices, media: string, profile: DetectProfile, title: string): Promise<DetectResult | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    let reported = 0;
    const record = await s.host.run(async (client) => {
      const { id } = await client.detect({ media, profiles: [profile] });
      return client.followDetection(id, (r) => {
        const percent = Math.round(r.progress * 100);
        if (percent > reported) progress.report({ increment: percent - reported, message: `${percent} %` });
        reported = Math.max(reported, percent);
      }, controller.signal);
    });
    if (record.state === 'completed' && record.result) return record.result;
    if (record.state === 'failed') void vscode.window.showErrorMessage(`Atropos: detection failed: ${record.error?.message ?? 'unknown error'}`);
    return undefined;
  });
}

function partsOf(profile: DetectProfile, result: DetectResult): [number, number][] {
  const durationFrames = Math.round((result.durationSeconds * result.fps.num) / result.fps.den);
  if (profile === 'scenes') return shotsBetweenCuts(result.spans, durationFrames);
  if (profile === 'silence') return keepBetweenSilences(result.spans, durationFrames, Math.round((0.2 * result.fps.num) / result.fps.den));
  return keepHighlights(result.spans);
}

function uniqueTrackId(taken: string[], base: string): string {
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
