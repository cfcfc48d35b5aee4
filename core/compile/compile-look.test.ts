import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTimelineText } from '../index';
import { corpusContext } from '../test-corpus/corpus-context';

const PATH = '/project/looks.timeline.yaml';

test('looks and time effects in the file → the CompiledClip (paths resolved, neutral colour values filled in, sound dropped)', () => {
  const text = `version: 1
assets:
  video: media/video.mp4
tracks:
  - id: main
    type: video
    clips:
      - asset: video
        length: 1s
        color: { contrast: 1.2, temperature: 5600 }
        lut: media/grade.cube
        crop: { left: 0.1, top: 0.05 }
        rotate: { angle: 12, fill: tomato }
        flip: horizontal
        blur: 2
        sharpen: 0.5
        vignette: 0.3
        chromaKey: { color: lime }
        animate:
          brightness: [{ at: 0, value: 0, ease: ease-out }, { at: 0.5s, value: 0.2 }]
          rotate: [{ at: 0, value: 0 }, { at: 1s, value: 90 }]
      - asset: video
        length: 15f
        reverse: true
      - asset: video
        length: 2s
        freeze: 1.5s
`;
  const analysis = checkTimelineText(text, corpusContext(PATH));
  assert.deepEqual(analysis.issues, []);
  const [first, reversed, frozen] = analysis.compiled!.tracks[0]!.items;
  assert.ok(first?.kind === 'clip' && reversed?.kind === 'clip' && frozen?.kind === 'clip');
  assert.deepEqual(first.look, {
    color: { brightness: 0, contrast: 1.2, saturation: 1, gamma: 1, temperature: 5600 },
    lut: '/project/media/grade.cube',
    crop: { left: 0.1, right: 0, top: 0.05, bottom: 0 },
    rotate: { angle: 12, fill: '#ff6347' },
    flip: 'horizontal',
    blur: 2,
    sharpen: 0.5,
    vignette: 0.3,
    chromaKey: { color: '#00ff00', similarity: 0.1, blend: 0 },
  });
  assert.deepEqual(first.keyframes, {
    brightness: [{ frame: 0, value: 0, ease: 'ease-out' }, { frame: 15, value: 0.2, ease: 'linear' }],
    rotate: [{ frame: 0, value: 0, ease: 'linear' }, { frame: 30, value: 90, ease: 'linear' }],
  });
  assert.equal(reversed.reverse, true);
  assert.equal(reversed.audio, undefined, 'a reversed clip has no sound');
  assert.deepEqual(frozen.freeze, { num: 3, den: 2 });
  assert.equal(frozen.audio, undefined, 'a held frame has no sound');
  assert.equal(frozen.duration, 60);
});

test('a speed ramp: its length from the media when not given, its source out from σ, its speed the mean; rampSound: mute drops the sound', () => {
  const text = `version: 1
assets:
  video: media/video.mp4
tracks:
  - id: main
    type: video
    clips:
      - asset: video
        length: 2s
        animate:
          speed: [{ at: 0, value: 1 }, { at: 1s, value: 3 }]
      - asset: video
        from: 4s
        rampSound: mute
        animate:
          speed: [{ at: 0, value: 2, ease: hold }, { at: 1s, value: 1 }]
`;
  const analysis = checkTimelineText(text, corpusContext(PATH));
  assert.deepEqual(analysis.issues, []);
  const [ramped, rest] = analysis.compiled!.tracks[0]!.items;
  assert.ok(ramped?.kind === 'clip' && rest?.kind === 'clip');
  // σ(60) = 30·(1+3)/2 + 30·3 = 150 frames = 5 s of source.
  assert.deepEqual(ramped.source, { kind: 'media', asset: 'video', in: { num: 0, den: 1 }, out: { num: 5, den: 1 } });
  assert.equal(ramped.speed, 2.5);
  assert.ok(ramped.audio, 'pitch-kept sound by default');
  // 6 s of media left: 2× for 1 s (60 frames of source), then 1×: 120 more frames.
  assert.equal(rest.duration, 150);
  assert.equal(rest.audio, undefined);
});

