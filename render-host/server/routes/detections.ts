// POST /v1/detections (queue a detection: 202 with its id), GET /v1/detections/:id (state,
// progress, result), DELETE /v1/detections/:id (cancel; answers once it has stopped).
import { isAbsolute } from 'node:path';
import type { Hono } from 'hono';
import { DETECT_PROFILES, DetectionRoutes, type DetectionJobRequest, type DetectProfile } from '../../../protocol/detection';
import type { HostServices } from '../host-services';
import { problem } from '../http-problem';
import { readJson } from '../read-json';

export function registerDetections(app: Hono, services: HostServices): void {
  app.post(DetectionRoutes.detections, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const request = validDetection(body.value);
    if (typeof request === 'string') return problem(c, 400, 'invalid-detection', `The detection is not valid: ${request}`);
    const record = services.detections.submit(request);
    if (!record) {
      c.header('Retry-After', '5');
      return problem(c, 429, 'queue-full', 'The detection queue is full; try again in a few seconds.', { retryAfterSeconds: 5 });
    }
    c.header('Location', DetectionRoutes.detection(record.id));
    return c.json({ id: record.id }, 202);
  });
  app.get('/v1/detections/:id', (c) => {
    const record = services.detections.get(c.req.param('id'));
    return record ? c.json(record) : problem(c, 404, 'detection-not-found', `No detection with id "${c.req.param('id')}".`);
  });
  app.delete('/v1/detections/:id', async (c) => {
    const record = await services.detections.cancel(c.req.param('id'));
    return record ? c.json(record) : problem(c, 404, 'detection-not-found', `No detection with id "${c.req.param('id')}".`);
  });
}

/** The request, or what is wrong with it (one line). */
function validDetection(value: unknown): DetectionJobRequest | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'the body must be an object';
  const { media, profiles, options, engine, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) return `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`;
  if (typeof media !== 'string' || !isAbsolute(media)) return '/media must be an absolute path';
  if (!Array.isArray(profiles) || !profiles.length || !profiles.every((p) => (DETECT_PROFILES as readonly unknown[]).includes(p))) {
    return `/profiles must list some of ${DETECT_PROFILES.join(', ')}`;
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) return '/options must be an object';
  for (const [profile, set] of Object.entries((options ?? {}) as Record<string, unknown>)) {
    if (!(DETECT_PROFILES as readonly string[]).includes(profile)) return `/options/${profile} is not a profile`;
    for (const [key, number] of Object.entries((set ?? {}) as Record<string, unknown>)) {
      if (!['threshold', 'minLength', 'top'].includes(key) || typeof number !== 'number' || !Number.isFinite(number)) return `/options/${profile}/${key} must be threshold, minLength or top, a number`;
    }
  }
  if (engine !== undefined && typeof engine !== 'string') return '/engine must be a string';
  return { media, profiles: profiles as DetectProfile[], ...(options ? { options: options as NonNullable<DetectionJobRequest['options']> } : {}), ...(engine ? { engine } : {}) };
}
