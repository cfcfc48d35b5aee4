// Seats, rate limits and trials under concurrent requests, in real workerd: each is counted by a
// Durable Object, so the limits are exact (KV, eventually consistent, let 4–10 of 10 activations of
// a 3-seat licence through, and 70 of 70 requests past a limit of 60).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { adminHeaders, device, licenseKeyHash, startWorker, type WorkerUnderTest } from './harness';

const PRODUCT = { product: 'atropos-timeline', version: '0.1.0' };

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

describe('seats under concurrency', () => {
  let w: WorkerUnderTest;
  before(async () => {
    // Every request comes from one address here; the address limit is not what this tests.
    w = await startWorker({ bindings: { RATE_LIMIT_PER_IP: '100000' } });
  });
  after(() => w.close());

  it('10 concurrent activations of a 3-seat licence issue exactly 3, in 20 rounds; deactivate frees one', async () => {
    const granted: number[] = [];
    for (let round = 0; round < 20; round++) {
      const key = String((await w.call('POST', '/admin/licenses', { maxDevices: 3 }, adminHeaders)).json.licenseKey);
      const devices = Array.from({ length: 10 }, (_, i) => device(`r${round}-d${i}`));
      const answers = await Promise.all(devices.map((d) => w.call('POST', '/license/verify', { licenseKey: key, deviceId: d, ...PRODUCT })));
      assert.deepEqual(tally(answers.map((a) => a.status)), { 200: 3, 403: 7 }, `round ${round}`);
      granted.push(answers.filter((a) => a.status === 200).length);
      assert.equal((await w.seats(key)).devicesUsed, 3, `round ${round}: seats counted afterwards`);

      const winner = devices[answers.findIndex((a) => a.status === 200)] as string;
      const loser = devices[answers.findIndex((a) => a.status === 403)] as string;
      assert.deepEqual((await w.call('POST', '/license/deactivate', { licenseKey: key, deviceId: winner })).json, { released: true, devicesUsed: 2, maxDevices: 3 });
      assert.equal((await w.call('POST', '/license/verify', { licenseKey: key, deviceId: loser, ...PRODUCT })).status, 200);
      assert.equal((await w.call('POST', '/license/verify', { licenseKey: key, deviceId: winner, ...PRODUCT })).status, 403);
      assert.equal((await w.seats(key)).devicesUsed, 3);
    }
    assert.deepEqual(granted, Array(20).fill(3));
  });

  it('seats recorded in KV before the migration are adopted by the Durable Object', async () => {
    const key = String((await w.call('POST', '/admin/licenses', { maxDevices: 2 }, adminHeaders)).json.licenseKey);
    const kvKey = `license:${licenseKeyHash(key)}`;
    const record = (await w.kvGet(kvKey)) as Record<string, unknown>;
    const seat = (name: string) => ({ name, activatedAt: `2026-01-0${name.length}T00:00:00.000Z`, lastSeenAt: '2026-02-01T00:00:00.000Z' });
    await w.kvPut(kvKey, { ...record, devices: { [device('old-1')]: seat('Old'), [device('old-2')]: seat('Older') } });
    const full = await w.call('POST', '/license/verify', { licenseKey: key, deviceId: device('new'), ...PRODUCT });
    assert.equal(full.status, 403);
    assert.deepEqual((full.json.devices as Array<{ name: string }>).map((d) => d.name), ['Old', 'Older']);
    assert.equal((await w.call('POST', '/license/verify', { licenseKey: key, deviceId: device('old-1'), ...PRODUCT })).status, 200);
    assert.deepEqual((await w.call('POST', '/license/deactivate', { licenseKey: key, deviceId: device('old-2') })).json, { released: true, devicesUsed: 1, maxDevices: 2 });
    assert.equal((await w.call('POST', '/license/verify', { licenseKey: key, deviceId: device('new'), ...PRODUCT })).status, 200);
    assert.deepEqual((await w.seats(key)).devices.map((d) => d.name), ['Old', 'Unnamed device']);
  });
});

