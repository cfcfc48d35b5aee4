// The ruler, one lane per track, clip and gap blocks, transitions, markers and the playhead, and
// editing by dragging: a clip's edges trim it, an overlay or audio clip's body moves it, a video-track
// clip's body reorders it, a transition's handle sets its length, a marker moves. A finished drag is
// reported as one gesture (protocol/gestures.ts); the lanes then wait for the new timeline.
// Only the items near the visible window are in the DOM, so 50,000 clips scroll like 50.

import type { CompiledClip, CompiledItem, CompiledTimeline, CompiledTrack } from '../protocol/compiled-timeline';
import type { TimelineGesture } from '../protocol/gestures';
import type { RequestStripMessage } from '../protocol/webview';
import { h } from './dom';
import { DRAG_THRESHOLD_PX, clipGesture, grabAt, snapFrame, snapMove, snapTargets, type ClipGrab } from './drag';
import { contentWidth, frameToX, laneOrder, rulerTicks, runningEnds, transitionBlocks, visibleItems, xToFrame, type TransitionBlock } from './layout';
import { stripFor } from './strips';
import { formatDuration, formatTimecode } from './timecode';

export interface LanesViewEvents {
  seek(frame: number): void;
  /** A scrub (drag on the ruler or an empty lane) starts or ends. */
  scrubbing(active: boolean): void;
  clipClicked(clip: CompiledClip, frame: number): void;
  /** Wheel zoom around `anchorFrame`; `direction` 1 = in. */
  wheelZoom(direction: 1 | -1, anchorFrame: number): void;
  /** The picture for a clip block (filmstrip or waveform): the data URL, null when there is none, undefined while it is coming. */
  strip(request: Omit<RequestStripMessage, 'type'>): string | null | undefined;
  /** A drag on the lanes finished: write it to the file. */
  edit(gesture: TimelineGesture): void;
  /** The lanes' visible width changed (panel resized). */
  resized(): void;
}

interface LaneState {
  track: CompiledTrack;
  element: HTMLElement;
  ends: number[];
  transitions: TransitionBlock[];
}

type Drag =
  | { kind: 'scrub' }
  | { kind: 'clip'; clip: CompiledClip; track: CompiledTrack; grab: ClipGrab; el: HTMLElement; pressX: number; moved: boolean; delta: number; pointerFrame: number; targets: number[] }
  | { kind: 'transition'; block: TransitionBlock; el: HTMLElement; frames: number; targets: number[] }
  | { kind: 'marker'; index: number; el: HTMLElement; pressX: number; moved: boolean; frame: number; targets: number[] };

export class LanesView {
  readonly element: HTMLElement;
  private readonly headerList: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly content: HTMLElement;
  private readonly rulerEl: HTMLElement;
  private readonly playhead: HTMLElement;
  private timeline: CompiledTimeline | undefined;
  private lanes: LaneState[] = [];
  private zoom = 1;
  private playheadFrame = 0;
  private selectedClipId: string | null = null;
  private assetKinds = new Map<string, string>();
  /** Every clip by id (built once per render: lookups on drag and when a strip arrives stay O(1)). */
  private clips = new Map<string, { clip: CompiledClip; track: CompiledTrack }>();
  /** Frames [from, to) whose items are in the DOM. */
  private painted: [number, number] = [0, 0];
  private paintQueued = false;
  private drag: Drag | undefined;
  /** Set while a finished drag waits for the timeline that carries it (the dragged block stays where it was dropped). */
  private awaitingEdit = false;

  constructor(private readonly events: LanesViewEvents) {
    this.headerList = h('div', { class: 'track-header-list', id: 'track-headers' });
    const headers = h('div', { class: 'track-headers' }, h('div', { class: 'ruler-corner' }), this.headerList);
    this.playhead = h('div', { class: 'playhead', id: 'playhead', role: 'slider', 'aria-label': 'Playhead', 'aria-valuemin': 0 },
      h('div', { class: 'playhead-handle' }));
    this.rulerEl = h('div', { class: 'ruler', id: 'ruler', 'aria-label': 'Ruler' });
    this.content = h('div', { class: 'lanes-content', id: 'lanes-content' });
    this.scroller = h('div', { class: 'lanes-scroller', id: 'lanes-scroller' }, this.content);
    this.element = h('div', { class: 'timeline', id: 'timeline' }, headers, this.scroller);
    this.listen();
  }

  /** Visible width of the lanes, for fit-to-width zoom. */
  visibleWidth(): number {
    return this.scroller.clientWidth;
  }

