// Fixed-window request limits per client IP and per licence key, each counted by its own
// RequestCounter Durable Object: exact under concurrency (the check and the count are one step).
import type { Context } from 'hono';
import type { AppEnv, Env } from './env';
import { numberVar } from './env';
import { objectNamed } from './durable/namespace';
import type { RequestCounter } from './durable/request-counter';
import { fail } from './http';

export type CounterScope = 'ip' | 'key' | 'trial-ip';

/** The counter for one scope and id; the name keeps scopes apart (an IP and a key hash never collide). */
export function counter(env: Env, scope: CounterScope, id: string): RequestCounter {
  return objectNamed(env.REQUEST_COUNTERS, `${scope}:${id}`);
}

/** Counts this request; returns a 429 response when the window's budget is spent. */
export async function rateLimit(c: Context<AppEnv>, scope: 'ip' | 'key', id: string): Promise<Response | undefined> {
  const env = c.env;
  const limit = numberVar(scope === 'ip' ? env.RATE_LIMIT_PER_IP : env.RATE_LIMIT_PER_KEY, scope === 'ip' ? 60 : 20);
  const windowSeconds = numberVar(env.RATE_LIMIT_WINDOW_SECONDS, 60);
  const outcome = await counter(env, scope, id).take(limit, windowSeconds);
  if (outcome.allowed) return undefined;
  const { retryAfterSeconds } = outcome;
  const who = scope === 'ip' ? 'this address' : 'this licence key';
  return fail(c, 'rate-limited', `Too many requests from ${who}; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}
