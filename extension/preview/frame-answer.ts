// Turns a webview's frame request into the message that answers it: the PNG as a data URL, or
// the reason it could not be made. No `vscode`: the PNG comes from a function (the render host's
// frame endpoint in the panel; the same endpoint in tests).

import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { FrameErrorMessage, FrameMessage, RequestFrameMessage } from '../../protocol/webview';
import { FrameRefusalCodes, type FrameRequest } from '../../protocol/render-host';

export type FetchPng = (request: FrameRequest) => Promise<Uint8Array>;

/**
 * undefined when nothing should be posted: the request is for an older revision, or the host
 * answered that a newer request of this preview replaced it (the webview has moved on either way).
 */
export async function answerFrameRequest(
  m: RequestFrameMessage, timeline: CompiledTimeline, revision: number, frameWidth: number, fetchPng: FetchPng,
): Promise<FrameMessage | FrameErrorMessage | undefined> {
  if (m.revision !== revision) return undefined;
  const frame = Math.min(m.frame, Math.max(0, timeline.durationFrames - 1));
  const width = evenWidth(Math.min(frameWidth, timeline.output.width));
  try {
    const png = await fetchWithOneRetry(() => fetchPng({ timeline, frame, width }));
    return { type: 'frame', requestId: m.requestId, revision, frame, dataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` };
  } catch (e) {
    if (refusalCode(e) === FrameRefusalCodes.superseded) return undefined;
    const message = e instanceof Error ? e.message : String(e);
    return { type: 'frameError', requestId: m.requestId, frame, message: `Frame ${frame} could not be made: ${message}` };
  }
}

/** The render host's frame queue was full: wait as long as it asked (at most 2 s) and ask once more. */
async function fetchWithOneRetry(fetch: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await fetch();
  } catch (e) {
    if (refusalCode(e) !== FrameRefusalCodes.queueFull) throw e;
    const seconds = (e as { retryAfterSeconds?: number }).retryAfterSeconds ?? 1;
    await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 2) * 1000));
    return fetch();
  }
}

/** The host's error code on a RenderHostError (read by shape: this module does not import the client). */
function refusalCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function evenWidth(width: number): number {
  return Math.max(2, width - (width % 2));
}
