import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCubeLut } from './cube-lut';

const identity2 = ['0 0 0', '1 0 0', '0 1 0', '1 1 0', '0 0 1', '1 0 1', '0 1 1', '1 1 1'];

test('a size-2 LUT with a title, comments and a domain reads', () => {
  assert.deepEqual(parseCubeLut(`# made by hand\nTITLE "id"\nLUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\n\n${identity2.join('\n')}\n`),
    { ok: true, size: 2, domainMin: [0, 0, 0], domainMax: [1, 1, 1] });
});

test('wrong files say what and where', () => {
  assert.deepEqual(parseCubeLut(`LUT_3D_SIZE 2\n${identity2.slice(1).join('\n')}`), { ok: false, message: 'LUT_3D_SIZE 2 needs 8 entries (2³), the file has 7', line: 2 });
  assert.deepEqual(parseCubeLut('LUT_1D_SIZE 1024\n0 0 0'), { ok: false, message: 'a 1D LUT (LUT_1D_SIZE); lut needs a 3D LUT (LUT_3D_SIZE)', line: 1 });
  assert.deepEqual(parseCubeLut('LUT_3D_SIZE 300'), { ok: false, message: 'LUT_3D_SIZE must be a whole number from 2 to 256, not 300', line: 1 });
  assert.deepEqual(parseCubeLut(`LUT_3D_SIZE 2\n0 0 0\n1 x 0`), { ok: false, message: 'expected three numbers (r g b), found "1 x 0"', line: 3 });
  assert.deepEqual(parseCubeLut(`LUT_3D_SIZE 2\nDOMAIN_MIN 0 0 1\nDOMAIN_MAX 1 1 1\n${identity2.join('\n')}`), { ok: false, message: 'DOMAIN_MIN 0 0 1 must be below DOMAIN_MAX 1 1 1 in every channel' });
  assert.deepEqual(parseCubeLut('\x89PNG\r\n'), { ok: false, message: 'the table starts before LUT_3D_SIZE', line: 1 });
  assert.deepEqual(parseCubeLut(''), { ok: false, message: 'no LUT_3D_SIZE: not a 3D .cube LUT' });
});
