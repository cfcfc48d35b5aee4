// Path mapping between machines' mount points, and the Redis URLs workers accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionFrom } from './connection';
import { mapPath, parsePathMap } from './path-map';

test('--path-map FROM=TO rewrites whole-folder prefixes only, the first match wins', () => {
  const maps = [parsePathMap('/Users/ada/Projects=/mnt/projects'), parsePathMap('/Users/ada=/home/ada')];
  assert.equal(mapPath('/Users/ada/Projects/promo/city.mp4', maps), '/mnt/projects/promo/city.mp4');
  assert.equal(mapPath('/Users/ada/fonts/x.ttf', maps), '/home/ada/fonts/x.ttf');
  assert.equal(mapPath('/Users/adam/x.mp4', maps), '/Users/adam/x.mp4', 'a longer folder name is not a prefix');
  assert.throws(() => parsePathMap('/only-from'), /--path-map takes FROM=TO \(got "\/only-from"\)/);
});

test('Redis URLs: host, port, database and credentials; anything else is refused', () => {
  assert.deepEqual(
    (({ host, port, db, username, password }) => ({ host, port, db, username, password }))(connectionFrom('redis://farm:s%40cret@10.0.0.5:6380/2') as Record<string, unknown>),
    { host: '10.0.0.5', port: 6380, db: 2, username: 'farm', password: 's@cret' },
  );
  assert.throws(() => connectionFrom('http://farm:6379'), /"http:\/\/farm:6379" is not a Redis URL \(redis:\/\/HOST:PORT\)/);
  assert.throws(() => connectionFrom('redis://farm:6379/x'), /names no database number/);
});
