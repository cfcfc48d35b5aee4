// At start-up, list the renders a running host already knows (from other windows, the CLI or before
// a reload) in the Renders view. Never starts a host just for this.

import { pathToFileURL } from 'node:url';
import { findHost } from '../../render-host/client/ensure-host';
import type { JobStore } from './job-store';

export async function loadRenderHistory(jobs: JobStore, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  try {
    const client = await findHost({ env });
    if (!client) return;
    for (const record of await client.list()) jobs.add(record, pathToFileURL(record.sourceFile).toString(), record.preset);
  } catch (e) {
    log(`Render history not loaded: ${e instanceof Error ? e.message : String(e)}`);
  }
}
