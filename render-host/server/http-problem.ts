// Every error the host answers with has one shape: `{ error: { code, message, details } }`.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { HostErrorBody, HostErrorDetails } from '../../protocol/render-host';

export function problem(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: HostErrorDetails): Response {
  const body: HostErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
  return c.json(body, status);
}
