// The CompiledTimeline: the one exact, normalised form of a timeline.
// The core produces it; the preview draws it; the render host renders it.
// Its JSON Schema is schemas/compiled-timeline.schema.json (keep the two in step).
//
// Time on the timeline is in integer frames at the output rate. Time inside a source is an
// exact rational number of seconds. Nothing here is floating-point seconds.

import type { MediaFacts, Rational } from './media-facts';
import type { SourceRange } from './source-range';

export type { Rational } from './media-facts';

export const COMPILED_TIMELINE_VERSION = 1 as const;

export interface CompiledTimeline {
  version: typeof COMPILED_TIMELINE_VERSION;
  /** Absolute path of the *.timeline.yaml this came from. */
  sourceFile: string;
  output: CompiledOutput;
  /** Length of the whole timeline in output frames (the end of the last item on any track). */
  durationFrames: number;
  assets: CompiledAsset[];
  /** Bottom layer first, as in the file. */
  tracks: CompiledTrack[];
  subtitles?: CompiledSubtitles;
  markers: CompiledMarker[];
}

export type VideoCodec = 'h264' | 'hevc' | 'vp9' | 'av1' | 'prores' | 'gif';
export type AudioCodec = 'aac' | 'mp3' | 'opus' | 'flac' | 'pcm';

export interface CompiledOutput {
  /** Absolute path of the file a final render writes. */
  path: string;
  width: number;
  height: number;
  /** Exact output rate: 30/1, 30000/1001, 24000/1001, … */
  fps: Rational;
  /** True when timecodes are shown drop-frame (29.97 and 59.94 only). */
  dropFrame: boolean;
  /** `#rrggbb`: what gaps and uncovered areas show. */
  background: string;
  /** Absent for audio-only outputs. */
  video?: {
    codec: VideoCodec;
    crf?: number;
    /** e.g. `8M`; when set, used instead of crf. */
    bitrate?: string;
    preset?: string;
    /** e.g. `yuv420p`; defaulted per codec by the planner when absent. */
    pixelFormat?: string;
  };
  /** Absent when the output has no audio (e.g. GIF). */
  audio?: {
    codec: AudioCodec;
    bitrate?: string;
    sampleRate: number;
    channels: number;
  };
  /** EBU R128 integrated loudness target in LUFS, when loudness normalisation is wanted. */
  loudness?: number;
  range?: SourceRange;
}

export type AssetKind = 'video' | 'audio' | 'image' | 'subtitle';

export interface CompiledAsset {
  id: string;
  /** Absolute path. */
  path: string;
  kind: AssetKind;
  /** What the probe found; absent when it was not probed (e.g. subtitles). */
  media?: MediaFacts;
  range: SourceRange;
}

/** `video`: clips follow one another; `overlay`: clips at absolute times over the tracks below; `audio`: sound only. */
export type TrackKind = 'video' | 'overlay' | 'audio';

export interface CompiledTrack {
  id: string;
  kind: TrackKind;
  /** No sound from this track's clips. */
  muted: boolean;
  /** Sorted by `start`. On a video track clips and gaps tile the track from frame 0, overlapping only at transitions. */
  items: CompiledItem[];
  range: SourceRange;
}

export type CompiledItem = CompiledClip | CompiledGap;

export interface CompiledGap {
  kind: 'gap';
  start: number;
  duration: number;
  range: SourceRange;
}

export type Anchor =
  | 'top-left' | 'top' | 'top-right'
  | 'left' | 'center' | 'right'
  | 'bottom-left' | 'bottom' | 'bottom-right';

/** Where an overlay sits: its anchor point goes to the same anchor of the frame, moved inward by x/y pixels. */
export interface Placement {
  anchor: Anchor;
  x: number;
  y: number;
}

export type Ease = 'linear' | 'ease-in' | 'ease-out' | 'ease-in-out' | 'hold';

/** `frame` is relative to the clip's own start. The value holds before the first and after the last keyframe. */
export interface Keyframe<T> {
  frame: number;
  value: T;
  /** How the value moves from this keyframe to the next. */
  ease: Ease;
}

