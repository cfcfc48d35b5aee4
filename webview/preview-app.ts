// The preview's controller: holds the timeline, playhead, zoom and playback state, answers
// host messages and turns keys, clicks and the proxy <video> into playhead moves.

import type { CompiledClip, CompiledTimeline } from '../protocol/compiled-timeline';
import type { HostToWebviewMessage, PreviewState, ProblemCount, ProxyState, WebviewToHostMessage } from '../protocol/webview';
import { h } from './dom';
import { frameKey, showsFrame } from './frame-key';
import { FrameView } from './frame-view';
import { DetectionOverlay } from './detection-overlay';
import { keyAction, type KeyAction } from './keyboard';
import { LanesView } from './lanes-view';
import { StripStore } from './strips';
import { applyTimelineDelta } from './timeline-delta';
import { ZOOM_STEP, clampZoom, fitZoom } from './layout';
import { formatTimecode, nominalFps } from './timecode';
import { Toolbar } from './toolbar';

export interface HostChannel {
  post(message: WebviewToHostMessage): void;
  saveState(state: PreviewState): void;
}

const MAX_SHUTTLE_RATE = 8;
const FRAME_CACHE_SIZE = 120;

export class PreviewApp {
  readonly element: HTMLElement;
  private readonly toolbar: Toolbar;
  private readonly lanes: LanesView;
  private readonly frameView: FrameView;
  private readonly emptyNote: HTMLElement;
  private readonly splitter: HTMLElement;
  private readonly strips: StripStore;

  private documentUri = '';
  private timeline: CompiledTimeline | undefined;
  private revision = -1;
  private playhead = 0;
  private zoom = 1;
  private readonly detections: DetectionOverlay;
  /** Until the user zooms, the lanes fit the panel width. */
  private zoomFitted = true;
  private selectedClipId: string | null = null;
  private proxy: ProxyState = { state: 'none' };
  /** 0 = paused; >0 forward via the proxy video; <0 backward, stepped by animation frames. */
  private rate = 0;
  private playWhenProxyReady = false;
  /** True while the playhead is being dragged or a step key repeats. */
  private scrubbing = false;
  private reverseClock: { at: number; position: number } | undefined;

  private nextRequestId = 1;
  private inflight: { requestId: number; frame: number } | undefined;
  private readonly frameCache = new Map<string, string>();

  constructor(private readonly host: HostChannel, restored: PreviewState | undefined) {
    if (restored) {
      this.documentUri = restored.documentUri;
      this.playhead = restored.playhead;
      this.zoom = restored.zoom;
      this.zoomFitted = false;
    }
    this.toolbar = new Toolbar({
      togglePlay: () => this.togglePlay(),
      zoom: (d) => this.zoomBy(d, this.playhead),
      action: (action) => this.host.post({ type: 'runAction', action, frame: this.playhead }),
      openProblems: () => this.host.post({ type: 'openProblems' }),
    });
    this.frameView = new FrameView();
    this.strips = new StripStore((m) => this.host.post(m), () => this.lanes.refreshStrips());
    this.lanes = new LanesView({
      seek: (frame) => this.seek(frame),
      scrubbing: (active) => this.setScrubbing(active),
      clipClicked: (clip, frame) => this.clipClicked(clip, frame),
      wheelZoom: (d, anchor) => this.zoomBy(d, anchor),
      edit: (gesture) => {
        this.toolbar.setStatus('Writing the edit…');
        this.host.post({ type: 'editGesture', gesture });
      },
      resized: () => this.refit(),
      strip: (request) => this.strips.get(request),
    });
    this.splitter = h('div', { class: 'splitter', id: 'splitter', role: 'separator', 'aria-orientation': 'horizontal', 'aria-label': 'Resize the lanes', title: 'Drag to give the lanes more or less room' });
    this.emptyNote = h('div', { class: 'empty-note', id: 'empty-note', role: 'status' }, 'Waiting for the timeline…');
    this.element = h('div', { class: 'preview', id: 'preview', tabindex: 0, 'aria-label': 'Timeline preview' },
      this.toolbar.element,
      h('div', { class: 'stage' }, this.frameView.element),
      this.emptyNote,
      this.splitter,
      this.lanes.element,
    );
    this.detections = new DetectionOverlay(this.lanes.element, () => this.zoom);
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('keyup', () => this.setScrubbing(false));
    this.listenSplitter();
    this.frameView.video.addEventListener('ended', () => this.pause());
  }

