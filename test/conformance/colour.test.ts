// Conformance: colour. Sources made in each matrix (BT.601 SD, BT.709 HD, untagged SD, full-range
// JPEG, RGB PNG) and a coloured background all show the same red and blue-grey patches in an HD and
// in an SD render, decoded by the output's own tags within ±2 code values; the tags are present.
// Colours ffmpeg paints (contain padding, fade to the background, a rotation's fill) do too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTimeline } from '../../node/ffmpeg';
import { probeMedia } from '../../node/media/probe';
import type { CompiledAsset, CompiledTimeline } from '../../protocol/compiled-timeline';
import * as b from '../render/build-timeline';
import * as m from '../render/media';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-colour-')));
after(() => (process.env.KEEP_RENDER_TEST_FILES ? console.log(dir) : cleanup()));

type Rgb = [number, number, number];
const RED: Rgb = [255, 0, 0];
const SLATE: Rgb = [48, 128, 192];
/** Left half red, right half slate blue, as RGB before any matrix. */
const patches = (w: number, h: number): string =>
  `color=c=#ff0000:s=${w}x${h}:d=0.2:r=30[l];color=c=#3080c0:s=${w / 2}x${h}:d=0.2:r=30[r];[l][r]overlay=x=${w / 2},format=rgb24`;

function ffmpeg(args: string[]): void {
  execFileSync(m.FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

/** A YUV source made through `matrix`, tagged with it unless `untagged`. */
function yuvSource(name: string, w: number, h: number, matrix: 'bt601' | 'bt709', untagged = false): string {
  const path = join(dir, name);
  const tag = matrix === 'bt709' ? 'bt709' : 'smpte170m';
  const tags = untagged ? [] : ['-colorspace', tag, '-color_primaries', tag, '-color_trc', tag, '-color_range', 'tv'];
  ffmpeg(['-f', 'lavfi', '-i', `${patches(w, h)},scale=out_color_matrix=${matrix}:out_range=tv,format=yuv420p`, '-c:v', 'libx264', '-qp', '0', '-preset', 'ultrafast', ...tags, path]);
  return path;
}

async function asset(id: string, path: string, kind: CompiledAsset['kind'] = 'video'): Promise<CompiledAsset> {
  const found = await probeMedia(path);
  assert.equal(found.status, 'ok');
  return b.asset(id, path, found.status === 'ok' ? found.facts : undefined, kind);
}

/** The output's pixel at (x, y) of frame `n`, decoded from its stored YUV by the matrix its tags name. */
function decodedByTags(path: string, n: number, x: number, y: number): Rgb {
  const stream = m.probeJson(path).streams.find((s) => s.codec_type === 'video')!;
  const [w, h] = [Number(stream.width), Number(stream.height)];
  const [kr, kb] = stream.color_space === 'bt709' ? [0.2126, 0.0722] : stream.color_space === 'smpte170m' || stream.color_space === 'bt470bg' ? [0.299, 0.114] : [NaN, NaN];
  assert.ok(!Number.isNaN(kr), `a matrix tag, got ${String(stream.color_space)}`);
  assert.equal(stream.color_range, 'tv');
  const raw = execFileSync(m.FFMPEG, ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${n})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-'], { maxBuffer: 1 << 26 });
  const Y = raw[y * w + x] as number;
  const U = raw[w * h + (y >> 1) * (w >> 1) + (x >> 1)] as number;
  const V = raw[w * h + (w >> 1) * (h >> 1) + (y >> 1) * (w >> 1) + (x >> 1)] as number;
  const yl = (Y - 16) / 219;
  const pb = (U - 128) / 224;
  const pr = (V - 128) / 224;
  const r = yl + 2 * (1 - kr) * pr;
  const bl = yl + 2 * (1 - kb) * pb;
  const g = (yl - kr * r - kb * bl) / (1 - kr - kb);
  return [r, g, bl].map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255)) as Rgb;
}

