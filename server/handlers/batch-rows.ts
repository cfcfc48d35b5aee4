// Render Batch…'s row checks (atropos/batchRows): each row of the data checked against the template as
// the document itself is checked, with this server's media facts (probed now, never stale) and fonts.
// The logic is core/batch's, shared with `atropos render --data`.

import { readFile } from 'node:fs/promises';
import { parseTimeline, type FontCatalog } from '../../core';
import { checkRows } from '../../core/batch';
import { BatchRowsRequest } from '../../protocol/lsp';
import type { MediaLookupResult } from '../../protocol/media-facts';
import type { ServerContext } from '../context';
import type { MediaService } from '../media/media-service';
import { uriToPath } from '../state/timeline-service';

export function registerBatchRows(context: ServerContext, media: MediaService, fonts: () => Promise<FontCatalog | undefined>): void {
  context.connection.onRequest(BatchRowsRequest.method, async (params: BatchRowsRequest.Params): Promise<BatchRowsRequest.Result> => {
    const path = uriToPath(params.uri);
    const text = context.documents.get(params.uri)?.getText() ?? (await readFile(path, 'utf8'));
    const catalog = await fonts();
    const rows = await checkRows(parseTimeline(text), params.rows, {
      timelinePath: path,
      probe: async (paths) => {
        const answers = new Map<string, MediaLookupResult>();
        await Promise.all(paths.map(async (p) => answers.set(p, await media.current(p))));
        return (p) => answers.get(p) ?? { status: 'pending' };
      },
      ...(catalog ? { fonts: catalog } : {}),
      ...(params.outPattern !== undefined ? { outPattern: params.outPattern } : {}),
    });
    return { rows };
  });
}
