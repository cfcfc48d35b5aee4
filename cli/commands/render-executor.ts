// How render and frame are carried out. Today: the runner in this process. The render host's
// client can implement the same interface, and the commands will not change.
import { renderFrame, renderTimeline, type RenderOptions, type RenderRequest, type RenderResult } from '../../node/ffmpeg';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';

export interface RenderExecutor {
  render(request: RenderRequest, options: Omit<RenderOptions, 'ffmpegPath'>): Promise<RenderResult>;
  frame(timeline: CompiledTimeline, frame: number, options: { width?: number; signal?: AbortSignal }): Promise<Buffer>;
}

export function localExecutor(ffmpegPath: string): RenderExecutor {
  return {
    render: (request, options) => renderTimeline(request, { ...options, ffmpegPath }),
    frame: (timeline, frame, options) => renderFrame(timeline, frame, { ...options, ffmpegPath }),
  };
}
