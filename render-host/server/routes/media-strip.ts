// POST /v1/strips: a filmstrip or waveform PNG of part of one media file, for a clip block on the
// preview's lanes. The path must be an absolute path to a regular file; ffmpeg reads it as `file:`.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Hono } from 'hono';
import { MEDIA_STRIP_LIMITS, RenderHostRoutes, type MediaStripRequest } from '../../../protocol/render-host';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';
import { readJson } from '../read-json';
import { StripQueueFullError } from '../strip-source';

export function registerMediaStrip(app: Hono, services: HostServices): void {
  app.post(RenderHostRoutes.strips, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const request = asStripRequest(body.value);
    if (typeof request === 'string') return problem(c, 400, 'invalid-strip-request', `The strip request is not valid: ${request}`);
    const file = await stat(request.path).catch(() => undefined);
    if (!file?.isFile()) return problem(c, 404, 'media-missing', `No media file at ${request.path}.`);
    if (!services.strips) return problem(c, 503, 'strips-unavailable', 'This host does not make filmstrips or waveforms.');
    try {
      const png = await services.strips.render(request, c.req.raw.signal);
      return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
    } catch (error) {
      if (error instanceof StripQueueFullError) {
        c.header('Retry-After', '1');
        return problem(c, 429, 'strip-queue-full', error.message);
      }
      const code = (error as { code?: unknown }).code;
      return problem(c, code === 'ffmpeg-not-found' ? 503 : 422, typeof code === 'string' ? code : 'strip-failed', error instanceof Error ? error.message : String(error));
    }
  });
}

/** The request, or what is wrong with it. Unknown fields are refused like every other host body. */
function asStripRequest(value: unknown): MediaStripRequest | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be an object';
  const v = value as Record<string, unknown>;
  const known = new Set(['path', 'kind', 'fromSeconds', 'toSeconds', 'still', 'width', 'height']);
  const unknown = Object.keys(v).find((k) => !known.has(k));
  if (unknown) return `unknown field "${unknown}"`;
  if (typeof v.path !== 'string' || !isAbsolute(v.path) || v.path.includes('\0')) return 'path must be an absolute file path';
  if (v.kind !== 'thumbnails' && v.kind !== 'waveform') return 'kind must be "thumbnails" or "waveform"';
  const from = v.fromSeconds;
  const to = v.toSeconds;
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to) || from < 0 || to < from || to - from > 86_400) {
    return 'fromSeconds and toSeconds must be a range of at most 24 hours, from ≥ 0';
  }
  const { maxWidth, maxHeight, minSide } = MEDIA_STRIP_LIMITS;
  const width = v.width;
  const height = v.height;
  if (!Number.isInteger(width) || (width as number) < minSide || (width as number) > maxWidth) return `width must be a whole number from ${minSide} to ${maxWidth}`;
  if (!Number.isInteger(height) || (height as number) < minSide || (height as number) > maxHeight) return `height must be a whole number from ${minSide} to ${maxHeight}`;
  if (v.still !== undefined && typeof v.still !== 'boolean') return 'still must be true or false';
  const request: MediaStripRequest = { path: v.path, kind: v.kind, fromSeconds: from, toSeconds: to, width: width as number, height: height as number };
  if (v.still) request.still = true;
  return request;
}
