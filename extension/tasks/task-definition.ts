// The `atropos` task type as tasks.json writes it. Pure: parsing and naming without `vscode`.

import type { RenderPresetName } from '../../protocol/settings';
import { RENDER_PRESETS, isRenderPreset } from '../../protocol/render-presets';

export const TASK_TYPE = 'atropos';

export interface AtroposTaskDefinition {
  type: typeof TASK_TYPE;
  /** Timeline file, relative to the workspace folder (or absolute). */
  timeline: string;
  /** Default: the `atropos.render.defaultPreset` setting. */
  preset?: RenderPresetName;
}

export type ParsedTask = { ok: true; timeline: string; preset: RenderPresetName | undefined } | { ok: false; reason: string };

export function parseTaskDefinition(definition: Record<string, unknown>): ParsedTask {
  const { timeline, preset } = definition;
  if (typeof timeline !== 'string' || timeline.trim() === '') return { ok: false, reason: 'an "atropos" task needs "timeline": the path of a *.timeline.yaml file' };
  if (preset !== undefined && !isRenderPreset(preset)) return { ok: false, reason: `"preset" must be one of ${RENDER_PRESETS.join(', ')} (got ${JSON.stringify(preset)})` };
  return { ok: true, timeline: timeline.trim(), preset };
}

export function taskName(timeline: string, preset: RenderPresetName | undefined): string {
  const name = timeline.split(/[\\/]/).pop() ?? timeline;
  return preset ? `render ${name} (${preset})` : `render ${name}`;
}
