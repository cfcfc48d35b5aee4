import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planStrip, stripTiles } from './plan-strip';

test('a filmstrip: as many ~16:9 tiles as fit, frames spread over the source range, one PNG', () => {
  assert.equal(stripTiles(256, 32), 4);
  assert.deepEqual(planStrip({ path: '/m/a.mp4', kind: 'thumbnails', fromSeconds: 1.5, toSeconds: 5.5, width: 256, height: 32 }), [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-ss', '1.5', '-t', '4', '-i', 'file:/m/a.mp4', '-an',
    '-vf', 'fps=4/4,scale=64:32:force_original_aspect_ratio=increase,crop=64:32,tile=4x1',
    '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1',
  ]);
});

test('a still is one tile; a waveform is showwavespic of the first audio stream in mono', () => {
  assert.deepEqual(planStrip({ path: '/m/logo.png', kind: 'thumbnails', fromSeconds: 0, toSeconds: 0, still: true, width: 512, height: 32 }).slice(4, 9),
    ['-i', 'file:/m/logo.png', '-an', '-vf', 'scale=512:32:force_original_aspect_ratio=increase,crop=512:32']);
  assert.deepEqual(planStrip({ path: '/m/music.mp3', kind: 'waveform', fromSeconds: 0, toSeconds: 11.4, width: 1024, height: 28 }), [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-ss', '0', '-t', '11.4', '-i', 'file:/m/music.mp3',
    '-filter_complex', '[0:a:0]aformat=channel_layouts=mono,showwavespic=s=1024x28:colors=0xffffff',
    '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1',
  ]);
});
