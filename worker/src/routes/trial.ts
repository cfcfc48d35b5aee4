// POST /license/trial — a 14-day trial, once per device. Asking again during the trial re-issues an
// entitlement for the same trial (that is how trial clients refresh); it never extends the end.
// Device ids are made up by the client, so new trials are also capped per client address and UTC day.
import type { Handler } from 'hono';
import { DEFAULT_SUBSCRIPTION_URL, FEATURE_FINAL_RENDER, TRIAL_LENGTH_SECONDS } from '../../../protocol/licensing';
import { randomHex } from '../crypto-util';
import { objectNamed } from '../durable/namespace';
import { numberVar, type AppEnv } from '../env';
import { clientIp, fail, readJsonObject } from '../http';
import { rateLimit } from '../rate-limit';
import { signEntitlement } from '../signing';
import { Invalid, parse, trialRequest } from '../validate';

const DEFAULT_TRIALS_PER_IP_PER_DAY = 3;

export const trialRoute: Handler<AppEnv> = async (c) => {
  const ip = clientIp(c);
  const limited = await rateLimit(c, 'ip', ip);
  if (limited) return limited;
  const body = await readJsonObject(c);
  if (typeof body === 'string') return fail(c, 'malformed-request', body);
  const request = parse(trialRequest, body);
  if (request instanceof Invalid) return fail(c, 'malformed-request', request.message);
  const subscriptionUrl = c.env.SUBSCRIPTION_URL ?? DEFAULT_SUBSCRIPTION_URL;

  const now = Date.now();
  const device = objectNamed(c.env.DEVICE_TRIALS, request.deviceId);
  let trial = await device.find(request.deviceId);
  if (!trial) {
    const perDay = numberVar(c.env.TRIALS_PER_IP_PER_DAY, DEFAULT_TRIALS_PER_IP_PER_DAY);
    const start = await device.start(request.deviceId, {
      id: `trial_${randomHex(8)}`,
      deviceName: request.deviceName ?? 'Unnamed device',
      startedAt: new Date(now).toISOString(),
      endsAt: new Date(now + TRIAL_LENGTH_SECONDS * 1000).toISOString(),
    }, { address: ip, perDay }, now);
    if ('refused' in start) {
      const hours = Math.ceil(start.retryAfterSeconds / 3600);
      return fail(c, 'rate-limited',
        `This address has started ${perDay} free trials today, the most one address may start in a day; try again in about ${hours} h, or buy a licence.`,
        { retryAfterSeconds: start.retryAfterSeconds, subscriptionUrl });
    }
    trial = start.trial;
  }
  const endsAt = Date.parse(trial.endsAt);
  if (endsAt <= now) {
    return fail(c, 'trial-already-used', `The free trial on this device ended on ${trial.endsAt.slice(0, 10)}; buy a licence to keep rendering.`, {
      subscriptionUrl,
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
