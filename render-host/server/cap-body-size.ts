// Bounded request bodies: a timeline is kilobytes, so a few megabytes is generous and a runaway
// or hostile client cannot make the host buffer gigabytes.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from './http-problem';

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

export function capBodySize(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => problem(c, 413, 'body-too-large', `Request bodies are limited to ${maxBytes} bytes.`, { maxBytes }),
  });
}
