// Turns a webview's frame request into the message that answers it: the PNG as a data URL, or
// the reason it could not be made. No `vscode`: the PNG comes from a function (the render host's
// frame endpoint in the panel; the same endpoint in tests).

import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { FrameErrorMessage, FrameMessage, RequestFrameMessage } from '../../protocol/webview';
import type { FrameRequest } from '../../protocol/render-host';

export type FetchPng = (request: FrameRequest) => Promise<Uint8Array>;

/** undefined when the request is for an older revision (the webview has moved on). */
export async function answerFrameRequest(
  m: RequestFrameMessage, timeline: CompiledTimeline, revision: number, frameWidth: number, fetchPng: FetchPng,
): Promise<FrameMessage | FrameErrorMessage | undefined> {
  if (m.revision !== revision) return undefined;
  const frame = Math.min(m.frame, Math.max(0, timeline.durationFrames - 1));
  const width = evenWidth(Math.min(frameWidth, timeline.output.width));
  try {
    const png = await fetchPng({ timeline, frame, width });
    return { type: 'frame', requestId: m.requestId, revision, frame, dataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { type: 'frameError', requestId: m.requestId, frame, message: `Frame ${frame} could not be made: ${message}` };
  }
}

function evenWidth(width: number): number {
  return Math.max(2, width - (width % 2));
}