  /** Everything the host sends arrives here. */
  handle(message: HostToWebviewMessage): void {
    switch (message.type) {
      case 'timeline':
        this.setTimeline(message.documentUri, message.revision, message.timeline, message.stale, message.problems);
        break;
      case 'timelineDelta':
        // A delta needs the revision it was made from; anything else asks for the whole timeline again.
        if (!this.timeline || message.baseRevision !== this.revision) {
          this.host.post({ type: 'ready' });
          break;
        }
        this.setTimeline(message.documentUri, message.revision, applyTimelineDelta(this.timeline, message.delta), message.stale, message.problems);
        break;
      case 'noTimeline':
        this.documentUri = message.documentUri;
        this.toolbar.setProblems(message.problems, false);
        if (!this.timeline) this.showEmpty(message.reason);
        break;
      case 'frame':
        if (message.revision !== this.revision) break;
        this.cacheFrame(message.frame, message.dataUrl);
        if (this.inflight?.requestId === message.requestId) this.inflight = undefined;
        this.frameView.showFrame(message.requestId, message.revision, message.frame, message.dataUrl);
        this.requestFrameIfNeeded();
        break;
      case 'frameError':
        if (this.inflight?.requestId === message.requestId) this.inflight = undefined;
        this.frameView.setNote(message.message);
        break;
      case 'proxy':
        this.setProxy(message.proxy);
        break;
      case 'selectClip':
        this.selectFromEditor(message.clipId, message.reveal);
        break;
      case 'strip':
        this.strips.answer(message.key, message.dataUrl);
        break;
      case 'editRefused':
        this.toolbar.setStatus(message.reason);
        this.lanes.undoDrag();
        break;
      case 'detections':
        this.detections.show(message.spans);
        break;
    }
  }

  private setTimeline(uri: string, revision: number, timeline: CompiledTimeline, stale: boolean, problems: ProblemCount): void {
    const changed = revision !== this.revision;
    this.documentUri = uri;
    this.timeline = timeline;
    this.revision = revision;
    this.toolbar.setProblems(problems, stale);
    if (this.toolbar.statusText() === 'Writing the edit…') this.toolbar.setStatus('');
    this.element.classList.toggle('stale', stale);
    this.emptyNote.hidden = true;
    this.lanes.element.hidden = false;
    this.frameView.element.hidden = false;
    if (changed) {
      // A new edit: frames and proxy of the old one no longer show what renders.
      this.frameCache.clear();
      this.inflight = undefined;
      if (this.rate !== 0) this.pause();
      if (this.proxy.state !== 'none' && this.proxy.state !== 'rendering') this.proxy = { state: 'none' };
    }
    this.frameView.setAspect(timeline.output.width, timeline.output.height);
    this.playhead = Math.min(this.playhead, Math.max(0, timeline.durationFrames - 1));
    if (this.zoomFitted) this.zoom = fitZoom(timeline.durationFrames, this.lanes.visibleWidth() - 2);
    this.lanes.render(timeline, this.zoom);
    this.lanes.select(this.selectedClipId);
    this.movePlayhead(this.playhead);
    if (changed) this.requestFrameIfNeeded();
  }

  private showEmpty(reason: string): void {
    this.emptyNote.textContent = reason;
    this.emptyNote.hidden = false;
    this.lanes.element.hidden = true;
    this.frameView.element.hidden = true;
  }

  // ── playhead ─────────────────────────────────────────────────────────────

  private get lastFrame(): number {
    return Math.max(0, (this.timeline?.durationFrames ?? 1) - 1);
  }

  /** A user seek: stops playback, moves the playhead, asks for the frame (or shows the draft proxy's while scrubbing). */
  seek(frame: number): void {
    if (this.rate !== 0) this.pause();
    this.movePlayhead(frame);
    if (this.scrubbing && this.showProxyFrame()) return;
    this.requestFrameIfNeeded();
  }

  /**
   * While the playhead is dragged or a step key repeats, the draft proxy's decoder shows every frame
   * (an exact host frame takes a few hundred ms; the proxy seeks in a few); when it stops, the exact
   * frame replaces it. Without a ready proxy the first scrub asks for one and uses host frames.
   */
  private setScrubbing(active: boolean): void {
    if (active === this.scrubbing) return;
    this.scrubbing = active;
    if (active) {
      if (this.proxy.state === 'none' && this.timeline && !this.element.classList.contains('stale')) {
        this.host.post({ type: 'requestProxy', revision: this.revision });
      }
      return;
    }
    this.frameView.cancelScrub();
    if (this.rate === 0) {
      this.frameView.showVideo(false);
      this.requestFrameIfNeeded();
    }
  }

  /** Seeks the ready proxy to the playhead and shows it; false when there is no ready proxy. */
  private showProxyFrame(): boolean {
    if (this.proxy.state !== 'ready' || this.rate !== 0) return false;
    const video = this.frameView.video;
    if (video.getAttribute('src') !== this.proxy.src) video.src = this.proxy.src;
    this.frameView.scrubTo(this.secondsAt(this.playhead));
    this.frameView.showVideo(true);
    return true;
  }

