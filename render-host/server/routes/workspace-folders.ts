// POST /v1/workspace-folders: an authenticated client (the token) names its workspace folders; renders
// of timelines inside them may write anywhere inside them (node/paths/workspace-folders.ts).
import type { Hono } from 'hono';
import { RenderHostRoutes, type WorkspaceFoldersRequest } from '../../../protocol/render-host';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';
import { readJson } from '../read-json';

const MAX_FOLDERS = 100;

export function registerWorkspaceFolders(app: Hono, services: HostServices): void {
  app.post(RenderHostRoutes.workspaceFolders, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const folders = (body.value as Partial<WorkspaceFoldersRequest> | null)?.folders;
    if (!Array.isArray(folders) || folders.length > MAX_FOLDERS || !folders.every((f) => typeof f === 'string' && f.length > 0 && f.length < 4096)) {
      return problem(c, 400, 'invalid-folders', `"folders" must be a list of at most ${MAX_FOLDERS} absolute paths.`, { problems: [{ pointer: '/folders', message: 'must be a list of absolute paths' }] });
    }
    const result = services.workspaceFolders.register(folders);
    if (!result.ok) return problem(c, 403, 'folder-refused', result.message, { problems: [{ pointer: '/folders', message: result.message }] });
    const answer: WorkspaceFoldersRequest = { folders: result.folders };
    return c.json(answer, 200);
  });
}
