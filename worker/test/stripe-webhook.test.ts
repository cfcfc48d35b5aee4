// Stripe webhooks against the real Worker: signatures we compute with Node's createHmac.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { device, startWorker, stripeSignature, STRIPE_SECRET, type WorkerUnderTest } from './harness';

const PRODUCT = { product: 'atropos-timeline', version: '0.1.0' };
const keyHash = (key: string) => createHash('sha256').update(`atropos-license-key\n${key}`).digest('hex');

describe('POST /stripe/webhook', () => {
  let w: WorkerUnderTest;
  let licenseKey = '';

  before(async () => {
    w = await startWorker();
  });
  after(() => w.close());

  async function send(event: unknown, signature?: string) {
    const payload = JSON.stringify(event);
    return w.call('POST', '/stripe/webhook', payload, { 'stripe-signature': signature ?? stripeSignature(payload) });
  }

  const checkout = {
    id: 'evt_checkout_1',
    type: 'checkout.session.completed',
    data: { object: { id: 'cs_test_1', customer: 'cus_1', subscription: 'sub_1', customer_details: { email: 'grace@example.com' }, metadata: { maxDevices: '5' } } },
  };

  it('refuses a bad signature with 400 and changes nothing', async () => {
    const r = await send(checkout, stripeSignature(JSON.stringify(checkout), 'whsec_wrong'));
    assert.equal(r.status, 400);
    assert.equal(r.json.error, 'invalid-signature');
    assert.match(String(r.json.message), /no signature matches/);
    assert.deepEqual(await w.kvKeys('license:'), []);
    assert.deepEqual(await w.kvKeys('stripe-event:'), []);
  });

  it('refuses a missing header and a stale timestamp', async () => {
    const missing = await w.call('POST', '/stripe/webhook', JSON.stringify(checkout));
    assert.equal(missing.status, 400);
    const stale = await send(checkout, stripeSignature(JSON.stringify(checkout), STRIPE_SECRET, Math.floor(Date.now() / 1000) - 600));
    assert.equal(stale.status, 400);
    assert.match(String(stale.json.message), /outside the 300 s tolerance/);
    assert.deepEqual(await w.kvKeys('license:'), []);
  });

  it('checkout.session.completed creates a licence; a replay is applied once', async () => {
    // The success page asks before the webhook has arrived: pending, with when to retry.
    const early = await w.call('GET', '/license/checkout/cs_test_1');
    assert.equal(early.status, 404);
    assert.equal(early.json.error, 'checkout-pending');
    assert.equal(early.headers.get('retry-after'), '3');
    const r = await send(checkout);
    assert.equal(r.status, 200);
    assert.equal(r.json.outcome, 'applied');
    const delivery = (await w.kvGet('checkout-key:cs_test_1')) as { licenseKey: string };
    licenseKey = delivery.licenseKey;
    const record = (await w.kvGet(`license:${keyHash(licenseKey)}`)) as Record<string, unknown>;
    assert.equal(record.status, 'active');
    assert.equal(record.maxDevices, 5);
    assert.equal(record.email, 'grace@example.com');
    assert.equal(record.stripeSubscriptionId, 'sub_1');
    assert.equal(await w.kvGet('stripe-sub:sub_1'), keyHash(licenseKey));
    assert.equal(((await w.kvGet('stripe-event:evt_checkout_1')) as { type: string }).type, 'checkout.session.completed');

    const replay = await send(checkout);
    assert.equal(replay.status, 200);
    assert.equal(replay.json.duplicate, true);
    assert.equal((await w.kvKeys('license:')).length, 1);
    assert.equal((await w.call('POST', '/license/verify', { licenseKey, deviceId: device('s'), ...PRODUCT })).status, 200);

    // The success page gets the same key, which activates.
    const delivered = await w.call('GET', '/license/checkout/cs_test_1');
    assert.equal(delivered.status, 200);
    assert.equal(delivered.json.licenseKey, licenseKey);
    assert.equal(delivered.headers.get('cache-control'), 'no-store');
    const bad = await w.call('GET', '/license/checkout/evt_checkout_1');
    assert.equal(bad.status, 400);
    assert.match(String(bad.json.message), /not a Stripe Checkout session id/);
  });

  it('invoice.payment_failed lapses the licence (verify → 402); subscription.updated active restores it', async () => {
    const failed = await send({ id: 'evt_inv_1', type: 'invoice.payment_failed', data: { object: { id: 'in_1', parent: { subscription_details: { subscription: 'sub_1' } } } } });
    assert.equal(failed.json.outcome, 'applied');
    assert.equal(((await w.kvGet(`license:${keyHash(licenseKey)}`)) as { status: string }).status, 'lapsed');
    assert.equal((await w.call('POST', '/license/verify', { licenseKey, deviceId: device('s'), ...PRODUCT })).status, 402);

    await send({ id: 'evt_sub_1', type: 'customer.subscription.updated', data: { object: { id: 'sub_1', status: 'active' } } });
    assert.equal(((await w.kvGet(`license:${keyHash(licenseKey)}`)) as { status: string }).status, 'active');
    assert.equal((await w.call('POST', '/license/verify', { licenseKey, deviceId: device('s'), ...PRODUCT })).status, 200);
  });

  it('customer.subscription.deleted cancels; replaying an older event does not undo it', async () => {
    await send({ id: 'evt_sub_del', type: 'customer.subscription.deleted', data: { object: { id: 'sub_1', status: 'canceled' } } });
    assert.equal(((await w.kvGet(`license:${keyHash(licenseKey)}`)) as { status: string }).status, 'canceled');
    const replay = await send({ id: 'evt_sub_1', type: 'customer.subscription.updated', data: { object: { id: 'sub_1', status: 'active' } } });
    assert.equal(replay.json.duplicate, true);
    assert.equal(((await w.kvGet(`license:${keyHash(licenseKey)}`)) as { status: string }).status, 'canceled');
  });

  it('an unknown event type is ignored with 200 and remembered', async () => {
    const r = await send({ id: 'evt_other', type: 'customer.created', data: { object: { id: 'cus_2' } } });
    assert.equal(r.status, 200);
    assert.equal(r.json.outcome, 'ignored');
    assert.equal((await w.kvKeys('license:')).length, 1);
    assert.ok(await w.kvGet('stripe-event:evt_other'));
  });

  it('a signed body that is not a Stripe event is 400', async () => {
    const r = await send({ hello: 'world' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error, 'malformed-request');
  });
});
