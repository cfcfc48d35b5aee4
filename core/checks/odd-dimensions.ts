// 4:2:0 chroma subsampling (h264, hevc, vp9, av1 by default) needs an even width and height.
import { valueOf } from '../parse/located';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

const SUBSAMPLED = new Set(['h264', 'hevc', 'vp9', 'av1']);

export const oddDimensions: TimelineCheck = {
  name: 'odd-dimensions',
  run({ parsed, output }) {
    const format = output.pixelFormat ?? 'yuv420p';
    if (!SUBSAMPLED.has(output.videoCodec) || !format.startsWith('yuv420')) return [];
    if (output.width % 2 === 0 && output.height % 2 === 0) return [];
    const sizeNode = valueOf(parsed.model.output, 'size');
    if (!sizeNode) return [];
    const even = `${output.width + (output.width % 2)}x${output.height + (output.height % 2)}`;
    return [issue('odd-dimensions', 'error', `${output.width}x${output.height} has an odd side; ${output.videoCodec} with ${format} needs even width and height (e.g. ${even})`, sizeNode.range, {
      fixes: [{ title: `Change to ${even}`, edits: [{ range: sizeNode.range, newText: even }], preferred: true }],
    })];
  },
};