const near = (got: Rgb, want: Rgb, what: string): void =>
  assert.ok(got.every((v, i) => Math.abs(v - (want[i] as number)) <= 2), `${what}: got (${got.join(', ')}), want (${want.join(', ')}) ±2`);

async function sources(): Promise<{ tl: (w: number, h: number) => CompiledTimeline; names: string[] }> {
  const assets = [
    await asset('sd601', yuvSource('sd601.mp4', 320, 180, 'bt601')),
    await asset('hd709', yuvSource('hd709.mp4', 1280, 720, 'bt709')),
    await asset('untagged', yuvSource('untagged-sd.mp4', 320, 180, 'bt601', true)),
    await asset('jpeg', (ffmpeg(['-f', 'lavfi', '-i', patches(320, 180), '-frames:v', '1', '-pix_fmt', 'yuvj420p', join(dir, 'full.jpg')]), join(dir, 'full.jpg')), 'image'),
    await asset('png', (ffmpeg(['-f', 'lavfi', '-i', patches(320, 180), '-frames:v', '1', join(dir, 'rgb.png')]), join(dir, 'rgb.png')), 'image'),
  ];
  const names = assets.map((a) => a.id);
  const tl = (width: number, height: number): CompiledTimeline => {
    const clips = names.map((id, i) => b.clip(`v/${i}`, i * 2, 2, id, 0, { audio: undefined }));
    const base = b.timeline([b.track('v', 'video', [...clips, b.gap(names.length * 2, 2)])], assets, { width, height });
    const { audio: _silent, ...output } = base.output;
    return { ...base, output: { ...output, background: '#3080c0' } };
  };
  return { tl, names };
}

