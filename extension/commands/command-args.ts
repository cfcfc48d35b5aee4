// What commands receive: VS Code passes a Uri (explorer, editor title), code lenses pass a URI
// string, tasks and keybindings pass nothing. Pure, so each shape is unit-tested without `vscode`.

import type { RenderPresetName } from '../../protocol/settings';
import { RENDER_PRESETS } from '../settings/read-settings';

/** The parts of a vscode.Uri we look at. */
export interface UriLike {
  scheme: string;
  fsPath: string;
  toString(): string;
}

export type TimelineTarget = { kind: 'uri'; uri: string } | { kind: 'none'; reason: string };

const TIMELINE_NAME = /\.timeline\.ya?ml$/i;

export function isTimelinePath(path: string): boolean {
  return TIMELINE_NAME.test(path);
}

function isUriLike(v: unknown): v is UriLike {
  return typeof v === 'object' && v !== null && typeof (v as UriLike).scheme === 'string' && typeof (v as UriLike).fsPath === 'string';
}

/**
 * Picks the timeline a command acts on: an explicit argument first (Uri, URI string, `{ uri }`),
 * else the active editor's document when it is a timeline.
 */
export function resolveTimelineTarget(arg: unknown, activeDocumentUri: string | undefined): TimelineTarget {
  const explicit = uriFromArgument(arg);
  if (explicit !== undefined) {
    return isTimelinePath(explicit) ? { kind: 'uri', uri: explicit } : { kind: 'none', reason: `${explicit} is not a *.timeline.yaml file.` };
  }
  if (activeDocumentUri && isTimelinePath(activeDocumentUri)) return { kind: 'uri', uri: activeDocumentUri };
  return { kind: 'none', reason: 'Open a *.timeline.yaml file first.' };
}

function uriFromArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.length > 0) return arg;
  if (isUriLike(arg)) return arg.toString();
  if (typeof arg === 'object' && arg !== null && 'uri' in arg) return uriFromArgument((arg as { uri: unknown }).uri);
  return undefined;
}

export function isRenderPreset(v: unknown): v is RenderPresetName {
  return RENDER_PRESETS.includes(v as RenderPresetName);
}

/** File name suffix and extension each preset writes next to the timeline's output path. */
export const PRESET_OUTPUT: Record<RenderPresetName, { suffix: string; extension: string; label: string; detail: string }> = {
  final: { suffix: '', extension: '', label: 'Final', detail: 'Full quality, the output settings of the timeline' },
  draft: { suffix: '.draft', extension: '.mp4', label: 'Draft', detail: 'Fast, small H.264 + MP3 for review (no licence needed)' },
  vertical: { suffix: '.vertical', extension: '.mp4', label: 'Vertical', detail: '1080x1920 for phones and short-form platforms' },
  gif: { suffix: '', extension: '.gif', label: 'GIF', detail: 'Animated GIF without sound' },
  audio: { suffix: '', extension: '.m4a', label: 'Audio only', detail: 'The mixed sound, no picture' },
};

/** `/x/out/edit.mp4` + `draft` → `/x/out/edit.draft.mp4`; `final` keeps the timeline's own path. */
export function outputPathForPreset(finalPath: string, preset: RenderPresetName): string {
  const spec = PRESET_OUTPUT[preset];
  if (preset === 'final') return finalPath;
  const slash = Math.max(finalPath.lastIndexOf('/'), finalPath.lastIndexOf('\\'));
  const dot = finalPath.lastIndexOf('.');
  const stem = dot > slash ? finalPath.slice(0, dot) : finalPath;
  const ext = spec.extension || (dot > slash ? finalPath.slice(dot) : '');
  return `${stem}${spec.suffix}${ext}`;
}
