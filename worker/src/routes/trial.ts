// POST /license/trial — a 14-day trial, once per device. Asking again during the trial re-issues an
// entitlement for the same trial (that is how trial clients refresh); it never extends the end.
import type { Handler } from 'hono';
import { DEFAULT_SUBSCRIPTION_URL, FEATURE_FINAL_RENDER, TRIAL_LENGTH_SECONDS } from '../../../protocol/licensing';
import { randomHex } from '../crypto-util';
import type { AppEnv } from '../env';
import { clientIp, fail, readJsonObject } from '../http';
import { getJson, kvKeys, putJson, type TrialRecord } from '../kv-records';
import { rateLimit } from '../rate-limit';
import { signEntitlement } from '../signing';
import { Invalid, parse, trialRequest } from '../validate';

export const trialRoute: Handler<AppEnv> = async (c) => {
  const limited = await rateLimit(c, 'ip', clientIp(c));
  if (limited) return limited;
  const body = await readJsonObject(c);
  if (typeof body === 'string') return fail(c, 'malformed-request', body);
  const request = parse(trialRequest, body);
  if (request instanceof Invalid) return fail(c, 'malformed-request', request.message);

  const now = Date.now();
  const key = kvKeys.trial(request.deviceId);
  let trial = await getJson<TrialRecord>(c.env.LICENSES, key);
  if (!trial) {
    trial = {
      id: `trial_${randomHex(8)}`,
      deviceName: request.deviceName ?? 'Unnamed device',
      startedAt: new Date(now).toISOString(),
      endsAt: new Date(now + TRIAL_LENGTH_SECONDS * 1000).toISOString(),
    };
    await putJson(c.env.LICENSES, key, trial);
  }
  const endsAt = Date.parse(trial.endsAt);
  if (endsAt <= now) {
    return fail(c, 'trial-already-used', `The free trial on this device ended on ${trial.endsAt.slice(0, 10)}; buy a licence to keep rendering.`, {
      subscriptionUrl: c.env.SUBSCRIPTION_URL ?? DEFAULT_SUBSCRIPTION_URL,
    });
  }
  const entitlement = await signEntitlement(c.env, {
    subject: trial.id,
    device: request.deviceId,
    plan: 'trial',
    features: [FEATURE_FINAL_RENDER],
    notAfter: Math.floor(endsAt / 1000),
  }, now);
  return c.json(entitlement, 200, { 'cache-control': 'no-store' });
};
