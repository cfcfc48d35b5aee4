// Colour swatches with VS Code's colour picker on colour values, and document links on asset paths.
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ColorInformation, ColorPresentation, DocumentLink } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { assetLinks, colourText, findColours } from '../language/colors-and-links';

export function registerColoursAndLinks(context: ServerContext): void {
  context.connection.onDocumentColor((params): ColorInformation[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    if (!open) return [];
    return findColours(open.snapshot.parsed).map((c) => ({ range: c.range, color: { red: c.red, green: c.green, blue: c.blue, alpha: 1 } }));
  });
  context.connection.onColorPresentation((params): ColorPresentation[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    const written = open ? open.document.getText(params.range) : '';
    const label = colourText(params.color.red, params.color.green, params.color.blue, written);
    return [{ label, textEdit: { range: params.range, newText: label } }];
  });
  context.connection.onDocumentLinks((params): DocumentLink[] => {
    const open = context.snapshotOf(params.textDocument.uri);
    if (!open) return [];
    const folder = dirname(open.snapshot.fsPath);
    return assetLinks(open.snapshot.parsed).map((link) => ({
      range: link.range,
      target: pathToFileURL(isAbsolute(link.path) ? link.path : resolve(folder, link.path)).toString(),
      tooltip: 'Open the media file',
    }));
  });
}
