// The bundled language server started over stdio in a fresh workspace, as the LSP tests use it, and
// everything it made removed again.
import { buildServer } from './build-server';
import { makeWorkspace, type Workspace } from './fixtures';
import { LspTestClient } from './lsp-client';

export interface ServerSession {
  ws: Workspace;
  client: LspTestClient;
  dispose(): Promise<void>;
}

/** The settings a test server starts with: diagnostics after `debounceMs`, every code at its own severity. */
export const serverSettings = (debounceMs: number): Record<string, unknown> => ({ atropos: { diagnostics: { debounceMs, severity: {} } } });

export async function startServerSession(debounceMs: number): Promise<ServerSession> {
  const built = await buildServer();
  const ws = makeWorkspace();
  const client = await LspTestClient.start({ command: process.execPath, args: [built.file], rootPath: ws.root, settings: serverSettings(debounceMs) });
  return {
    ws,
    client,
    async dispose() {
      await client.stop();
      ws.dispose();
      built.dispose();
    },
  };
}
