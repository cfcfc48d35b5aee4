// One item of a track → CompiledClip or CompiledGap. Called only when the analysis found no errors
// and the item's timing is known.
import type {
  Anchor, ClipAudio, ClipKeyframes, CompiledClip, CompiledItem, Ease, Keyframe, Placement, TextStyle,
} from '../../protocol/compiled-timeline';
import type { CheckContext } from '../analysis/context';
import { readBoolean, readDecibels, readGain, readNumber, readString, readTime, readTimeField } from '../analysis/fields';
import type { ItemTiming, TrackTiming } from '../analysis/layout';
import { normalizeColor } from '../colors';
import { valueOf, type LocatedNode } from '../parse/located';
import { toNumber } from '../time/rational';
import { timeToFrames } from '../time/timecode';
import { substituteVariables } from '../variables';
import { compileLuma } from './compile-transition';
import { compileLook, compileTimeEffects, compileVisual, dropsSound } from './compile-look';
import { finishTitle, readTypography } from './compile-title';

const ANCHORS: readonly Anchor[] = ['top-left', 'top', 'top-right', 'left', 'center', 'right', 'bottom-left', 'bottom', 'bottom-right'];
const EASES: readonly Ease[] = ['linear', 'ease-in', 'ease-out', 'ease-in-out', 'hold'];
export const DEFAULT_DUCK_DB = -12;
/** Inward margin of anchored overlays, as a share of the output height. */
export const ANCHOR_MARGIN = 0.04;

export function compileItem(context: CheckContext, track: TrackTiming, item: ItemTiming, variables: ReadonlyMap<string, string>): CompiledItem | undefined {
  const { start, duration } = item;
  if (start === undefined || duration === undefined) return undefined;
  const node = item.clip.node;
  if (item.clip.kind === 'gap') return { kind: 'gap', start, duration, range: node.range };
  const trackKind = track.track.kind as 'video' | 'overlay' | 'audio';
  const fps = context.fps;
  const frames = (key: string): number => {
    const value = readTimeField(node, key, fps);
    return value ? timeToFrames(value, fps) : 0;
  };
  const clip: CompiledClip = {
    kind: 'clip',
    id: `${track.track.id}/${item.clip.index}`,
    name: '',
    start,
    duration,
    source: { kind: 'text', text: '', style: defaultStyle() },
    speed: item.speed ? toNumber(item.speed) : 1,
    fit: (readString(node, 'fit') as CompiledClip['fit'] | undefined) ?? 'cover',
    scale: readNumber(node, 'scale') ?? 1,
    opacity: readNumber(node, 'opacity') ?? 1,
    fadeIn: frames('fadeIn'),
    fadeOut: frames('fadeOut'),
    range: node.range,
  };
  if (item.clip.kind === 'text') {
    const raw = valueOf(node, 'text');
    const text = substituteVariables(raw?.kind === 'scalar' && raw.value !== null ? String(raw.value) : '', variables);
    clip.name = text;
    clip.source = { kind: 'text', text, style: textStyle(valueOf(node, 'style'), context) };
    finishTitle(node, clip.source, context);
  } else {
    const assetId = item.clip.asset?.name ?? '';
    clip.name = assetId;
    if (!item.sourceIn || !item.sourceOut) return undefined;
    clip.source = { kind: 'media', asset: assetId, in: item.sourceIn, out: item.sourceOut };
    const look = compileLook(node, context);
    if (look) clip.look = look;
    compileTimeEffects(node, context, clip);
    const visual = compileVisual(node, context);
    if (visual) clip.visual = visual;
    const audio = dropsSound(node, clip) ? undefined : clipAudio(context, track, item);
    if (audio) clip.audio = audio;
  }
  if (trackKind === 'overlay') clip.placement = placement(valueOf(node, 'position'), context.output.height);
  if (item.transition) {
    clip.transitionIn = { type: item.transition.type, duration: item.transition.frames, range: item.transition.range };
    const luma = compileLuma(node, context);
    if (luma) clip.transitionIn.luma = luma;
  }
  const keyframes = compileKeyframes(valueOf(node, 'animate'), context);
  if (keyframes) clip.keyframes = keyframes;
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
  style.align = (readString(node, 'align') as TextStyle['align'] | undefined) ?? style.align;
  style.borderWidth = readNumber(node, 'borderWidth') ?? style.borderWidth;
  style.borderColor = normalizeColor(readString(node, 'borderColor') ?? '') ?? style.borderColor;
  const fontFile = context.analysis.fonts?.resolve(style.font);
  if (fontFile) style.fontFile = fontFile;
  readTypography(node, style, context);
  return style;
}

