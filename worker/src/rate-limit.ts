// Fixed-window request counters in KV, per client IP and per licence key. KV is eventually
// consistent, so the limit is approximate across data centres: it slows guessing, it is not a quota.
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { numberVar } from './env';
import { fail } from './http';
import { kvKeys } from './kv-records';

/** KV refuses expirationTtl below 60 seconds. */
const MIN_TTL_SECONDS = 60;

/** Counts this request; returns a 429 response when the window's budget is spent. */
export async function rateLimit(c: Context<AppEnv>, scope: 'ip' | 'key', id: string): Promise<Response | undefined> {
  const env = c.env;
  const limit = numberVar(scope === 'ip' ? env.RATE_LIMIT_PER_IP : env.RATE_LIMIT_PER_KEY, scope === 'ip' ? 60 : 20);
  const windowSeconds = numberVar(env.RATE_LIMIT_WINDOW_SECONDS, 60);
  const now = Math.floor(Date.now() / 1000);
  const window = Math.floor(now / windowSeconds);
  const key = kvKeys.rate(scope, id, window);
  const count = Number((await env.LICENSES.get(key)) ?? '0');
  if (count >= limit) {
    const retryAfterSeconds = Math.max(1, (window + 1) * windowSeconds - now);
    const who = scope === 'ip' ? 'this address' : 'this licence key';
    return fail(c, 'rate-limited', `Too many requests from ${who}; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
  await env.LICENSES.put(key, String(count + 1), { expirationTtl: Math.max(MIN_TTL_SECONDS, windowSeconds * 2) });
  return undefined;
}