export interface ClipKeyframes {
  /** Overlays: replaces `placement`'s x/y (pixels inward from its anchor). Video-track clips: offset from the centred picture. */
  position?: Keyframe<{ x: number; y: number }>[];
  scale?: Keyframe<number>[];
  opacity?: Keyframe<number>[];
  /** Linear gain. */
  volume?: Keyframe<number>[];
  /** Degrees clockwise (replaces `look.rotate.angle`). */
  rotate?: Keyframe<number>[];
  /** Colour keyframes replace the matching `look.color` value (eq evaluates them per frame). */
  brightness?: Keyframe<number>[];
  contrast?: Keyframe<number>[];
  saturation?: Keyframe<number>[];
  gamma?: Keyframe<number>[];
  /** A speed ramp (the clip's `speed` is then its mean speed); `hold` keeps a speed, other eases move it linearly. */
  speed?: Keyframe<number>[];
}

/** Picture effects of a media clip, applied to its source picture before it is sized (docs/timeline-format.md, "Looks"). */
export interface ClipLook {
  color?: ColorAdjust;
  /** Absolute path of a 3D LUT (`.cube`), checked when analysed. */
  lut?: string;
  /** Shares (0–1) of the source picture cut from each side. */
  crop?: { left: number; right: number; top: number; bottom: number };
  /** Degrees clockwise about the centre; the picture keeps its size, the corners show `fill` (absent: transparent over what is below, the background on the first video track). */
  rotate?: { angle: number; fill?: string };
  flip?: 'horizontal' | 'vertical' | 'both';
  /** Gaussian blur: sigma in output pixels (for a full-frame picture). */
  blur?: number;
  /** Unsharp mask amount (0–5). */
  sharpen?: number;
  /** Darkened corners, 0 (none) – 1 (strongest). */
  vignette?: number;
  /** Pixels near `color` become transparent. */
  chromaKey?: { color: string; similarity: number; blend: number };
  /** Only the inside of a shape shows: x, y, width, height are shares (0–1) of the picture; feather in output pixels. */
  mask?: { shape: 'rect' | 'ellipse'; x: number; y: number; width: number; height: number; feather: number; invert: boolean };
  /** A luma matte: an image or video asset stretched over the picture, white shows and black hides (frame n of a video matte with the clip's frame n); feather in output pixels. */
  matte?: { asset: string; feather: number; invert: boolean };
}

export type AudioVisualKind = 'waveform' | 'spectrum' | 'vectorscope';

export interface AudioVisual {
  kind: AudioVisualKind;
  /** `#rrggbb` */
  color: string;
  /** Pixels at the output size. */
  width: number;
  height: number;
}

/** Neutral values: brightness 0, contrast 1, saturation 1, gamma 1, temperature 6500 (K). */
export interface ColorAdjust {
  brightness: number;
  contrast: number;
  saturation: number;
  gamma: number;
  temperature: number;
}

export type ClipSource = MediaSource | TextSource;

export interface MediaSource {
  kind: 'media';
  /** Asset id; its path and facts are in `CompiledTimeline.assets`. */
  asset: string;
  /** Source in point, seconds from the start of the media. Stills: 0/1. */
  in: Rational;
  /** Source out point (exclusive), = in + duration / fps × speed. Stills: equal to in. */
  out: Rational;
}

export interface TextStyle {
  font: string;
  /** Absolute path of the font file when it was resolved; drawtext uses it instead of fontconfig. */
  fontFile?: string;
  /** Pixels at the output size. */
  size: number;
  /** `#rrggbb` */
  color: string;
  box: boolean;
  /** `#rrggbb` */
  boxColor: string;
  boxOpacity: number;
  /** Pixels between the text and the box edge. */
  boxPadding: number;
  align: 'left' | 'center' | 'right';
  /** Optional outline. */
  borderWidth: number;
  borderColor: string;
  /** 100–900 (400 regular, 700 bold); absent: regular. Drawn through the title image. */
  weight?: number;
  italic?: boolean;
  /** Corner radius of the box, pixels. */
  boxRadius?: number;
  /** Wrap lines to this width in pixels (the block is then this wide, lines aligned inside it). */
  width?: number;
  /** A drop shadow under the letters (and the box). */
  shadow?: { color: string; opacity: number; x: number; y: number; blur: number };
}

