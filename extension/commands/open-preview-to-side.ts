import type { ExtensionCommand } from '../services';
import { timelineUriFor } from './target';

export const openPreviewToSide: ExtensionCommand = {
  id: 'atropos.openPreviewToSide',
  run(s, arg) {
    const uri = timelineUriFor(arg, s.previews.current()?.documentUri.toString());
    if (uri) s.previews.open(uri, true);
  },
};
