// Bounded request bodies: a timeline is kilobytes, so a few megabytes is generous and a runaway
// or hostile client cannot make the host buffer gigabytes. A refused body is read to its end and
// thrown away before the 413 goes out: Node closes a connection that answers a request it has not
// fully received, the unread bytes make the kernel reset it, and a client still uploading would
// then see EPIPE instead of our answer.
import type { MiddlewareHandler } from 'hono';
import { discardRest } from './discard-rest';
import { problem } from './http-problem';

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

export function capBodySize(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const refuse = async (reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Response> => {
      await discardRest(reader);
      return problem(c, 413, 'body-too-large', `Request bodies are limited to ${maxBytes} bytes.`, { maxBytes });
    };
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > maxBytes ? refuse(body.getReader()) : next();
    }
    // No length announced (chunked): count while reading, and hand the routes what was read.
    const reader = body.getReader();
    const read = await readAtMost(reader, maxBytes);
    if (!read) return refuse(reader);
    c.req.raw = new Request(c.req.raw, { body: read });
    return next();
  };
}

/** The whole body, or undefined as soon as it grows past `maxBytes` (the reader is left mid-stream). */
async function readAtMost(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) return undefined;
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}