test('HD and SD renders: every source and the background decode to their colours by the file\'s own tags; SD 601 red = HD 709 red', async () => {
  const { tl, names } = await sources();
  for (const [width, height, tag] of [[1280, 720, 'bt709'], [320, 180, 'smpte170m']] as const) {
    const out = join(dir, `colour-${width}.mp4`);
    await renderTimeline({ timeline: tl(width, height), outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
    const stream = m.probeJson(out).streams.find((s) => s.codec_type === 'video')!;
    assert.deepEqual([stream.color_space, stream.color_primaries, stream.color_transfer, stream.color_range], [tag, tag, tag, 'tv'], 'tags present');
    const [left, right, mid] = [Math.round(width / 4), Math.round((3 * width) / 4), Math.round(height / 2)];
    names.forEach((name, i) => {
      near(decodedByTags(out, i * 2 + 1, left, mid), RED, `${width}×${height}: ${name} red`);
      near(decodedByTags(out, i * 2 + 1, right, mid), SLATE, `${width}×${height}: ${name} slate`);
    });
    near(decodedByTags(out, names.length * 2 + 1, left, mid), SLATE, `${width}×${height}: background`);
  }
});

test('titles (drawtext on a video track and over a picture; a title image) decode to their colours by the file\'s own tags, HD and SD', async () => {
  const png = await asset('png', (ffmpeg(['-f', 'lavfi', '-i', patches(320, 180), '-frames:v', '1', join(dir, 'under.png')]), join(dir, 'under.png')), 'image');
  const GROUND: Rgb = [48, 192, 128];
  for (const [width, height, size, padding] of [[1280, 720, 400, 80], [320, 180, 120, 30]] as const) {
    // A red box around a slate-blue "I": the stem's middle is text, beside the stem (within the padding) is box.
    const style = { ...b.TITLE_STYLE, size, color: '#3080c0', box: true, boxColor: '#ff0000', boxOpacity: 1, boxPadding: padding };
    const title = (id: string, start: number) => b.title(id, start, 2, 'I', { source: { kind: 'text', text: 'I', style } });
    const base = b.timeline([
      b.track('v', 'video', [title('v/0', 0), b.clip('v/1', 2, 4, 'png', 0, { audio: undefined })]),
      b.track('o', 'overlay', [title('o/0', 2), { ...title('o/1', 4), source: { kind: 'text', text: 'I', style, render: 'image' } }]),
    ], [png], { width, height });
    const { audio: _silent, ...output } = base.output;
    const out = join(dir, `titles-${width}.mp4`);
    await renderTimeline({ timeline: { ...base, output: { ...output, background: '#30c080' } }, outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
    const [cx, cy] = [width / 2, height / 2];
    const boxX = Math.round(cx + 0.15 * size + padding / 2);
    for (const [frame, where, under] of [[1, 'on the video track', GROUND], [3, 'over a picture', RED], [5, 'as a title image', RED]] as const) {
      near(decodedByTags(out, frame, cx, cy), SLATE, `${width}×${height}: title text ${where}`);
      near(decodedByTags(out, frame, boxX, cy), RED, `${width}×${height}: title box ${where}`);
      near(decodedByTags(out, frame, Math.round(width / 16), Math.round(height / 16)), under, `${width}×${height}: beside the title ${where}`);
    }
  }
});

test('painted colours (contain padding, a fade from the background, a rotation\'s fill) decode to their colours by the file\'s own tags, HD and SD', async () => {
  const square = await asset('square', yuvSource('square.mp4', 180, 180, 'bt601'));
  const GREEN: Rgb = [0, 255, 0];
  for (const [width, height] of [[1280, 720], [720, 576], [640, 480]] as const) {
    const base = b.timeline([b.track('v', 'video', [
      b.clip('v/0', 0, 2, 'square', 0, { audio: undefined, fit: 'contain' }),
      b.clip('v/1', 2, 4, 'square', 0, { audio: undefined, fit: 'contain', fadeIn: 2 }),
      b.clip('v/2', 6, 2, 'square', 0, { audio: undefined, fit: 'fill', look: { rotate: { angle: 45, fill: '#ff0000' } } }),
    ])], [square], { width, height });
    const { audio: _silent, ...output } = base.output;
    const out = join(dir, `painted-${width}.mp4`);
    await renderTimeline({ timeline: { ...base, output: { ...output, background: '#00ff00' } }, outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
    const [corner, mid] = [[Math.round(width / 32), Math.round(height / 32)], Math.round(height / 2)] as const;
    near(decodedByTags(out, 1, corner[0], mid), GREEN, `${width}×${height}: contain padding`);
    near(decodedByTags(out, 1, Math.round(width / 2 - 0.2 * height), mid), RED, `${width}×${height}: contained picture`);
    near(decodedByTags(out, 2, Math.round(width / 2), mid), GREEN, `${width}×${height}: first frame of a fade from the background`);
    near(decodedByTags(out, 6, corner[0], corner[1]), RED, `${width}×${height}: rotation fill`);
  }
});

test('subtitles (an ASS box drawn in red over a slate background) decode to their colours by the file\'s own tags, HD and SD', async () => {
  const ass = join(dir, 'box.ass');
  writeFileSync(ass, [
    '[Script Info]', 'ScriptType: v4.00+', 'PlayResX: 320', 'PlayResY: 180', '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    'Style: Default,Arial,20,&H000000FF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1', '',
    '[Events]', 'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    // A 160×90 rectangle drawn at the centre of the 320×180 script canvas.
    'Dialogue: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,{\\an7\\pos(80,45)\\p1}m 0 0 l 160 0 160 90 0 90{\\p0}', '',
  ].join('\n'));
  for (const [width, height] of [[1280, 720], [640, 360]] as const) {
    const base = b.timeline([b.track('v', 'video', [b.gap(0, 6)])], [], { width, height, subtitles: { asset: 'subs', path: ass, style: {}, range: b.RANGE } });
    const { audio: _silent, ...output } = base.output;
    const out = join(dir, `subs-${width}.mp4`);
    await renderTimeline({ timeline: { ...base, output: { ...output, background: '#3080c0' } }, outputPath: out, preset: 'final', overwrite: true }, { ffmpegPath: m.FFMPEG });
    near(decodedByTags(out, 3, width / 2, height / 2), RED, `${width}×${height}: subtitle drawing`);
    near(decodedByTags(out, 3, width / 16, height / 16), SLATE, `${width}×${height}: beside the subtitle`);
  }
});