describe('rate limits under concurrency', () => {
  let w: WorkerUnderTest;
  before(async () => {
    w = await startWorker({ bindings: { RATE_LIMIT_PER_IP: '60', RATE_LIMIT_PER_KEY: '60', RATE_LIMIT_WINDOW_SECONDS: '3600' } });
  });
  after(() => w.close());

  it('70 concurrent requests from one address against a limit of 60: exactly 60 pass', async () => {
    const ip = { 'cf-connecting-ip': '198.51.100.60' };
    const answers = await Promise.all(Array.from({ length: 70 }, (_, i) =>
      w.call('POST', '/license/verify', { licenseKey: `ATRO-00000-00000-00000-${String(i).padStart(5, '0')}`, deviceId: device('x'), ...PRODUCT }, ip)));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 401: 60, 429: 10 });
    for (const a of answers.filter((x) => x.status === 429)) assert.equal(a.json.error, 'rate-limited');
  });

  it('70 concurrent requests for one key from 70 addresses against a limit of 60: exactly 60 pass', async () => {
    const answers = await Promise.all(Array.from({ length: 70 }, (_, i) =>
      w.call('POST', '/license/verify', { licenseKey: 'ATRO-11111-11111-11111-11111', deviceId: device('y'), ...PRODUCT }, { 'cf-connecting-ip': `192.0.2.${i}` })));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 401: 60, 429: 10 });
  });
});

describe('trials: one per device, a few per address and day', () => {
  let w: WorkerUnderTest;
  before(async () => {
    w = await startWorker({ bindings: { TRIALS_PER_IP_PER_DAY: '3' } });
  });
  after(() => w.close());

  it('20 made-up device ids from one address: 3 trials, then 429 with the reason', async () => {
    const ip = { 'cf-connecting-ip': '203.0.113.20' };
    const ids = Array.from({ length: 20 }, () => randomBytes(32).toString('hex'));
    const answers = await Promise.all(ids.map((deviceId) => w.call('POST', '/license/trial', { deviceId }, ip)));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 200: 3, 429: 17 });
    const refused = answers.find((a) => a.status === 429);
    assert.equal(refused?.json.error, 'rate-limited');
    assert.match(String(refused?.json.message), /^This address has started 3 free trials today, the most one address may start in a day; try again in about \d+ h, or buy a licence\.$/);
    const retryAfter = Number(refused?.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 86400, `Retry-After ${retryAfter}`);
    assert.equal(refused?.json.subscriptionUrl, 'https://atropos.app/pricing');

    // A device that has its trial gets it back from that address all the same: only new trials are capped.
    const started = ids[answers.findIndex((a) => a.status === 200)] as string;
    const again = await w.call('POST', '/license/trial', { deviceId: started }, ip);
    assert.equal(again.status, 200);
    // Another address is not affected.
    assert.equal((await w.call('POST', '/license/trial', { deviceId: ids[19] }, { 'cf-connecting-ip': '203.0.113.21' })).status, 200);
  });

  it('20 made-up device ids from 20 addresses of one IPv6 /64: 3 trials', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      w.call('POST', '/license/trial', { deviceId: randomBytes(32).toString('hex') }, { 'cf-connecting-ip': `2001:db8:1:2::${(i + 1).toString(16)}` })));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 200: 3, 429: 17 });
  });

  it('10 concurrent requests from one device get one and the same trial, and use one of the address\'s trials', async () => {
    const ip = { 'cf-connecting-ip': '203.0.113.30' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => w.call('POST', '/license/trial', { deviceId: device('same') }, ip)));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 200: 10 });
    assert.equal(new Set(answers.map((a) => decodeJwt(String(a.json.token)).sub)).size, 1);
    assert.equal(new Set(answers.map((a) => a.json.termEndsAt)).size, 1);
    // Two more new devices fit in the cap of 3, the next does not.
    const more = [];
    for (const name of ['n1', 'n2', 'n3']) more.push((await w.call('POST', '/license/trial', { deviceId: device(name) }, ip)).status);
    assert.deepEqual(more, [200, 200, 429]);
  });
});
