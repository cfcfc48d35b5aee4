// The output must not overwrite an input, must stay inside the timeline's folder tree, and its file
// type must hold its codec (a .gif only GIF).
import type { TimelineIssue } from '../../protocol/source-range';
import { entryOf, valueOf } from '../parse/located';
import { dirnameOf, isInside } from '../paths';
import type { TimelineCheck } from './check';
import { issue } from './helpers';

export const outputPath: TimelineCheck = {
  name: 'output-path',
  run({ parsed, output, assets, analysis }) {
    const pathNode = valueOf(parsed.model.output, 'path');
    const range = pathNode?.range ?? entryOf(parsed.model.root, 'output')?.keyRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const issues: TimelineIssue[] = [];
    const same = (a: string, b: string) => a === b || (/^[A-Za-z]:/.test(a) && a.toLowerCase() === b.toLowerCase());
    for (const asset of assets.values()) {
      if (asset.path && same(asset.path, output.path)) {
        issues.push(issue('output-overwrites-input', 'error', `the output path is the file of asset "${asset.model.id}"; rendering would overwrite it`, range, {
          related: [{ range: asset.model.idRange, message: `asset "${asset.model.id}"` }],
        }));
      }
    }
    if (same(output.path, analysis.timelinePath)) {
      issues.push(issue('output-overwrites-input', 'error', 'the output path is this timeline file itself', range));
    }
    // A .gif holds only GIF pictures: with another codec the muxer refuses at render time.
    const gifPath = /\.gif$/i.test(output.path);
    if (gifPath !== (output.videoCodec === 'gif')) {
      issues.push(issue('output-codec-mismatch', 'error', gifPath
        ? `the output ${output.path} is a GIF, but video.codec is ${output.videoCodec}; set video: { codec: gif } or use a video file name such as out/video.mp4`
        : `video.codec: gif writes an animated GIF; name the output .gif (e.g. out/video.gif)`, range));
    }
    if (!isInside(dirnameOf(analysis.timelinePath), output.path)) {
      issues.push(issue('output-outside-folder', 'error', `the output ${output.path} is outside this timeline's folder; use a path inside it, e.g. out/video.mp4`, range));
    }
    return issues;
  },
};
