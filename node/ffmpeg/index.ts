// The render runner: the only code that spawns ffmpeg for renders and frames.
export { renderTimeline, type RenderRequest, type RenderOptions, type RenderResult } from './render-timeline';
export { renderFrame, type RenderFrameOptions } from './render-frame';
export { RenderError, type RenderErrorCode } from './render-error';
export { partialPathFor, isPartialPath } from './partial-path';
export { renderStrip, type RenderStripOptions } from './render-strip';
