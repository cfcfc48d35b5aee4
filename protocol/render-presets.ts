// The render presets, declared once: their names, what the pickers say about them, and where each
// writes its output. The CLI, VS Code, the render host and the farm all import from here, so a
// preset added here is offered, validated and named the same everywhere.

export const RENDER_PRESETS = ['final', 'draft', 'vertical', 'gif', 'audio'] as const;

export type RenderPresetName = (typeof RENDER_PRESETS)[number];

export interface RenderPresetInfo {
  /** Inserted before the extension of the timeline's output path ('' keeps the stem). */
  suffix: string;
  /** The extension the preset's container needs; '' keeps the timeline's own. */
  extension: string;
  label: string;
  detail: string;
}

export const RENDER_PRESET_INFO: Record<RenderPresetName, RenderPresetInfo> = {
  final: { suffix: '', extension: '', label: 'Final', detail: 'Full quality, the output settings of the timeline' },
  draft: { suffix: '.draft', extension: '.mp4', label: 'Draft', detail: 'Fast, small H.264 + MP3 for review (no licence needed)' },
  vertical: { suffix: '.vertical', extension: '.mp4', label: 'Vertical', detail: '1080x1920 for phones and short-form platforms' },
  gif: { suffix: '', extension: '.gif', label: 'GIF', detail: 'Animated GIF without sound' },
  audio: { suffix: '', extension: '.m4a', label: 'Audio only', detail: 'The mixed sound, no picture' },
};

export function isRenderPreset(value: unknown): value is RenderPresetName {
  return (RENDER_PRESETS as readonly unknown[]).includes(value);
}

/**
 * Where a preset writes when the user names no output: `/x/out/edit.mp4` + `draft` →
 * `/x/out/edit.draft.mp4`, + `gif` → `/x/out/edit.gif`; `final` keeps the timeline's own path.
 * Works on POSIX and Windows separators alike (the extension has no `node:path`).
 */
export function outputPathForPreset(finalPath: string, preset: RenderPresetName): string {
  if (preset === 'final') return finalPath;
  const spec = RENDER_PRESET_INFO[preset];
  const slash = Math.max(finalPath.lastIndexOf('/'), finalPath.lastIndexOf('\\'));
  const dot = finalPath.lastIndexOf('.');
  const stem = dot > slash ? finalPath.slice(0, dot) : finalPath;
  const extension = spec.extension || (dot > slash ? finalPath.slice(dot) : '');
  return `${stem}${spec.suffix}${extension}`;
}
