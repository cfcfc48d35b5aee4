// Render With…: a quick pick of the presets, the default one first.

import * as vscode from 'vscode';
import type { RenderPresetName } from '../../protocol/settings';
import { RENDER_PRESETS, RENDER_PRESET_INFO } from '../../protocol/render-presets';
import type { ExtensionCommand } from '../services';
import { timelineUriFor } from './target';

export const renderWith: ExtensionCommand = {
  id: 'atropos.renderWith',
  async run(s, arg) {
    const uri = timelineUriFor(arg, s.previews.current()?.documentUri.toString());
    if (!uri) return undefined;
    const preferred = s.settings().render.defaultPreset;
    const ordered = [preferred, ...RENDER_PRESETS.filter((p) => p !== preferred)];
    const picked = await vscode.window.showQuickPick(
      ordered.map((preset) => ({ label: RENDER_PRESET_INFO[preset].label, detail: RENDER_PRESET_INFO[preset].detail, preset, ...(preset === preferred ? { description: 'default' } : {}) })),
      { title: 'Render With…', placeHolder: 'Choose a render preset' },
    );
    return picked ? s.renders.render(uri.toString(), picked.preset satisfies RenderPresetName) : undefined;
  },
};