  render(timeline: CompiledTimeline, zoom: number): void {
    this.timeline = timeline;
    this.zoom = zoom;
    this.awaitingEdit = false;
    this.assetKinds = new Map(timeline.assets.map((a) => [a.id, a.kind]));
    this.clips = new Map();
    for (const track of timeline.tracks) for (const item of track.items) if (item.kind === 'clip') this.clips.set(item.id, { clip: item, track });
    const tracks = laneOrder(timeline.tracks);
    this.headerList.replaceChildren(
      ...tracks.map((t) => h('div', { class: `track-header kind-${t.kind}`, 'data-track-id': t.id, title: `${t.id} (${t.kind})` },
        h('span', { class: 'track-kind', 'aria-hidden': 'true' }, t.kind === 'video' ? 'V' : t.kind === 'overlay' ? 'O' : 'A'),
        h('span', { class: 'track-name' }, t.id),
        t.muted ? h('span', { class: 'muted-badge', title: 'Muted' }, ' M') : '')),
    );
    this.lanes = tracks.map((track) => ({
      track,
      element: h('div', { class: `lane kind-${track.kind}`, 'data-track-id': track.id, role: 'list', 'aria-label': `Track ${track.id} (${track.kind})` }),
      ends: runningEnds(track.items),
      transitions: transitionBlocks(track),
    }));
    this.content.style.width = `${contentWidth(timeline, zoom)}px`;
    this.content.replaceChildren(this.rulerEl, ...this.lanes.map((l) => l.element), this.playhead);
    this.playhead.setAttribute('aria-valuemax', String(Math.max(0, timeline.durationFrames - 1)));
    this.painted = [0, 0];
    this.paint();
  }

  setPlayhead(frame: number): void {
    this.playheadFrame = frame;
    this.playhead.style.left = `${frameToX(frame, this.zoom)}px`;
    this.playhead.setAttribute('aria-valuenow', String(frame));
    if (this.timeline) this.playhead.setAttribute('aria-valuetext', formatTimecode(frame, this.timeline.output.fps, this.timeline.output.dropFrame));
  }

  /** Keeps `frame` at the same screen position after a zoom change. */
  anchorScroll(frame: number, screenX: number): void {
    this.scroller.scrollLeft = Math.max(0, frameToX(frame, this.zoom) - screenX);
    this.paint();
  }

  /** Scrolls just enough to show `frame`. */
  scrollIntoView(frame: number): void {
    const x = frameToX(frame, this.zoom);
    const left = this.scroller.scrollLeft;
    const width = this.scroller.clientWidth;
    if (x < left || x > left + width - 8) {
      this.scroller.scrollLeft = Math.max(0, x - width / 2);
      this.paint();
    }
  }

  /** Screen offset of `frame` inside the visible lanes. */
  screenOffset(frame: number): number {
    return frameToX(frame, this.zoom) - this.scroller.scrollLeft;
  }

  select(clipId: string | null): void {
    this.selectedClipId = clipId;
    this.applySelection();
  }

  /** A drag was refused or changed nothing: draw the timeline as it is. */
  undoDrag(): void {
    this.awaitingEdit = false;
    if (this.timeline) this.render(this.timeline, this.zoom);
  }

  private applySelection(): void {
    for (const el of this.content.querySelectorAll<HTMLElement>('.clip')) {
      const selected = el.dataset.clipId === this.selectedClipId;
      el.classList.toggle('selected', selected);
      el.setAttribute('aria-selected', String(selected));
    }
  }

  // ── drawing (only what is near the visible window) ───────────────────────

  private visibleFrames(): [number, number] {
    const left = this.scroller.scrollLeft;
    const width = Math.max(this.scroller.clientWidth, 200);
    return [Math.floor((left - width) / this.zoom), Math.ceil((left + 2 * width) / this.zoom)];
  }

  /** Redraws the items of frames around the visible ones when the view has left what was drawn. */
  private paint(force = false): void {
    const timeline = this.timeline;
    if (!timeline) return;
    const [from, to] = this.visibleFrames();
    const viewLeft = this.scroller.scrollLeft / this.zoom;
    const viewRight = (this.scroller.scrollLeft + this.scroller.clientWidth) / this.zoom;
    const [paintedFrom, paintedTo] = this.painted;
    if (!force && paintedTo > paintedFrom && viewLeft >= paintedFrom && viewRight <= paintedTo) {
      this.stickNames();
      return;
    }
    this.painted = [from, to];
    this.paintRuler(timeline, from, to);
    for (const lane of this.lanes) this.paintLane(lane, timeline, from, to);
    this.applySelection();
    this.stickNames();
  }

