// Messages between the preview panel host (extension/preview) and its front end (webview/).
// Declared once; both sides switch on `type`, so a new message is a compile error until handled.

import type { CompiledItem, CompiledTimeline, CompiledTrack } from './compiled-timeline';
import type { TimelineGesture } from './gestures';
import type { SourceRange } from './source-range';

/** The webview's view type, also used by the panel serializer. */
export const PREVIEW_VIEW_TYPE = 'atropos.preview';

/** How many problems the document has now (the shown timeline may be an older, good one). */
export interface ProblemCount {
  errors: number;
  warnings: number;
}

/** What `vscode.setState` keeps, so a restored panel reopens the same document at the same place. */
export interface PreviewState {
  documentUri: string;
  playhead: number;
  /** Pixels per frame on the lanes. */
  zoom: number;
}

// ── host → webview ─────────────────────────────────────────────────────────

/** Sent by the host: the timeline to draw. `stale` = the document has errors and this is the last good one. */
export interface TimelineMessage {
  type: 'timeline';
  documentUri: string;
  /** Increases with every compiled version the host sends; frames and proxies name the one they belong to. */
  revision: number;
  timeline: CompiledTimeline;
  stale: boolean;
  problems: ProblemCount;
}

/**
 * What changed from one revision of the timeline to the next, so a 50,000-clip timeline is not sent
 * again for every keystroke. Tracks not named in `tracks` are unchanged; `trackOrder` is the new order.
 * Within a track: items [0, start) stay, `deleteCount` old items give way to `items`, and the items
 * after them stay but their source lines moved by `shiftLines` (text inserted or removed above them).
 */
export interface TimelineDelta {
  /** Everything but the tracks, when any of it changed. */
  head?: Omit<CompiledTimeline, 'tracks'>;
  trackOrder: string[];
  tracks: TrackDelta[];
}

export type TrackDelta =
  | { id: string; full: CompiledTrack }
  | { id: string; header?: Omit<CompiledTrack, 'items'>; start: number; deleteCount: number; items: CompiledItem[]; shiftLines: number };

/** Sent by the host instead of `timeline` when the webview has `baseRevision`: only what changed. */
export interface TimelineDeltaMessage {
  type: 'timelineDelta';
  documentUri: string;
  baseRevision: number;
  revision: number;
  delta: TimelineDelta;
  stale: boolean;
  problems: ProblemCount;
}

/** Sent by the host when the document has no good timeline at all yet. */
export interface NoTimelineMessage {
  type: 'noTimeline';
  documentUri: string;
  problems: ProblemCount;
  /** Why, in words, e.g. "The timeline has 2 errors." */
  reason: string;
}

/** Sent by the host: the composite frame at `frame`, as a `data:image/png;base64,…` URL. */
export interface FrameMessage {
  type: 'frame';
  requestId: number;
  revision: number;
  frame: number;
  dataUrl: string;
}

/** Sent by the host when a frame could not be made (the previous frame stays on screen). */
export interface FrameErrorMessage {
  type: 'frameError';
  requestId: number;
  frame: number;
  message: string;
}

export type ProxyState =
  | { state: 'none' }
  | { state: 'rendering'; revision: number; percent: number }
  | { state: 'ready'; revision: number; /** webview URI of the H.264 + MP3 draft. */ src: string }
  | { state: 'failed'; revision: number; message: string };

/** Sent by the host: where the draft proxy for playback stands. */
export interface ProxyMessage {
  type: 'proxy';
  proxy: ProxyState;
}

/** Sent by the host when the editor cursor moves: select the clip under it (null = none). */
export interface SelectClipMessage {
  type: 'selectClip';
  clipId: string | null;
  /** Also move the playhead to the clip's start when it is outside the clip. */
  reveal: boolean;
}

/** Sent by the host when a lanes gesture could not be written to the file (the lanes snap back). */
export interface EditRefusedMessage {
  type: 'editRefused';
  reason: string;
}

/** Detected spans shown on the ruler while the user decides what to insert; `spans: null` clears them. */
export interface DetectionsMessage {
  type: 'detections';
  spans: DetectionMark[] | null;
}

export interface DetectionMark {
  /** Timeline frames; a cut has endFrame = startFrame. */
  startFrame: number;
  endFrame: number;
  profile: 'scenes' | 'silence' | 'highlights';
  label: string;
}

/** Sent by the host: the filmstrip or waveform asked for under `key` (null when it could not be made). */
export interface StripMessage {
  type: 'strip';
  key: string;
  dataUrl: string | null;
}

export type HostToWebviewMessage =
  | TimelineDeltaMessage
  | StripMessage
  | EditRefusedMessage
  | TimelineMessage
  | NoTimelineMessage
  | FrameMessage
  | FrameErrorMessage
  | ProxyMessage
  | SelectClipMessage
  | DetectionsMessage;

// ── webview → host ─────────────────────────────────────────────────────────

/** Sent by the webview once its script runs; the host answers with the current timeline. */
export interface ReadyMessage {
  type: 'ready';
}

/** Sent by the webview when the playhead settles on a frame that has no image yet. */
export interface RequestFrameMessage {
  type: 'requestFrame';
  requestId: number;
  revision: number;
  frame: number;
}

/** Sent by the webview when a clip is clicked: reveal and select its YAML range. */
export interface RevealClipMessage {
  type: 'revealClip';
  clipId: string;
  range: SourceRange;
}

/** Sent by the webview when the playhead moves (the host keeps it for Export Frame and restore). */
export interface PlayheadMessage {
  type: 'playhead';
  frame: number;
}

/** Sent by the webview when playback is wanted and no ready proxy is known. */
export interface RequestProxyMessage {
  type: 'requestProxy';
  revision: number;
}

/** Sent by the webview: the problem count link was clicked. */
export interface OpenProblemsMessage {
  type: 'openProblems';
}

/** Toolbar actions the host runs as the matching VS Code command. */
export type PreviewAction = 'render' | 'renderWith' | 'exportFrame';

export interface RunActionMessage {
  type: 'runAction';
  action: PreviewAction;
  frame: number;
}

/** Sent by the webview when a drag on the lanes ends: write it to the YAML (one undo step). */
export interface EditGestureMessage {
  type: 'editGesture';
  gesture: TimelineGesture;
}

/** Sent by the webview for a clip block on screen: a filmstrip (video, stills) or waveform (sound) of an asset's source range. */
export interface RequestStripMessage {
  type: 'requestStrip';
  key: string;
  /** Asset id (the host looks its path up in the timeline it sent; the webview never names files). */
  asset: string;
  kind: 'thumbnails' | 'waveform';
  fromSeconds: number;
  toSeconds: number;
  width: number;
  height: number;
}

export type WebviewToHostMessage =
  | RequestStripMessage
  | EditGestureMessage
  | ReadyMessage
  | RequestFrameMessage
  | RevealClipMessage
  | PlayheadMessage
  | RequestProxyMessage
  | OpenProblemsMessage
  | RunActionMessage;
