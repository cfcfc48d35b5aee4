// POST /stripe/webhook — verified with the Stripe-Signature header, applied once per event id.
import type { Handler } from 'hono';
import type { AppEnv } from '../env';
import { fail } from '../http';
import { getJson, kvKeys, putJson, STRIPE_EVENT_TTL_SECONDS, type StripeEventMarker } from '../kv-records';
import { handleStripeEvent, type StripeEvent } from '../stripe-events';
import { verifyStripeSignature } from '../stripe-signature';

export const stripeWebhookRoute: Handler<AppEnv> = async (c) => {
  const raw = await c.req.text();
  const check = await verifyStripeSignature(c.req.header('stripe-signature'), raw, c.env.STRIPE_WEBHOOK_SECRET ?? '');
  if (!check.ok) return fail(c, 'invalid-signature', `Webhook refused: ${check.reason}.`);
  let event: StripeEvent;
  try {
    event = JSON.parse(raw) as StripeEvent;
  } catch {
    return fail(c, 'malformed-request', 'The webhook body is not JSON.');
  }
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.data?.object !== 'object' || event.data.object === null) {
    return fail(c, 'malformed-request', 'The webhook body is not a Stripe event.');
  }
  const markerKey = kvKeys.stripeEvent(event.id);
  if (await getJson<StripeEventMarker>(c.env.LICENSES, markerKey)) {
    return c.json({ received: true, duplicate: true }, 200);
  }
  // Apply, then mark: if applying fails, Stripe retries and the event is not lost.
  const outcome = await handleStripeEvent(c.env, event);
  const marker: StripeEventMarker = { type: event.type, processedAt: new Date().toISOString() };
  await putJson(c.env.LICENSES, markerKey, marker, STRIPE_EVENT_TTL_SECONDS);
  return c.json({ received: true, outcome }, 200);
};
