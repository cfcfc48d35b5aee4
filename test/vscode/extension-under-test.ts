// The extension as the host sees it, and small waits shared by the suites.
import * as vscode from 'vscode';
import { TIMELINE_LANGUAGE_ID } from '../../extension/language';

export const EXTENSION_ID = 'atropos.atropos-timeline';
export { TIMELINE_LANGUAGE_ID };

interface ContributedCommand {
  command: string;
  title: string;
}

export function extensionUnderTest(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return extension;
}

export function contributedCommands(): ContributedCommand[] {
  const contributes = (extensionUnderTest().packageJSON as { contributes?: { commands?: ContributedCommand[] } }).contributes;
  return contributes?.commands ?? [];
}

export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sample timelines of the opened workspace folder, sorted by path. */
export async function sampleTimelines(): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles('**/*.timeline.yaml', '**/node_modules/**');
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
