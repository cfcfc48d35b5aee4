// GET /.well-known/jwks.json — the current and previous public keys, so keys rotate without breaking clients.
import type { Handler } from 'hono';
import type { AppEnv } from '../env';
import { publishedKeys } from '../signing';

export const jwksRoute: Handler<AppEnv> = (c) =>
  c.json(publishedKeys(c.env), 200, { 'cache-control': 'public, max-age=300' });
