// A bare HTTP request with full control of the headers (fetch won't let a test forge Host).
import { request } from 'node:http';

const guarded = new WeakSet<object>();

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = { error: { code: string; message: string; details?: { problems?: { pointer: string; message: string }[] } } }>(): T;
}

export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    // The host may answer (413) and close before a huge body is fully sent: that is not a test failure.
    const ignoreHangUp = (error: NodeJS.ErrnoException): void => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    };
    req.on('error', ignoreHangUp);
    req.on('socket', (socket) => {
      // Keep-alive sockets are reused across requests: guard each one once.
      if (guarded.has(socket)) return;
      guarded.add(socket);
      socket.on('error', () => {});
    });
    req.end(options.body);
  });
}
