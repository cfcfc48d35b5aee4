// ResolvedOutput → CompiledOutput.
import type { CompiledOutput } from '../../protocol/compiled-timeline';
import type { ResolvedOutput } from '../analysis/output';
import type { LocatedNode } from '../parse/located';

export function compileOutput(output: ResolvedOutput, node: LocatedNode | undefined): CompiledOutput {
  const compiled: CompiledOutput = {
    path: output.path,
    width: output.width,
    height: output.height,
    fps: output.fps,
    dropFrame: output.dropFrame,
    background: output.background,
    video: { codec: output.videoCodec },
  };
  const video = compiled.video!;
  if (output.crf !== undefined) video.crf = output.crf;
  if (output.videoBitrate !== undefined) video.bitrate = output.videoBitrate;
  if (output.preset !== undefined) video.preset = output.preset;
  if (output.pixelFormat !== undefined) video.pixelFormat = output.pixelFormat;
  if (output.videoCodec !== 'gif') {
    compiled.audio = { codec: output.audioCodec, sampleRate: output.sampleRate, channels: output.channels };
    if (output.audioBitrate !== undefined) compiled.audio.bitrate = output.audioBitrate;
  }
  if (output.loudness !== undefined) compiled.loudness = output.loudness;
  if (node) compiled.range = node.range;
  return compiled;
}
