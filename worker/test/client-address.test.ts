// Limits count an IPv6 client by its /64 (one subscriber line), an IPv4 client by its address.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addressKey } from '../src/client-address';

describe('addressKey', () => {
  it('keeps IPv4 addresses and cuts IPv6 ones to their /64', () => {
    assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3:8d3::/64');
    assert.equal(addressKey('2001:0DB8:0000:0001:ffff::1'), '2001:db8:0:1::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.equal(addressKey('::ffff:192.0.2.1'), '0:0:0:0::/64');
    // Not an address: counted as given, never merged with others.
    assert.equal(addressKey('1::2::3'), '1::2::3');
    assert.equal(addressKey('zz::1'), 'zz::1');
  });
});
