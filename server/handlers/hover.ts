// Hover: schema descriptions, clip placement and media facts, asset facts and uses.
import { dirname, isAbsolute, resolve } from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { hoverMarkdown } from '../language/hover';
import type { MediaService } from '../media/media-service';

export function registerHover(context: ServerContext, media: MediaService): void {
  context.connection.onHover((params): Hover | null => {
    const open = context.snapshotOf(params.textDocument.uri);
    if (!open) return null;
    const { parsed, fsPath } = open.snapshot;
    const folder = dirname(fsPath);
    const value = hoverMarkdown({
      parsed,
      compiled: context.timelines.shownCompile(open.snapshot),
      assetMedia: (id) => {
        const asset = parsed.model.assets.find((a) => a.id === id);
        if (!asset?.path) return undefined;
        const path = isAbsolute(asset.path) ? asset.path : resolve(folder, asset.path);
        return { path, result: media.lookup(path) };
      },
    }, parsed.offsetAt(params.position));
    return value ? { contents: { kind: MarkupKind.Markdown, value } } : null;
  });
}