test('typography and motion presets → the TextSource; a title drawtext can draw stays drawtext', () => {
  const text = `version: 1
tracks:
  - id: titles
    type: overlay
    clips:
      - text: "Plain"
        length: 1s
      - text: "Party 🎉"
        length: 1s
      - text: "Brand"
        length: 2s
        style: { font: fonts/Brand.otf, weight: bold, fontStyle: italic, width: 600, boxRadius: 12, shadow: { x: 3 } }
        enter: slide-up
        exit: { type: typewriter, duration: 15f, ease: linear }
`;
  const analysis = checkTimelineText(text, corpusContext(PATH));
  assert.deepEqual(analysis.issues, []);
  const [plain, party, brand] = analysis.compiled!.tracks[0]!.items;
  assert.ok(plain?.kind === 'clip' && plain.source.kind === 'text' && party?.kind === 'clip' && party.source.kind === 'text' && brand?.kind === 'clip' && brand.source.kind === 'text');
  assert.equal(plain.source.render, undefined);
  assert.equal(party.source.render, 'image', 'an emoji: drawn in colour');
  const { source } = brand;
  assert.equal(source.render, 'image');
  assert.deepEqual(source.enter, { kind: 'slide-up', duration: 15, ease: 'ease-out' });
  assert.deepEqual(source.exit, { kind: 'typewriter', duration: 15, ease: 'linear' });
  assert.equal(source.style.font, 'Brand');
  assert.equal(source.style.fontFile, '/project/fonts/Brand.otf');
  assert.equal(source.style.weight, 700);
  assert.equal(source.style.italic, true);
  assert.equal(source.style.width, 600);
  assert.equal(source.style.boxRadius, 12);
  assert.deepEqual(source.style.shadow, { color: '#000000', opacity: 0.6, x: 3, y: 4, blur: 4 });
});

test('a luma matte: the asset named, feather and invert (a matte wins over a shape)', () => {
  const text = `version: 1
assets:
  video: media/video.mp4
  pic: media/pic.png
tracks:
  - id: main
    type: video
    clips:
      - asset: video
        length: 1s
        mask: { matte: pic, invert: true, feather: 3 }
      - asset: video
        length: 1s
        mask: { matte: video }
`;
  const analysis = checkTimelineText(text, corpusContext(PATH));
  assert.deepEqual(analysis.issues, []);
  const [still, moving] = analysis.compiled!.tracks[0]!.items;
  assert.ok(still?.kind === 'clip' && moving?.kind === 'clip');
  assert.deepEqual(still.look, { matte: { asset: 'pic', feather: 3, invert: true } });
  assert.deepEqual(moving.look, { matte: { asset: 'video', feather: 0, invert: false } });
});

test('a luma transition: its image as an asset or a file next to the timeline, softness 0.1 by default', () => {
  const text = `version: 1
assets:
  video: media/video.mp4
  pic: media/pic.png
tracks:
  - id: main
    type: video
    clips:
      - asset: video
        length: 1s
      - asset: video
        length: 1s
        transition: { type: luma, duration: 10f, image: pic }
      - asset: video
        length: 1s
        transition: { type: luma, image: media/pic.png, softness: 0.5 }
`;
  const analysis = checkTimelineText(text, corpusContext(PATH));
  assert.deepEqual(analysis.issues, []);
  const [, asset, file] = analysis.compiled!.tracks[0]!.items;
  assert.ok(asset?.kind === 'clip' && file?.kind === 'clip');
  assert.deepEqual(asset.transitionIn?.luma, { path: '/project/media/pic.png', softness: 0.1 });
  assert.deepEqual([file.transitionIn?.type, file.transitionIn?.duration, file.transitionIn?.luma], ['luma', 15, { path: '/project/media/pic.png', softness: 0.5 }]);
});
