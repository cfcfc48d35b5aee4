// Hand-built CompiledTimelines for the preview tests: the shapes the core produces
// (tiling video track with a transition overlap and a gap, an overlay title, a music bed, a marker).

import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { SourceRange } from '../../protocol/source-range';

export function range(line: number, from = 4, to = 30): SourceRange {
  return { start: { line, character: from }, end: { line, character: to } };
}

const media = (asset: string, inSec: number, outSec: number) => ({
  kind: 'media' as const, asset, in: { num: inSec, den: 1 }, out: { num: outSec, den: 1 },
});

const clipDefaults = { speed: 1, fit: 'cover' as const, scale: 1, opacity: 1, fadeIn: 0, fadeOut: 0 };

/** 6 s at 30 fps, 160x90: v1 = a [0,60) b [45,105) (15-frame dissolve) gap [105,120) c [120,180). */
export function sampleTimeline(): CompiledTimeline {
  return {
    version: 1,
    sourceFile: '/tmp/sample.timeline.yaml',
    output: {
      path: '/tmp/out/sample.mp4', width: 160, height: 90, fps: { num: 30, den: 1 }, dropFrame: false, background: '#000000',
      video: { codec: 'h264' }, audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
    },
    durationFrames: 180,
    assets: [
      { id: 'a', path: '/tmp/a.mp4', kind: 'video', range: range(3) },
      { id: 'b', path: '/tmp/b.mp4', kind: 'video', range: range(4) },
      { id: 'c', path: '/tmp/c.mp4', kind: 'video', range: range(5) },
      { id: 'music', path: '/tmp/music.mp3', kind: 'audio', range: range(6) },
    ],
    tracks: [
      {
        id: 'v1', kind: 'video', muted: false, range: range(8),
        items: [
          { kind: 'clip', id: 'v1/0', name: 'a', start: 0, duration: 60, source: media('a', 0, 2), ...clipDefaults, range: range(10) },
          {
            kind: 'clip', id: 'v1/1', name: 'b', start: 45, duration: 60, source: media('b', 0, 2), ...clipDefaults, range: range(12),
            transitionIn: { type: 'dissolve', duration: 15, range: range(13) },
          },
          { kind: 'gap', start: 105, duration: 15, range: range(15) },
          { kind: 'clip', id: 'v1/3', name: 'c', start: 120, duration: 60, source: media('c', 1, 3), ...clipDefaults, range: range(17) },
        ],
      },
      {
        id: 'titles', kind: 'overlay', muted: false, range: range(19),
        items: [
          {
            kind: 'clip', id: 'titles/0', name: 'Hello', start: 30, duration: 60, ...clipDefaults, range: range(21),
            source: {
              kind: 'text', text: 'Hello',
              style: { font: 'DejaVu Sans', size: 24, color: '#ffffff', box: false, boxColor: '#000000', boxOpacity: 0.5, boxPadding: 4, align: 'center', borderWidth: 0, borderColor: '#000000' },
            },
            placement: { anchor: 'bottom', x: 0, y: 8 },
          },
        ],
      },
      {
        id: 'music', kind: 'audio', muted: false, range: range(23),
        items: [
          {
            kind: 'clip', id: 'music/0', name: 'music', start: 0, duration: 180, source: media('music', 0, 6), ...clipDefaults, range: range(25),
            audio: { volume: 0.5, fadeIn: 0, fadeOut: 30 },
          },
        ],
      },
    ],
    markers: [{ frame: 90, label: 'Beat', range: range(27) }],
  };
}
