// What each Stripe event does to our licences. Unknown event types are ignored (Stripe sends many).
import type { Env } from './env';
import { createLicense } from './create-license';
import {
  CHECKOUT_KEY_TTL_SECONDS,
  getJson,
  getLicense,
  kvKeys,
  putJson,
  putLicense,
  type LicenseStatus,
} from './kv-records';

export interface StripeEvent {
  id: string;
  type: string;
  data: { object: Record<string, unknown> };
}

export type StripeOutcome = 'applied' | 'ignored';

type Handler = (env: Env, object: Record<string, unknown>) => Promise<StripeOutcome>;

const handlers: Record<string, Handler> = {
  'checkout.session.completed': checkoutCompleted,
  'customer.subscription.updated': (env, sub) => setStatusFromSubscription(env, str(sub.id), subscriptionStatus(str(sub.status))),
  'customer.subscription.deleted': (env, sub) => setStatusFromSubscription(env, str(sub.id), 'canceled'),
  'invoice.payment_failed': (env, invoice) => setStatusFromSubscription(env, invoiceSubscription(invoice), 'lapsed'),
};

/** The events the Stripe webhook endpoint must send (infrastructure/terraform/modules/stripe-webhook lists them too). */
export const HANDLED_STRIPE_EVENTS = Object.keys(handlers);

export function handleStripeEvent(env: Env, event: StripeEvent): Promise<StripeOutcome> {
  const handler = handlers[event.type];
  return handler ? handler(env, event.data.object) : Promise.resolve('ignored');
}

async function checkoutCompleted(env: Env, session: Record<string, unknown>): Promise<StripeOutcome> {
  const sessionId = str(session.id);
  if (!sessionId) return 'ignored';
  const details = session.customer_details as { email?: unknown } | undefined;
  const email = str(details?.email) ?? str(session.customer_email);
  const metadata = (session.metadata ?? {}) as Record<string, unknown>;
  const seats = Number(metadata.maxDevices);
  const subscription = str(session.subscription);
  const customer = str(session.customer);
  const created = await createLicense(env, {
    ...(email ? { email } : {}),
    ...(Number.isInteger(seats) && seats > 0 ? { maxDevices: seats } : {}),
    ...(customer ? { stripeCustomerId: customer } : {}),
    ...(subscription ? { stripeSubscriptionId: subscription } : {}),
  });
  if (subscription) await putJson(env.LICENSES, kvKeys.stripeSubscription(subscription), created.keyHash);
  // The only place the plain key is kept: for the checkout success page / receipt mail, briefly.
  await putJson(env.LICENSES, kvKeys.checkoutKey(sessionId), { licenseKey: created.licenseKey, licenseId: created.record.id }, CHECKOUT_KEY_TTL_SECONDS);
  return 'applied';
}

async function setStatusFromSubscription(env: Env, subscriptionId: string | undefined, status: LicenseStatus): Promise<StripeOutcome> {
  if (!subscriptionId) return 'ignored';
  const keyHash = await getJson<string>(env.LICENSES, kvKeys.stripeSubscription(subscriptionId));
  if (!keyHash) return 'ignored';
  const license = await getLicense(env.LICENSES, keyHash);
  // A revoked licence stays revoked whatever billing says.
  if (!license || license.status === 'revoked') return 'ignored';
  license.status = status;
  license.updatedAt = new Date().toISOString();
  await putLicense(env.LICENSES, keyHash, license);
  return 'applied';
}

/** Stripe subscription statuses → ours: paying (or in Stripe's own trial) is active; canceled is final; the rest lapsed. */
function subscriptionStatus(status: string | undefined): LicenseStatus {
  if (status === 'active' || status === 'trialing') return 'active';
  if (status === 'canceled') return 'canceled';
  return 'lapsed';
}

/** Older API versions put the subscription on the invoice; newer ones under parent.subscription_details. */
function invoiceSubscription(invoice: Record<string, unknown>): string | undefined {
  const direct = invoice.subscription;
  if (typeof direct === 'string') return direct;
  if (direct && typeof direct === 'object') return str((direct as { id?: unknown }).id);
  const parent = invoice.parent as { subscription_details?: { subscription?: unknown } } | undefined;
  return str(parent?.subscription_details?.subscription);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
