// MediaStripRequest → ffmpeg arguments for a filmstrip or a waveform PNG on stdout. Pure: the
// render host runs them. Thumbnails are cropped to fill equal tiles (about 16:9 each, as many as fit
// the width); a waveform is showwavespic of the first audio stream folded to mono.

import type { MediaStripRequest } from '../../protocol/render-host';

/** How many thumbnails a filmstrip of this size holds. */
export function stripTiles(width: number, height: number): number {
  return Math.max(1, Math.min(64, Math.floor(width / Math.max(1, (height * 16) / 9))));
}

export function planStrip(request: MediaStripRequest): string[] {
  const { width, height } = request;
  const duration = Math.max(0.001, request.toSeconds - request.fromSeconds);
  const head = ['-hide_banner', '-loglevel', 'error', '-nostdin'];
  const range = request.still ? [] : ['-ss', seconds(request.fromSeconds), '-t', seconds(duration)];
  const input = ['-i', `file:${request.path}`];
  const tail = ['-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'];
  if (request.kind === 'waveform') {
    return [...head, ...range, ...input, '-filter_complex', `[0:a:0]aformat=channel_layouts=mono,showwavespic=s=${width}x${height}:colors=0xffffff`, ...tail];
  }
  const tiles = request.still ? 1 : stripTiles(width, height);
  const tileWidth = Math.max(2, Math.floor(width / tiles));
  const fit = `scale=${tileWidth}:${height}:force_original_aspect_ratio=increase,crop=${tileWidth}:${height}`;
  const filter = request.still ? fit : `fps=${tiles}/${seconds(duration)},${fit},tile=${tiles}x1`;
  return [...head, ...range, ...input, '-an', '-vf', filter, ...tail];
}

function seconds(value: number): string {
  return String(Math.round(value * 1_000_000) / 1_000_000);
}