  private paintRuler(timeline: CompiledTimeline, from: number, to: number): void {
    const { fps, dropFrame } = timeline.output;
    const children: HTMLElement[] = [];
    for (const tick of rulerTicks(timeline.durationFrames, this.zoom, fps, 90, from, to)) {
      const el = h('div', { class: tick.major ? 'tick major' : 'tick' });
      el.style.left = `${frameToX(tick.frame, this.zoom)}px`;
      if (tick.major) el.append(h('span', { class: 'tick-label' }, formatTimecode(tick.frame, fps, dropFrame)));
      children.push(el);
    }
    timeline.markers.forEach((marker, index) => {
      if (marker.frame < from || marker.frame > to) return;
      const el = h('div', {
        class: 'marker', 'data-frame': marker.frame, 'data-marker-index': index,
        title: `${marker.label} — ${formatTimecode(marker.frame, fps, dropFrame)} (drag to move)`, 'aria-label': `Marker ${marker.label}`,
      }, h('span', { class: 'marker-label' }, marker.label));
      el.style.left = `${frameToX(marker.frame, this.zoom)}px`;
      children.push(el);
    });
    this.rulerEl.replaceChildren(...children);
  }

  private paintLane(lane: LaneState, timeline: CompiledTimeline, from: number, to: number): void {
    const fps = timeline.output.fps;
    const children: HTMLElement[] = [];
    for (const item of visibleItems(lane.track.items, lane.ends, from, to)) children.push(this.itemElement(item, lane, fps));
    for (const t of lane.transitions) {
      if (t.start + t.duration < from || t.start > to) continue;
      const el = h('div', {
        class: 'transition', 'data-clip-id': t.clipId, 'data-start': t.start, 'data-duration': t.duration,
        title: `${t.type} — ${formatDuration(t.duration, fps)} (drag its right edge to change the length)`, 'aria-label': `Transition ${t.type}`,
      }, h('span', { class: 'transition-label' }, t.type), h('div', { class: 'transition-handle', 'data-clip-id': t.clipId }));
      this.place(el, t.start, t.duration);
      children.push(el);
    }
    lane.element.replaceChildren(...children);
  }

  private itemElement(item: CompiledItem, lane: LaneState, fps: CompiledTimeline['output']['fps']): HTMLElement {
    const duration = formatDuration(item.duration, fps);
    if (item.kind === 'gap') {
      const el = h('div', {
        class: 'item gap', 'data-gap-index': lane.track.items.indexOf(item), 'data-start': item.start, 'data-duration': item.duration,
        role: 'listitem', title: `Gap — ${duration}`, 'aria-label': `Gap, ${duration}`,
      });
      this.place(el, item.start, item.duration);
      return el;
    }
    const look = item.source.kind === 'text' ? 'text' : `${this.assetKinds.get(item.source.asset) ?? 'video'}`;
    const el = h('div', {
      class: `item clip source-${item.source.kind} look-${look} on-${lane.track.kind}`, 'data-clip-id': item.id, 'data-start': item.start, 'data-duration': item.duration,
      role: 'listitem', tabindex: -1, title: `${item.name} — ${duration}`, 'aria-label': `Clip ${item.name}, ${duration}`,
    }, h('span', { class: 'clip-name' }, item.name), h('span', { class: 'clip-duration' }, duration));
    if (item.transitionIn) el.dataset.transitionFrames = String(item.transitionIn.duration);
    this.place(el, item.start, item.duration);
    const strip = this.timeline ? stripFor(item, lane.track.kind, this.timeline, item.duration * this.zoom) : undefined;
    if (strip) {
      el.dataset.stripKey = strip.key;
      el.classList.add(`strip-${strip.kind}`);
      this.showStrip(el, this.events.strip(strip));
    }
    return el;
  }

  /** Pictures that arrived since the blocks were drawn. */
  refreshStrips(): void {
    if (!this.timeline) return;
    for (const el of this.content.querySelectorAll<HTMLElement>('.clip[data-strip-key]')) {
      if (el.dataset.stripShown) continue;
      const found = this.clipById(el.dataset.clipId ?? '');
      const strip = found ? stripFor(found.clip, found.track.kind, this.timeline, found.clip.duration * this.zoom) : undefined;
      if (strip) this.showStrip(el, this.events.strip(strip));
    }
  }

