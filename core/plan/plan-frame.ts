// CompiledTimeline → RenderPlan for one composite frame as PNG (`atropos frame`, the preview).
// Same building blocks as a render, but only the layers active at that frame, each input seeked
// to it and reading one frame: what the preview shows is what the render makes.
import type { CompiledTimeline, CompiledTrack } from '../../protocol/compiled-timeline';
import { filter, PlanContext, PlanError } from './context';
import { withSubtitles } from './composite';
import { overlayMedia, overlayText } from './overlay-layer';
import { resolvePreset, scaledCanvas } from './presets';
import { frameStartSeconds } from './time';
import { colourStream, crossfade, itemPicture, renumber, type LayerFormat } from './track-picture';
import type { RenderPlan } from './types';

export interface PlanFrameOptions {
  /** Width of the picture; the height follows the output's aspect. Default: the output width. */
  width?: number;
  textFiles: { directory: string };
}

/** One track's picture at timeline frame `frame`, with pts = frame. */
function trackFrame(ctx: PlanContext, track: CompiledTrack, frame: number, format: LayerFormat): string {
  const active = track.items.filter((i) => i.start <= frame && frame < i.start + i.duration);
  const [first, second] = active;
  if (!first) return colourStream(ctx, { localStart: frame, frames: 1 }, format);
  const pictureAt = (item: typeof first, offset: string): string =>
    ctx.chain([itemPicture(ctx, item, { localStart: frame - item.start, frames: 1 }, format)], [filter('setpts', offset)], ctx.label('at'));
  if (!second) return pictureAt(first, `PTS+${first.start}`);
  // Inside a transition: mix the two frames at the transition's progress (a negative offset
  // places this frame that far into the transition).
  const incoming = second.kind === 'clip' && second.transitionIn ? second : first;
  const outgoing = incoming === second ? first : second;
  const type = incoming.kind === 'clip' && incoming.transitionIn ? incoming.transitionIn.type : 'fade';
  const length = incoming.kind === 'clip' && incoming.transitionIn ? incoming.transitionIn.duration : 1;
  const luma = incoming.kind === 'clip' ? incoming.transitionIn?.luma : undefined;
  const mixed = crossfade(ctx, pictureAt(outgoing, 'N'), pictureAt(incoming, 'N'), type, length, format, -(frame - incoming.start), luma);
  return ctx.chain([mixed], renumber(ctx, frame), ctx.label('at'));
}

export function planFrame(timeline: CompiledTimeline, frame: number, options: PlanFrameOptions): RenderPlan {
  if (!Number.isInteger(frame) || frame < 0 || frame >= Math.max(1, timeline.durationFrames)) {
    throw new PlanError(`Frame ${frame} is outside the timeline (0 to ${Math.max(0, timeline.durationFrames - 1)}).`);
  }
  const final = resolvePreset(timeline.output, 'final');
  const canvas = options.width ? scaledCanvas(timeline.output, options.width) : { width: final.width, height: final.height, pixelScale: 1 };
  const { audio: _still, ...picture } = final;
  const out = { ...picture, ...canvas };
  const ctx = new PlanContext(timeline, out, options.textFiles.directory);
  const videoTracks = timeline.tracks.filter((t) => t.kind === 'video');
  let composite = videoTracks[0] ? trackFrame(ctx, videoTracks[0], frame, 'yuv420p') : colourStream(ctx, { localStart: frame, frames: 1 }, 'yuv420p');
  for (const track of timeline.tracks) {
    if (track === videoTracks[0] || track.kind === 'audio') continue;
    if (track.kind === 'video') {
      const layer = trackFrame(ctx, track, frame, 'yuva420p');
      composite = ctx.chain([composite, layer], [filter('overlay', ['x', 0], ['y', 0], ['eof_action', 'pass'])], ctx.label('comp'));
      continue;
    }
    for (const item of track.items) {
      if (item.kind !== 'clip' || frame < item.start || frame >= item.start + item.duration) continue;
      composite = item.source.kind === 'text'
        ? overlayText(ctx, composite, item, { localStart: frame - item.start, frames: 1 })
        : overlayMedia(ctx, composite, item, item.source, { localStart: frame - item.start, frames: 1 });
    }
  }
  composite = withSubtitles(ctx, composite, { from: frame, to: frame + 1 });
  ctx.chain([composite], [filter('trim', ['end_frame', 1]), filter('format', 'rgb24')], 'vout');
  return {
    globalArgs: ['-hide_banner', '-nostats', '-nostdin', '-loglevel', 'error'],
    inputs: ctx.inputs,
    filterGraph: ctx.chains,
    maps: ['[vout]'],
    encoderArgs: ['-frames:v', '1', '-c:v', 'png', '-f', 'image2pipe'],
    outputPath: 'pipe:1',
    files: ctx.files,
    outputFrames: 1,
    durationSeconds: frameStartSeconds(1, timeline.output.fps),
  };
}
