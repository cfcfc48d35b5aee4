// The media and fonts the invalid corpus is checked against: fixed facts, as a probe would report them.
import type { AnalysisContext, FontCatalog, LutLookupResult } from '../api';
import type { MediaLookupResult } from '../../protocol/media-facts';

const square = { num: 1, den: 1 };

const MEDIA: Record<string, MediaLookupResult> = {
  'media/video.mp4': {
    status: 'ok',
    facts: {
      format: 'mov,mp4,m4a,3gp,3g2,mj2', durationSeconds: 10, isStill: false, isSubtitle: false,
      video: { codec: 'h264', width: 640, height: 360, frameRate: { num: 30, den: 1 }, sampleAspectRatio: square, rotation: 0 },
      audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
    },
  },
  'media/song.mp3': { status: 'ok', facts: { format: 'mp3', durationSeconds: 30, isStill: false, isSubtitle: false, audio: { codec: 'mp3', sampleRate: 44100, channels: 2 } } },
  'media/pic.png': {
    status: 'ok',
    facts: { format: 'png_pipe', isStill: true, isSubtitle: false, video: { codec: 'png', width: 256, height: 256, frameRate: { num: 25, den: 1 }, sampleAspectRatio: square, rotation: 0 } },
  },
  'media/subs.srt': { status: 'ok', facts: { format: 'srt', isStill: false, isSubtitle: true } },
  'media/missing.mp4': { status: 'missing' },
  'media/bad.mp4': { status: 'unreadable', reason: 'moov atom not found' },
};

const LUTS: Record<string, LutLookupResult> = {
  'media/grade.cube': { status: 'ok', size: 33 },
  'media/short.cube': { status: 'invalid', message: 'LUT_3D_SIZE 33 needs 35937 entries (33³), the file has 35000', line: 4 },
};

export const corpusFonts: FontCatalog = {
  resolve: (family) => (family.toLowerCase() === 'dejavu sans' ? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' : undefined),
  families: () => ['DejaVu Sans'],
};

export function corpusContext(timelinePath: string): AnalysisContext {
  const folder = timelinePath.slice(0, timelinePath.lastIndexOf('/') + 1);
  return {
    timelinePath,
    media: (path) => MEDIA[path.startsWith(folder) ? path.slice(folder.length) : path] ?? { status: 'missing' },
    fonts: corpusFonts,
    luts: (path) => LUTS[path.startsWith(folder) ? path.slice(folder.length) : path] ?? { status: 'missing' },
  };
}
