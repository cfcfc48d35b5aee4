// One shape for every error the Worker sends: `{ error, message, … }` with the status the contract assigns.
import type { Context } from 'hono';
import { LICENSING_ERROR_STATUS, type LicensingErrorBody, type LicensingErrorCode } from '../../protocol/licensing';
import { addressKey } from './client-address';
import type { AppEnv } from './env';

export function fail(
  c: Context<AppEnv>,
  error: LicensingErrorCode,
  message: string,
  extra: Omit<LicensingErrorBody, 'error' | 'message'> = {},
): Response {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (extra.retryAfterSeconds !== undefined) headers['retry-after'] = String(extra.retryAfterSeconds);
  const body: LicensingErrorBody = { error, message, ...extra };
  return c.json(body, LICENSING_ERROR_STATUS[error], headers);
}

const MAX_BODY_BYTES = 16 * 1024;

/** The JSON object body, or a string saying why it is not one. */
export async function readJsonObject(c: Context<AppEnv>): Promise<Record<string, unknown> | string> {
  const text = await c.req.text();
  if (text.length > MAX_BODY_BYTES) return 'the request body is too large';
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    return 'the request body must be a JSON object';
  } catch {
    return 'the request body is not valid JSON';
  }
}

/** The client's address as limits count it (an IPv6 address's /64; see client-address.ts). */
export function clientIp(c: Context<AppEnv>): string {
  const ip = c.req.header('cf-connecting-ip')?.trim();
  return ip ? addressKey(ip) : 'unknown';
}