  private movePlayhead(frame: number): void {
    const clamped = Math.min(this.lastFrame, Math.max(0, Math.round(frame)));
    const moved = clamped !== this.playhead;
    this.playhead = clamped;
    this.lanes.setPlayhead(clamped);
    if (this.timeline) this.toolbar.setTimecode(formatTimecode(clamped, this.timeline.output.fps, this.timeline.output.dropFrame));
    if (moved && this.rate === 0) this.host.post({ type: 'playhead', frame: clamped });
    this.host.saveState({ documentUri: this.documentUri, playhead: clamped, zoom: this.zoom });
  }

  private clipClicked(clip: CompiledClip, frame: number): void {
    this.selectedClipId = clip.id;
    this.lanes.select(clip.id);
    this.host.post({ type: 'revealClip', clipId: clip.id, range: clip.range });
    this.seek(frame);
  }

  private selectFromEditor(clipId: string | null, reveal: boolean): void {
    this.selectedClipId = clipId;
    this.lanes.select(clipId);
    if (!reveal || clipId === null || !this.timeline) return;
    const clip = this.timeline.tracks.flatMap((t) => t.items).find((i): i is CompiledClip => i.kind === 'clip' && i.id === clipId);
    if (clip && (this.playhead < clip.start || this.playhead >= clip.start + clip.duration)) {
      this.seek(clip.start);
      this.lanes.scrollIntoView(clip.start);
    }
  }

  // ── frames ───────────────────────────────────────────────────────────────

  /** One request at a time: when it answers, the latest playhead position is asked for next. */
  private requestFrameIfNeeded(): void {
    if (!this.timeline || this.inflight || this.rate > 0) return;
    const cached = this.frameCache.get(frameKey(this.revision, this.playhead));
    if (cached) {
      this.frameView.showFrame(this.nextRequestId++, this.revision, this.playhead, cached);
      return;
    }
    // The same frame number of an older revision is a stale picture: ask again.
    if (showsFrame(this.frameView.shown(), this.revision, this.playhead)) return;
    const requestId = this.nextRequestId++;
    this.inflight = { requestId, frame: this.playhead };
    this.host.post({ type: 'requestFrame', requestId, revision: this.revision, frame: this.playhead });
  }

  private cacheFrame(frame: number, dataUrl: string): void {
    this.frameCache.set(frameKey(this.revision, frame), dataUrl);
    if (this.frameCache.size > FRAME_CACHE_SIZE) {
      const oldest = this.frameCache.keys().next().value;
      if (oldest !== undefined) this.frameCache.delete(oldest);
    }
  }

  // ── playback ─────────────────────────────────────────────────────────────

  private setProxy(proxy: ProxyState): void {
    if (proxy.state !== 'none' && proxy.revision !== this.revision) return;
    this.proxy = proxy;
    switch (proxy.state) {
      case 'rendering':
        this.toolbar.setStatus(`Preparing playback… ${Math.round(proxy.percent)}%`);
        break;
      case 'ready':
        this.toolbar.setStatus('');
        if (this.frameView.video.getAttribute('src') !== proxy.src) this.frameView.video.src = proxy.src;
        if (this.playWhenProxyReady) {
          this.playWhenProxyReady = false;
          this.play(1);
        }
        break;
      case 'failed':
        this.playWhenProxyReady = false;
        this.toolbar.setStatus(`Playback unavailable: ${proxy.message}`);
        break;
      case 'none':
        this.toolbar.setStatus('');
        break;
    }
  }

  togglePlay(): void {
    if (this.rate !== 0 || this.playWhenProxyReady) this.pause();
    else this.play(1);
  }

  private play(rate: number): void {
    if (!this.timeline) return;
    if (rate > 0) {
      if (this.proxy.state !== 'ready') {
        this.playWhenProxyReady = true;
        this.toolbar.setStatus('Preparing playback…');
        this.host.post({ type: 'requestProxy', revision: this.revision });
        return;
      }
      if (this.playhead >= this.lastFrame) this.movePlayhead(0);
      const video = this.frameView.video;
      video.playbackRate = rate;
      this.frameView.cancelScrub();
      video.currentTime = this.secondsAt(this.playhead);
      this.rate = rate;
      this.frameView.showVideo(true);
      void video.play().catch(() => this.pause());
      this.tick();
    } else {
      this.frameView.video.pause();
      this.rate = rate;
      this.reverseClock = { at: performance.now(), position: this.playhead };
      this.tick();
    }
    this.toolbar.setPlaying(true);
  }

  pause(): void {
    const wasPlaying = this.rate !== 0;
    this.rate = 0;
    this.playWhenProxyReady = false;
    this.reverseClock = undefined;
    this.frameView.video.pause();
    this.frameView.showVideo(false);
    this.toolbar.setPlaying(false);
    if (this.proxy.state !== 'rendering') this.toolbar.setStatus('');
    if (wasPlaying) {
      this.host.post({ type: 'playhead', frame: this.playhead });
      this.requestFrameIfNeeded();
    }
  }

