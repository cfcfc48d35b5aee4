// GET /license/checkout/:sessionId — the key bought in a Stripe Checkout session, for the success
// page Stripe redirects to (`success_url=…?session_id={CHECKOUT_SESSION_ID}`). The session id is the
// secret Stripe hands only to the buyer; the key is kept for 7 days after the webhook, then only its hash.
import type { Handler } from 'hono';
import { CHECKOUT_SESSION_ID_PATTERN, type CheckoutKeyResponse } from '../../../protocol/licensing';
import type { AppEnv } from '../env';
import { clientIp, fail } from '../http';
import { getJson, kvKeys } from '../kv-records';
import { rateLimit } from '../rate-limit';

/** Stripe usually delivers the webhook within seconds of the redirect. */
const PENDING_RETRY_SECONDS = 3;

export const checkoutKeyRoute: Handler<AppEnv> = async (c) => {
  const limited = await rateLimit(c, 'ip', clientIp(c));
  if (limited) return limited;
  const sessionId = c.req.param('sessionId') ?? '';
  if (!CHECKOUT_SESSION_ID_PATTERN.test(sessionId)) {
    return fail(c, 'malformed-request', 'This is not a Stripe Checkout session id (cs_test_… or cs_live_…).');
  }
  const delivery = await getJson<CheckoutKeyResponse>(c.env.LICENSES, kvKeys.checkoutKey(sessionId));
  if (!delivery) {
    return fail(c, 'checkout-pending',
      'No licence for this checkout yet: the payment confirmation usually arrives within seconds, so retry shortly. Keys are shown here for 7 days; after that, ask support.',
      { retryAfterSeconds: PENDING_RETRY_SECONDS });
  }
  return c.json({ licenseKey: delivery.licenseKey, licenseId: delivery.licenseId } satisfies CheckoutKeyResponse, 200, { 'cache-control': 'no-store' });
};
