// "Detect…" on each asset line that names video or sound: runs the extension's Detect command
// for that asset (scenes, silences or highlights are chosen there).
import type { CodeLens } from 'vscode-languageserver';
import type { TimelineModel } from '../../core/index';
import { LSP_CLIENT_COMMANDS } from '../../protocol/lsp';

/** Files that are never video or sound: no lens (the probe decides for everything else). */
const NOT_MEDIA = /\.(png|jpe?g|gif|webp|bmp|tiff?|svg|srt|ass|ssa|vtt)$/i;

export function detectLenses(model: Pick<TimelineModel, 'assets'>, uri: string): CodeLens[] {
  return model.assets
    .filter((asset) => asset.path !== undefined && !NOT_MEDIA.test(asset.path))
    .map((asset) => ({
      range: { start: asset.idRange.start, end: asset.idRange.start },
      command: { title: 'Detect Scenes / Silences / Highlights…', command: LSP_CLIENT_COMMANDS.detect, arguments: [uri, asset.id] },
    }));
}