/** A title image the runner draws (skia through @napi-rs/canvas: shaping, colour emoji, per-glyph fallback). */
export type TextRender = 'drawtext' | 'image';

/** Text motion presets: how a title comes in and goes out. */
export type TextMotionKind = 'slide-left' | 'slide-right' | 'slide-up' | 'slide-down' | 'pop' | 'fade' | 'typewriter' | 'wipe';

export interface TextMotion {
  kind: TextMotionKind;
  /** Frames. */
  duration: number;
  ease: Ease;
}

export interface TextSource {
  kind: 'text';
  /** Final text, variables already substituted; rendered literally, never interpreted. */
  text: string;
  style: TextStyle;
  /** `image` when the title needs what drawtext lacks (colour emoji, glyph fallback, wrapping, weight, shadow, rounded box, motion presets); absent: drawtext. */
  render?: TextRender;
  enter?: TextMotion;
  exit?: TextMotion;
}

export interface TransitionIn {
  /** An FFmpeg xfade transition name (`fade`, `dissolve`, `wipeleft`, …). */
  type: string;
  /** Overlap with the previous item on the same track, in frames. */
  duration: number;
  range: SourceRange;
  /** `type: luma`: the greyscale image's absolute path (dark parts show the incoming clip first) and the edge's softness (0–1). */
  luma?: { path: string; softness: number };
}

export interface ClipAudio {
  /** Linear gain (1 = unchanged). */
  volume: number;
  fadeIn: number;
  fadeOut: number;
  /** Lower this clip's level while the given track has sound (sidechain compression). */
  duck?: { underTrack: string; amountDb: number };
}

export interface CompiledClip {
  kind: 'clip';
  /** Stable within one compile: `<trackId>/<index in the file>`. */
  id: string;
  /** What the preview shows on the block: asset id or the text. */
  name: string;
  /** First frame on the timeline (inclusive). */
  start: number;
  /** Length on the timeline in frames (> 0). */
  duration: number;
  source: ClipSource;
  /** Playback speed; 2 = twice as fast. Audio keeps its pitch. */
  speed: number;
  fit: 'cover' | 'contain' | 'fill';
  /** Overlay tracks only (video-track clips fill the frame per `fit`). */
  placement?: Placement;
  /**
   * Overlay scale relative to the output height-fit of the media (1 = as large as fits).
   * For text clips it multiplies `style.size` (the drawn font size is size × scale).
   */
  scale: number;
  opacity: number;
  /** Video fades, in frames. */
  fadeIn: number;
  fadeOut: number;
  keyframes?: ClipKeyframes;
  /** Present on a clip that starts with a transition from the previous item on its track. */
  transitionIn?: TransitionIn;
  /** Picture effects (colour, LUT, crop, rotate, flip, blur, sharpen, vignette, chroma key). */
  look?: ClipLook;
  /** The source range plays backwards (no sound). */
  reverse?: boolean;
  /** A held frame: the source frame at this time (seconds into the media) for the whole clip (no sound). */
  freeze?: Rational;
  /** An overlay that draws its asset's sound (waveform, spectrum, vectorscope) instead of a picture; silent itself. */
  visual?: AudioVisual;
  /** Absent when the clip contributes no sound (muted, silent track, still, text). */
  audio?: ClipAudio;
  range: SourceRange;
}

export interface CompiledSubtitles {
  asset: string;
  /** Absolute path of the .srt or .ass file. */
  path: string;
  style: { size?: number; font?: string; color?: string };
  range: SourceRange;
}

export interface CompiledMarker {
  frame: number;
  label: string;
  range: SourceRange;
}