  private showStrip(el: HTMLElement, dataUrl: string | null | undefined): void {
    if (!dataUrl) return;
    el.dataset.stripShown = 'true';
    el.style.backgroundImage = `url("${dataUrl}")`;
  }

  /** Clip names stay readable: after the transition that opens the clip, and at the left edge of the view when the clip starts off screen. */
  private stickNames(): void {
    const left = this.scroller.scrollLeft;
    for (const el of this.content.querySelectorAll<HTMLElement>('.clip')) {
      const x = Number(el.dataset.start) * this.zoom;
      const width = Number(el.dataset.duration) * this.zoom;
      const transition = Number(el.dataset.transitionFrames ?? 0) * this.zoom;
      const pad = Math.max(transition, left - x, 0);
      el.style.paddingLeft = `${Math.min(Math.max(0, width - 24), pad) + 4}px`;
    }
  }

  private place(el: HTMLElement, start: number, duration: number): void {
    el.style.left = `${frameToX(start, this.zoom)}px`;
    el.style.width = `${Math.max(1, frameToX(duration, this.zoom))}px`;
  }

  private frameAt(clientX: number): number {
    const box = this.content.getBoundingClientRect();
    return xToFrame(clientX - box.left, this.zoom, this.timeline?.durationFrames ?? 0);
  }

  private clipById(id: string): { clip: CompiledClip; track: CompiledTrack } | undefined {
    return this.clips.get(id);
  }

  // ── pointer: scrub, select, drag to edit ─────────────────────────────────

  private listen(): void {
    this.content.addEventListener('pointerdown', (e) => this.onDown(e));
    this.content.addEventListener('pointermove', (e) => this.onMove(e));
    this.content.addEventListener('pointerup', (e) => this.onUp(e));
    this.content.addEventListener('pointercancel', (e) => {
      if (this.drag?.kind === 'scrub') this.events.scrubbing(false);
      else if (this.drag) this.undoDrag();
      this.endDrag(e);
    });
    this.scroller.addEventListener('wheel', (e) => {
      // Vertical wheel zooms around the pointer; Shift or a horizontal wheel scrolls sideways; Ctrl/Alt+wheel scrolls the lanes up and down.
      if (!this.timeline || e.shiftKey || e.ctrlKey || e.altKey || Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.deltaY === 0) return;
      e.preventDefault();
      this.events.wheelZoom(e.deltaY < 0 ? 1 : -1, this.frameAt(e.clientX));
    }, { passive: false });
    this.scroller.addEventListener('scroll', () => {
      this.headerList.scrollTop = this.scroller.scrollTop;
      if (this.paintQueued) return;
      this.paintQueued = true;
      requestAnimationFrame(() => {
        this.paintQueued = false;
        this.paint();
      });
    });
    new ResizeObserver(() => {
      this.headerList.style.paddingBottom = `${this.scroller.offsetHeight - this.scroller.clientHeight}px`;
      this.events.resized();
      this.paint();
    }).observe(this.scroller);
  }

  private onDown(e: PointerEvent): void {
    if (!this.timeline || e.button !== 0 || this.awaitingEdit) return;
    const target = e.target as HTMLElement;
    const timeline = this.timeline;
    const handle = target.closest<HTMLElement>('.transition-handle');
    const markerEl = target.closest<HTMLElement>('.marker');
    const clipEl = target.closest<HTMLElement>('.clip');
    if (handle?.dataset.clipId) {
      const block = this.lanes.flatMap((l) => l.transitions).find((t) => t.clipId === handle.dataset.clipId);
      const el = handle.parentElement;
      if (!block || !el) return;
      this.drag = { kind: 'transition', block, el, frames: block.duration, targets: snapTargets(timeline, this.playheadFrame) };
    } else if (markerEl?.dataset.markerIndex !== undefined) {
      this.drag = { kind: 'marker', index: Number(markerEl.dataset.markerIndex), el: markerEl, pressX: e.clientX, moved: false, frame: Number(markerEl.dataset.frame), targets: snapTargets(timeline, this.playheadFrame) };
    } else if (clipEl?.dataset.clipId) {
      const found = this.clipById(clipEl.dataset.clipId);
      if (!found) return;
      const box = clipEl.getBoundingClientRect();
      const grab = grabAt(e.clientX - box.left, box.width);
      this.drag = {
        kind: 'clip', ...found, grab, el: clipEl, pressX: e.clientX, moved: false, delta: 0, pointerFrame: this.frameAt(e.clientX),
        targets: snapTargets(timeline, this.playheadFrame, found.clip.id),
      };
    } else {
      this.drag = { kind: 'scrub' };
      this.events.scrubbing(true);
      this.events.seek(this.frameAt(e.clientX));
    }
    this.content.setPointerCapture(e.pointerId);
  }