function placement(node: LocatedNode | undefined, height: number): Placement {
  if (node?.kind === 'map') return { anchor: 'top-left', x: readNumber(node, 'x') ?? 0, y: readNumber(node, 'y') ?? 0 };
  const anchor = node?.kind === 'scalar' && ANCHORS.includes(node.value as Anchor) ? (node.value as Anchor) : 'center';
  const margin = Math.round(height * ANCHOR_MARGIN);
  const horizontalEdge = anchor.includes('left') || anchor.includes('right');
  const verticalEdge = anchor.startsWith('top') || anchor.startsWith('bottom');
  return { anchor, x: horizontalEdge ? margin : 0, y: verticalEdge ? margin : 0 };
}

function clipAudio(context: CheckContext, track: TrackTiming, item: ItemTiming): ClipAudio | undefined {
  const node = item.clip.node;
  const asset = item.clip.asset ? context.assets.get(item.clip.asset.name) : undefined;
  if (!asset || asset.lookup.status !== 'ok' || !asset.lookup.facts.audio || asset.kind === 'image') return undefined;
  if (readBoolean(track.track.node, 'mute') || readBoolean(node, 'mute')) return undefined;
  const fps = context.fps;
  const fade = (key: string): number => {
    const value = readTimeField(node, key, fps);
    return value ? timeToFrames(value, fps) : 0;
  };
  const audio: ClipAudio = { volume: readGain(valueOf(node, 'volume')) ?? 1, fadeIn: fade('fadeIn'), fadeOut: fade('fadeOut') };
  const duck = valueOf(node, 'duck');
  const under = readString(duck, 'under');
  if (under) audio.duck = { underTrack: under, amountDb: readDecibels(valueOf(duck, 'amount')) ?? DEFAULT_DUCK_DB };
  return audio;
}

function compileKeyframes(node: LocatedNode | undefined, context: CheckContext): ClipKeyframes | undefined {
  if (node?.kind !== 'map') return undefined;
  const result: ClipKeyframes = {};
  const list = <T>(key: string, read: (value: LocatedNode) => T | undefined): Keyframe<T>[] | undefined => {
    const items = valueOf(node, key);
    if (items?.kind !== 'seq') return undefined;
    const keyframes: Keyframe<T>[] = [];
    for (const item of items.items) {
      const at = readTime(valueOf(item, 'at'), context.fps);
      const rawValue = valueOf(item, 'value');
      const value = rawValue ? read(rawValue) : undefined;
      if (!at || value === undefined) continue;
      const ease = readString(item, 'ease');
      keyframes.push({ frame: timeToFrames(at, context.fps), value, ease: EASES.includes(ease as Ease) ? (ease as Ease) : 'linear' });
    }
    return keyframes.length ? keyframes.sort((a, b) => a.frame - b.frame) : undefined;
  };
  const number = (value: LocatedNode) => (value.kind === 'scalar' && typeof value.value === 'number' ? value.value : undefined);
  const position = list('position', (value) => {
    const x = readNumber(value, 'x');
    const y = readNumber(value, 'y');
    return x === undefined || y === undefined ? undefined : { x, y };
  });
  const scale = list('scale', number);
  const opacity = list('opacity', number);
  const volume = list('volume', (value) => readGain(value));
  if (position) result.position = position;
  if (scale) result.scale = scale;
  if (opacity) result.opacity = opacity;
  if (volume) result.volume = volume;
  for (const key of ['rotate', 'brightness', 'contrast', 'saturation', 'gamma', 'speed'] as const) {
    const keys = list(key, number);
    if (keys) result[key] = keys;
  }
  return Object.keys(result).length ? result : undefined;
}
