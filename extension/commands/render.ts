// Render with the default preset (setting `atropos.render.defaultPreset`), or a preset passed by a caller.

import type { ExtensionCommand } from '../services';
import { isRenderPreset } from '../../protocol/render-presets';
import { timelineUriFor } from './target';

export const render: ExtensionCommand = {
  id: 'atropos.render',
  async run(s, arg, preset) {
    const uri = timelineUriFor(arg, s.previews.current()?.documentUri.toString());
    if (!uri) return undefined;
    return s.renders.render(uri.toString(), isRenderPreset(preset) ? preset : s.settings().render.defaultPreset);
  },
};
