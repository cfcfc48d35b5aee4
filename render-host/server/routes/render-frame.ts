// POST /v1/frames: the exact composite frame at an output frame number, as image/png. Frames are
// not queued behind renders (the preview needs them now, and they are one frame each) but through
// the frame scheduler: a few at once, the latest per preview, 429 past a short queue.
import type { Hono } from 'hono';
import { FrameRefusalCodes, RenderHostRoutes } from '../../../protocol/render-host';
import { checkTimelineInputs } from '../../../node/paths/check-job-paths';
import { FrameQueueFullError, FrameSupersededError } from '../frame-scheduler';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';
import { readChecked } from '../read-json';

export function registerRenderFrame(app: Hono, services: HostServices): void {
  app.post(RenderHostRoutes.frames, async (c) => {
    const checked = await readChecked(c, (body) => services.validators.frame(body), 'invalid-frame-request', 'The frame request');
    if (!checked.ok) return checked.response;
    const { timeline, frame, width, previewKey } = checked.value;
    if (frame >= timeline.durationFrames) {
      const message = `Frame ${frame} is past the end of the timeline (${timeline.durationFrames} frames).`;
      return problem(c, 400, 'frame-out-of-range', message, { problems: [{ pointer: '/frame', message }] });
    }
    const inputProblem = checkTimelineInputs(timeline);
    if (inputProblem) {
      return problem(c, inputProblem.status, inputProblem.code, inputProblem.message, { problems: [{ pointer: inputProblem.pointer, message: inputProblem.message }] });
    }
    try {
      const png = await services.frames.render(timeline, frame, width, c.req.raw.signal, previewKey);
      return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
    } catch (error) {
      if (error instanceof FrameSupersededError) return problem(c, 409, FrameRefusalCodes.superseded, error.message, { previewKey: error.previewKey });
      if (error instanceof FrameQueueFullError) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return problem(c, 429, FrameRefusalCodes.queueFull, error.message, { retryAfterSeconds: error.retryAfterSeconds });
      }
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      if (code === 'invalid-timeline') return problem(c, 400, code, message);
      if (code === 'ffmpeg-not-found') return problem(c, 503, code, message);
      return problem(c, 500, typeof code === 'string' ? code : 'frame-failed', message);
    }
  });
}
