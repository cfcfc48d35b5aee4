// One item of a track → CompiledClip or CompiledGap. Called only when the analysis found no errors
// and the item's timing is known.
import type { ClipAudio, CompiledClip, CompiledItem, Placement, TextStyle } from '../../protocol/compiled-timeline';
import type { PositionSpec } from '../analysis/clip-spec';
import { ClipKeys, mayHave, oneOf } from '../analysis/clip-spec';
import type { CheckContext } from '../analysis/context';
import { readBoolean, readNumber, readString } from '../analysis/fields';
import type { ItemTiming, TrackTiming } from '../analysis/layout';
import { normalizeColor } from '../colors';
import { valueOf, type LocatedNode } from '../parse/located';
import { toNumber } from '../time/rational';
import { timeToFrames } from '../time/timecode';
import { substituteVariables } from '../variables';
import { compileLuma } from './compile-transition';
import { compileLook, compileTimeEffects, compileVisual, dropsSound } from './compile-look';
import { finishTitle, readTypography } from './compile-title';

const ALIGNS: readonly TextStyle['align'][] = ['left', 'center', 'right'];
export const DEFAULT_DUCK_DB = -12;
/** Inward margin of anchored overlays, as a share of the output height. */
export const ANCHOR_MARGIN = 0.04;

export function compileItem(context: CheckContext, track: TrackTiming, item: ItemTiming): CompiledItem | undefined {
  const { start, duration, spec } = item;
  if (start === undefined || duration === undefined) return undefined;
  const node = spec.node;
  if (spec.kind === 'gap') return { kind: 'gap', start, duration, range: node.range };
  const fps = context.fps;
  const fadeIn = spec.fadeIn?.value ? timeToFrames(spec.fadeIn.value, fps) : 0;
  const fadeOut = spec.fadeOut?.value ? timeToFrames(spec.fadeOut.value, fps) : 0;
  let source: CompiledClip['source'];
  let name: string;
  if (spec.kind === 'text') {
    name = substituteVariables(spec.text?.value ?? '', context.variables);
    source = { kind: 'text', text: name, style: textStyle(valueOf(node, 'style'), context) };
  } else {
    name = spec.asset?.name ?? '';
    if (!item.sourceIn || !item.sourceOut) return undefined;
    source = { kind: 'media', asset: name, in: item.sourceIn, out: item.sourceOut };
  }
  const clip: CompiledClip = {
    kind: 'clip',
    id: `${track.track.id}/${item.clip.index}`,
    name,
    start,
    duration,
    source,
    speed: item.speed ? toNumber(item.speed) : 1,
    fit: spec.fit ?? 'cover',
    scale: spec.scale ?? 1,
    opacity: spec.opacity ?? 1,
    fadeIn,
    fadeOut,
    range: node.range,
  };
  if (source.kind === 'text') {
    finishTitle(node, source, context);
  } else {
    // Each only when the clip writes one of its keys (the spec's key bits): most clips write none.
    const look = mayHave(spec, ClipKeys.look) ? compileLook(node, context) : undefined;
    if (look) clip.look = look;
    compileTimeEffects(node, context, clip, spec);
    const visual = mayHave(spec, ClipKeys.visual) ? compileVisual(node, context) : undefined;
    if (visual) clip.visual = visual;
    const audio = dropsSound(node, clip, spec) ? undefined : clipAudio(context, track, item, fadeIn, fadeOut);
    if (audio) clip.audio = audio;
  }
  if (track.track.kind === 'overlay') clip.placement = placement(spec.position, context.output.height);
  if (item.transition) {
    clip.transitionIn = { type: item.transition.type, duration: item.transition.frames, range: item.transition.range };
    const luma = compileLuma(node, context);
    if (luma) clip.transitionIn.luma = luma;
  }
  if (spec.keyframes) clip.keyframes = spec.keyframes;
  return clip;
}

/** The font of a title that names none (installed with the project's set-up, and on most Linux systems). */
export const DEFAULT_TITLE_FONT = 'DejaVu Sans';

function defaultStyle(): TextStyle {
  return {
    font: DEFAULT_TITLE_FONT, size: 64, color: '#ffffff', box: false, boxColor: '#000000', boxOpacity: 0.5,
    boxPadding: 16, align: 'center', borderWidth: 0, borderColor: '#000000',
  };
}

function textStyle(node: LocatedNode | undefined, context: CheckContext): TextStyle {
  const style = defaultStyle();
  style.font = readString(node, 'font') ?? style.font;
  style.size = readNumber(node, 'size') ?? style.size;
  style.color = normalizeColor(readString(node, 'color') ?? '') ?? style.color;
  style.box = readBoolean(node, 'box') ?? style.box;
  style.boxColor = normalizeColor(readString(node, 'boxColor') ?? '') ?? style.boxColor;
  style.boxOpacity = readNumber(node, 'boxOpacity') ?? style.boxOpacity;
  style.boxPadding = readNumber(node, 'boxPadding') ?? style.boxPadding;
  style.align = oneOf(readString(node, 'align'), ALIGNS) ?? style.align;
  style.borderWidth = readNumber(node, 'borderWidth') ?? style.borderWidth;
  style.borderColor = normalizeColor(readString(node, 'borderColor') ?? '') ?? style.borderColor;
  const fontFile = context.analysis.fonts?.resolve(style.font);
  if (fontFile) style.fontFile = fontFile;
  readTypography(node, style, context);
  return style;
}

function placement(position: PositionSpec | undefined, height: number): Placement {
  if (position?.kind === 'xy') return { anchor: 'top-left', x: position.x, y: position.y };
  const anchor = position?.anchor ?? 'center';
  const margin = Math.round(height * ANCHOR_MARGIN);
  const horizontalEdge = anchor.includes('left') || anchor.includes('right');
  const verticalEdge = anchor.startsWith('top') || anchor.startsWith('bottom');
  return { anchor, x: horizontalEdge ? margin : 0, y: verticalEdge ? margin : 0 };
}

/** The sound of a media clip; its fades are the picture's (computed once, by the caller). */
function clipAudio(context: CheckContext, track: TrackTiming, item: ItemTiming, fadeIn: number, fadeOut: number): ClipAudio | undefined {
  const { spec } = item;
  const asset = spec.asset ? context.assets.get(spec.asset.name) : undefined;
  if (!asset || asset.lookup.status !== 'ok' || !asset.lookup.facts.audio || asset.kind === 'image') return undefined;
  if (track.muted || spec.mute) return undefined;
  const audio: ClipAudio = { volume: spec.volume ?? 1, fadeIn, fadeOut };
  const under = spec.duck?.under;
  if (under) audio.duck = { underTrack: under, amountDb: spec.duck?.amountDb ?? DEFAULT_DUCK_DB };
  return audio;
}
