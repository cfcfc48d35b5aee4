import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isProxyOf, proxyFolder, proxyPath } from './proxy-paths';

describe('proxy paths', () => {
  it('puts one proxy per revision in .atropos/preview beside the timeline', () => {
    assert.equal(proxyFolder('/w/edits/promo.timeline.yaml'), '/w/edits/.atropos/preview');
    assert.equal(proxyPath('/w/edits/promo.timeline.yaml', 7), '/w/edits/.atropos/preview/promo.r7.mp4');
  });
  it('recognises only this timeline’s proxies', () => {
    assert.equal(isProxyOf('/w/promo.timeline.yaml', 'promo.r7.mp4'), true);
    assert.equal(isProxyOf('/w/promo.timeline.yaml', 'promo.final.r7.mp4'), false);
    assert.equal(isProxyOf('/w/promo.timeline.yaml', 'promo2.r7.mp4'), false);
    assert.equal(isProxyOf('/w/promo.timeline.yaml', 'promo.r7.mp4.tmp'), false);
  });
});