  /** J/L: start shuttling, or speed up in the same direction, or turn around. */
  private shuttle(direction: 1 | -1): void {
    const same = Math.sign(this.rate) === direction;
    const speed = same ? Math.min(MAX_SHUTTLE_RATE, Math.abs(this.rate) * 2) : 1;
    if (this.rate !== 0 && !same) this.pause();
    this.play(direction * speed);
  }

  private tick(): void {
    requestAnimationFrame((now) => {
      if (this.rate === 0 || !this.timeline) return;
      if (this.rate > 0) {
        const frame = Math.floor(this.frameView.video.currentTime * this.fps + 1e-6);
        this.movePlayhead(frame);
        this.lanes.scrollIntoView(this.playhead);
      } else if (this.reverseClock) {
        const position = this.reverseClock.position + ((now - this.reverseClock.at) / 1000) * this.fps * this.rate;
        this.movePlayhead(Math.max(0, Math.floor(position)));
        this.lanes.scrollIntoView(this.playhead);
        this.requestFrameIfNeeded();
        if (position <= 0) {
          this.pause();
          return;
        }
      }
      this.tick();
    });
  }

  private get fps(): number {
    const fps = this.timeline?.output.fps;
    return fps ? fps.num / fps.den : 30;
  }

  private secondsAt(frame: number): number {
    // Aim at the middle of the frame so the decoder lands on it, not on the one before.
    return (frame + 0.5) / this.fps;
  }

  // ── keys and zoom ────────────────────────────────────────────────────────

  private onKey(e: KeyboardEvent): void {
    const action = keyAction(e);
    if (!action || !this.timeline) return;
    e.preventDefault();
    // A held step key scrubs: every step is shown (from the proxy), the exact frame comes on release.
    if (e.repeat && (action.kind === 'step' || action.kind === 'stepSeconds')) this.setScrubbing(true);
    this.run(action);
  }

  private run(action: KeyAction): void {
    const second = this.timeline ? nominalFps(this.timeline.output.fps) : 30;
    switch (action.kind) {
      case 'togglePlay': return this.togglePlay();
      case 'shuttle': return this.shuttle(action.direction);
      case 'pause': return this.pause();
      case 'step': return this.seekAndShow(this.playhead + action.frames);
      case 'stepSeconds': return this.seekAndShow(this.playhead + action.seconds * second);
      case 'home': return this.seekAndShow(0);
      case 'end': return this.seekAndShow(this.lastFrame);
      case 'zoom': return this.zoomBy(action.direction, this.playhead);
    }
  }

  private seekAndShow(frame: number): void {
    this.seek(frame);
    this.lanes.scrollIntoView(this.playhead);
  }

  /** The panel was resized: a fitted zoom fits the new width. */
  private refit(): void {
    if (!this.timeline || !this.zoomFitted) return;
    const zoom = fitZoom(this.timeline.durationFrames, this.lanes.visibleWidth() - 2);
    if (Math.abs(zoom - this.zoom) < 1e-9) return;
    this.zoom = zoom;
    this.lanes.render(this.timeline, zoom);
    this.lanes.setPlayhead(this.playhead);
  }

  /** Dragging the bar between the frame and the lanes shares the panel's height between them. */
  private listenSplitter(): void {
    let startY = 0;
    let startHeight = 0;
    this.splitter.addEventListener('pointerdown', (e) => {
      startY = e.clientY;
      startHeight = this.lanes.element.getBoundingClientRect().height;
      this.splitter.setPointerCapture(e.pointerId);
    });
    this.splitter.addEventListener('pointermove', (e) => {
      if (!this.splitter.hasPointerCapture(e.pointerId)) return;
      const available = this.element.getBoundingClientRect().height;
      const height = Math.min(available - 120, Math.max(60, startHeight + startY - e.clientY));
      this.lanes.element.style.height = `${height}px`;
      this.lanes.element.style.maxHeight = 'none';
    });
    this.splitter.addEventListener('pointerup', (e) => this.splitter.releasePointerCapture(e.pointerId));
  }

  private zoomBy(direction: 1 | -1, anchorFrame: number): void {
    if (!this.timeline) return;
    const screenX = this.lanes.screenOffset(anchorFrame);
    this.zoom = clampZoom(direction > 0 ? this.zoom * ZOOM_STEP : this.zoom / ZOOM_STEP);
    this.zoomFitted = false;
    this.lanes.render(this.timeline, this.zoom);
    this.lanes.setPlayhead(this.playhead);
    this.lanes.anchorScroll(anchorFrame, screenX);
    this.host.saveState({ documentUri: this.documentUri, playhead: this.playhead, zoom: this.zoom });
  }
}