  private onMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag) {
      this.hoverCursor(e);
      return;
    }
    switch (drag.kind) {
      case 'scrub':
        this.events.seek(this.frameAt(e.clientX));
        return;
      case 'transition': {
        const end = snapFrame(this.frameAt(e.clientX), drag.targets, this.zoom);
        drag.frames = Math.max(1, end - drag.block.start);
        this.place(drag.el, drag.block.start, drag.frames);
        return;
      }
      case 'marker': {
        if (!drag.moved && Math.abs(e.clientX - drag.pressX) < DRAG_THRESHOLD_PX) return;
        drag.moved = true;
        drag.frame = snapFrame(this.frameAt(e.clientX), drag.targets.filter((t) => t !== Number(drag.el.dataset.frame)), this.zoom);
        drag.el.style.left = `${frameToX(drag.frame, this.zoom)}px`;
        drag.el.classList.add('dragging');
        return;
      }
      case 'clip': {
        const dx = e.clientX - drag.pressX;
        if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
        drag.moved = true;
        drag.pointerFrame = this.frameAt(e.clientX);
        const { clip } = drag;
        const raw = Math.round(dx / this.zoom);
        drag.el.classList.add('dragging');
        if (drag.grab === 'start') {
          drag.delta = Math.min(clip.duration - 1, snapFrame(clip.start + raw, drag.targets, this.zoom) - clip.start);
          this.place(drag.el, clip.start + drag.delta, clip.duration - drag.delta);
        } else if (drag.grab === 'end') {
          drag.delta = Math.max(1 - clip.duration, snapFrame(clip.start + clip.duration + raw, drag.targets, this.zoom) - clip.start - clip.duration);
          this.place(drag.el, clip.start, clip.duration + drag.delta);
        } else if (drag.track.kind !== 'video') {
          drag.delta = Math.max(-clip.start, snapMove(clip.start + raw, clip.duration, drag.targets, this.zoom) - clip.start);
          this.place(drag.el, clip.start + drag.delta, clip.duration);
        } else {
          // Reordering: the block follows the pointer; where it lands decides its place in the list.
          drag.delta = raw;
          drag.el.style.transform = `translateX(${dx}px)`;
        }
        return;
      }
    }
  }

  private onUp(e: PointerEvent): void {
    const drag = this.drag;
    this.endDrag(e);
    if (drag?.kind === 'scrub') this.events.scrubbing(false);
    if (!drag || drag.kind === 'scrub') return;
    let gesture: TimelineGesture | undefined;
    if (drag.kind === 'clip') {
      if (!drag.moved) {
        this.events.clipClicked(drag.clip, this.frameAt(e.clientX));
        return;
      }
      gesture = clipGesture({ clip: drag.clip, track: drag.track, grab: drag.grab, deltaFrames: drag.delta, pointerFrame: drag.pointerFrame });
    } else if (drag.kind === 'transition') {
      if (drag.frames !== drag.block.duration) gesture = { kind: 'transition', clipId: drag.block.clipId, frames: drag.frames };
    } else if (drag.kind === 'marker') {
      const marker = this.timeline?.markers[drag.index];
      if (!drag.moved) {
        this.events.seek(Number(drag.el.dataset.frame));
        return;
      }
      if (marker && drag.frame !== marker.frame) gesture = { kind: 'moveMarker', range: marker.range, frame: drag.frame };
    }
    if (!gesture) {
      this.undoDrag();
      return;
    }
    this.awaitingEdit = true;
    this.events.edit(gesture);
  }

  private endDrag(e: PointerEvent): void {
    this.drag = undefined;
    if (this.content.hasPointerCapture(e.pointerId)) this.content.releasePointerCapture(e.pointerId);
  }

  /** The pointer says what a press would do: resize at a clip's edges, grab on its body. */
  private hoverCursor(e: PointerEvent): void {
    const clipEl = (e.target as HTMLElement).closest<HTMLElement>('.clip');
    if (!clipEl) return;
    const box = clipEl.getBoundingClientRect();
    clipEl.style.cursor = grabAt(e.clientX - box.left, box.width) === 'body' ? 'grab' : 'ew-resize';
  }
}
