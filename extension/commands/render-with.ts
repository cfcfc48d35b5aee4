// Render With…: a quick pick of the presets, the default one first.

import * as vscode from 'vscode';
import type { RenderPresetName } from '../../protocol/settings';
import { RENDER_PRESETS } from '../settings/read-settings';
import type { ExtensionCommand } from '../services';
import { PRESET_OUTPUT } from './command-args';
import { timelineUriFor } from './target';

export const renderWith: ExtensionCommand = {
  id: 'atropos.renderWith',
  async run(s, arg) {
    const uri = timelineUriFor(arg, s.previews.current()?.documentUri.toString());
    if (!uri) return undefined;
    const preferred = s.settings().render.defaultPreset;
    const ordered = [preferred, ...RENDER_PRESETS.filter((p) => p !== preferred)];
    const picked = await vscode.window.showQuickPick(
      ordered.map((preset) => ({ label: PRESET_OUTPUT[preset].label, detail: PRESET_OUTPUT[preset].detail, preset, description: preset === preferred ? 'default' : undefined })),
      { title: 'Render With…', placeHolder: 'Choose a render preset' },
    );
    return picked ? s.renders.render(uri.toString(), picked.preset satisfies RenderPresetName) : undefined;
  },
};
