// An oversized body gets its 413 all the way to the client: the host answers before reading the
// rest, then keeps the connection open long enough for the answer to arrive (closing a socket with
// unread data makes the kernel send a reset, which can wipe the answer before the client reads it).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_MAX_BODY_BYTES } from '../../render-host/server/cap-body-size';
import { startTestHost, stopAllTestHosts, type TestHost } from './helpers/host-harness';
import { makeTempDir } from './helpers/media';
import { rawRequest } from './helpers/raw-request';

interface Answer {
  status: number;
  body: string;
  /** The error the request side saw, if the host stopped reading (EPIPE, ECONNRESET). */
  requestError?: string;
}

/**
 * Sends `bytes` of JSON-ish filler in 64 KiB chunks, as a slow-enough real client would, and
 * resolves with the whole answer. Rejects only when no answer arrived at all.
 */
function sendOversized(host: TestHost, bytes: number, options: { withContentLength: boolean; pauseMs?: number }): Promise<Answer> {
  const { withContentLength, pauseMs = 0 } = options;
  return new Promise((resolve, reject) => {
    let requestError: string | undefined;
    let answered = false;
    const headers: Record<string, string> = {
      Host: `127.0.0.1:${host.port}`,
      Authorization: `Bearer ${host.token}`,
      'Content-Type': 'application/json',
      ...(withContentLength ? { 'Content-Length': String(bytes) } : {}),
    };
    // A connection of its own: the host may reset it once the answer is out, and that must not reach a pooled socket.
    const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/v1/jobs', headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ...(requestError ? { requestError } : {}) }));
      res.on('error', (error) => reject(new Error(`the answer broke off: ${error.message}`)));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      requestError = error.code ?? error.message;
    });
    req.on('socket', (socket) => socket.on('error', () => {}));
    req.on('close', () => {
      // 'close' after a response is fine (resolve already ran or will on 'end'); before one, nothing came back.
      setImmediate(() => {
        if (!answered) reject(new Error(`no answer from the host (request side saw ${requestError ?? 'a close'})`));
      });
    });
    if (!withContentLength) req.setHeader('Transfer-Encoding', 'chunked');
    const chunk = Buffer.alloc(pauseMs > 0 ? 256 * 1024 : 64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes && !req.destroyed) {
        const size = Math.min(chunk.length, bytes - sent);
        sent += size;
        const flowing = req.write(size === chunk.length ? chunk : chunk.subarray(0, size));
        if (pauseMs > 0) {
          setTimeout(pump, pauseMs);
          return;
        }
        if (!flowing) {
          req.once('drain', pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

describe('render host: oversized bodies', () => {
  const temp = makeTempDir('host-body');
  let host: TestHost;
  before(async () => {
    host = await startTestHost(join(temp.dir, 'state'));
  });
  after(async () => {
    await stopAllTestHosts();
    temp.remove();
  });

  const cases = [
    { name: 'twice the limit with Content-Length', times: 2, withContentLength: true },
    { name: 'twice the limit, chunked without Content-Length', times: 2, withContentLength: false },
    // Sent in 256 KiB steps 20 ms apart: the upload lasts over a second after the answer went out.
    { name: 'twice the limit from a slow client', times: 2, withContentLength: true, chunkPauseMs: 20 },
    { name: 'twelve times the limit (96 MiB), chunked', times: 12, withContentLength: false },
  ];
  for (const c of cases) {
    it(`${c.name}: the client reads 413 body-too-large`, async () => {
      const answer = await sendOversized(host, c.times * DEFAULT_MAX_BODY_BYTES, { withContentLength: c.withContentLength, ...(c.chunkPauseMs ? { pauseMs: c.chunkPauseMs } : {}) });
      assert.equal(answer.status, 413, answer.body);
      const body = JSON.parse(answer.body) as { error: { code: string; message: string; details?: { maxBytes?: number } } };
      assert.equal(body.error.code, 'body-too-large');
      assert.equal(body.error.details?.maxBytes, DEFAULT_MAX_BODY_BYTES);
      assert.match(body.error.message, new RegExp(`${DEFAULT_MAX_BODY_BYTES} bytes`));
    });
  }

  it('a small chunked body still reaches the route (malformed JSON: 400)', async () => {
    const answer = await rawRequest(host.port, {
      method: 'POST',
      path: '/v1/jobs',
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: '{"timeline": ',
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.json().error.code, 'malformed-json');
  });

  it('the host still answers on a fresh connection afterwards', async () => {
    assert.equal((await host.client.health()).ok, true);
  });
});
