// The request body as JSON, or a 400 that says where the JSON broke.
import type { Context } from 'hono';
import { problem } from './http-problem';

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

export async function readJson(c: Context): Promise<JsonBody> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: problem(c, 415, 'unsupported-media-type', `Send the body as application/json (got ${type ? `"${type}"` : 'no Content-Type'}).`) };
  }
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, response: problem(c, 400, 'malformed-json', `The body is not valid JSON: ${(error as Error).message}`) };
  }
}
