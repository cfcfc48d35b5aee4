// The ruler, one lane per track, clip and gap blocks, transitions, markers and the playhead.
// Reports user intent (seek, select, zoom) through callbacks; owns no timeline state itself.

import type { CompiledClip, CompiledTimeline, CompiledTrack } from '../protocol/compiled-timeline';
import { h } from './dom';
import { contentWidth, frameToX, laneOrder, rulerTicks, transitionBlocks, xToFrame } from './layout';
import { formatDuration, formatTimecode } from './timecode';

export interface LanesViewEvents {
  seek(frame: number): void;
  clipClicked(clip: CompiledClip, frame: number): void;
  /** Wheel zoom around `anchorFrame`; `direction` 1 = in. */
  wheelZoom(direction: 1 | -1, anchorFrame: number): void;
}

export class LanesView {
  readonly element: HTMLElement;
  private readonly headers: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly content: HTMLElement;
  private readonly playhead: HTMLElement;
  private timeline: CompiledTimeline | undefined;
  private zoom = 1;
  private selectedClipId: string | null = null;

  constructor(private readonly events: LanesViewEvents) {
    this.headers = h('div', { class: 'track-headers' });
    this.playhead = h('div', { class: 'playhead', id: 'playhead', role: 'slider', 'aria-label': 'Playhead', 'aria-valuemin': 0 },
      h('div', { class: 'playhead-handle' }));
    this.content = h('div', { class: 'lanes-content', id: 'lanes-content' });
    this.scroller = h('div', { class: 'lanes-scroller', id: 'lanes-scroller' }, this.content);
    this.element = h('div', { class: 'timeline', id: 'timeline' }, this.headers, this.scroller);
    this.listen();
  }

  /** Visible width of the lanes, for fit-to-width zoom. */
  visibleWidth(): number {
    return this.scroller.clientWidth;
  }

  render(timeline: CompiledTimeline, zoom: number): void {
    this.timeline = timeline;
    this.zoom = zoom;
    const tracks = laneOrder(timeline.tracks);
    this.headers.replaceChildren(
      h('div', { class: 'ruler-corner' }),
      ...tracks.map((t) => h('div', { class: `track-header kind-${t.kind}`, 'data-track-id': t.id, title: `${t.id} (${t.kind})` },
        t.id, t.muted ? h('span', { class: 'muted-badge', title: 'Muted' }, ' M') : '')),
    );
    this.content.style.width = `${contentWidth(timeline, zoom)}px`;
    this.content.replaceChildren(this.ruler(timeline), ...tracks.map((t) => this.lane(t, timeline)), this.playhead);
    this.playhead.setAttribute('aria-valuemax', String(Math.max(0, timeline.durationFrames - 1)));
    this.applySelection();
  }

  setPlayhead(frame: number): void {
    this.playhead.style.left = `${frameToX(frame, this.zoom)}px`;
    this.playhead.setAttribute('aria-valuenow', String(frame));
    if (this.timeline) this.playhead.setAttribute('aria-valuetext', formatTimecode(frame, this.timeline.output.fps, this.timeline.output.dropFrame));
  }

  /** Keeps `frame` at the same screen position after a zoom change. */
  anchorScroll(frame: number, screenX: number): void {
    this.scroller.scrollLeft = Math.max(0, frameToX(frame, this.zoom) - screenX);
  }

  /** Scrolls just enough to show `frame`. */
  scrollIntoView(frame: number): void {
    const x = frameToX(frame, this.zoom);
    const left = this.scroller.scrollLeft;
    const width = this.scroller.clientWidth;
    if (x < left || x > left + width - 8) this.scroller.scrollLeft = Math.max(0, x - width / 2);
  }

  /** Screen offset of `frame` inside the visible lanes. */
  screenOffset(frame: number): number {
    return frameToX(frame, this.zoom) - this.scroller.scrollLeft;
  }

  select(clipId: string | null): void {
    this.selectedClipId = clipId;
    this.applySelection();
  }

  private applySelection(): void {
    for (const el of this.content.querySelectorAll<HTMLElement>('.clip')) {
      const selected = el.dataset.clipId === this.selectedClipId;
      el.classList.toggle('selected', selected);
      el.setAttribute('aria-selected', String(selected));
    }
  }

  private ruler(timeline: CompiledTimeline): HTMLElement {
    const { fps, dropFrame } = timeline.output;
    const ruler = h('div', { class: 'ruler', id: 'ruler', 'aria-label': 'Ruler' });
    for (const tick of rulerTicks(timeline.durationFrames, this.zoom, fps)) {
      const el = h('div', { class: tick.major ? 'tick major' : 'tick' });
      el.style.left = `${frameToX(tick.frame, this.zoom)}px`;
      if (tick.major) el.append(h('span', { class: 'tick-label' }, formatTimecode(tick.frame, fps, dropFrame)));
      ruler.append(el);
    }
    for (const marker of timeline.markers) {
      const el = h('div', { class: 'marker', 'data-frame': marker.frame, title: `${marker.label} — ${formatTimecode(marker.frame, fps, dropFrame)}`, 'aria-label': `Marker ${marker.label}` },
        h('span', { class: 'marker-label' }, marker.label));
      el.style.left = `${frameToX(marker.frame, this.zoom)}px`;
      ruler.append(el);
    }
    return ruler;
  }

  private lane(track: CompiledTrack, timeline: CompiledTimeline): HTMLElement {
    const fps = timeline.output.fps;
    const lane = h('div', { class: `lane kind-${track.kind}`, 'data-track-id': track.id, role: 'list', 'aria-label': `Track ${track.id} (${track.kind})` });
    track.items.forEach((item, index) => {
      const duration = formatDuration(item.duration, fps);
      const el = item.kind === 'clip'
        ? h('div', {
          class: `item clip source-${item.source.kind}`, 'data-clip-id': item.id, 'data-start': item.start, 'data-duration': item.duration,
          role: 'listitem', tabindex: -1, title: `${item.name} — ${duration}`, 'aria-label': `Clip ${item.name}, ${duration}`,
        }, h('span', { class: 'clip-name' }, item.name), h('span', { class: 'clip-duration' }, duration))
        : h('div', {
          class: 'item gap', 'data-gap-index': index, 'data-start': item.start, 'data-duration': item.duration,
          role: 'listitem', title: `Gap — ${duration}`, 'aria-label': `Gap, ${duration}`,
        });
      this.place(el, item.start, item.duration);
      lane.append(el);
    });
    for (const t of transitionBlocks(track)) {
      const el = h('div', {
        class: 'transition', 'data-clip-id': t.clipId, 'data-start': t.start, 'data-duration': t.duration,
        title: `${t.type} — ${formatDuration(t.duration, fps)}`, 'aria-label': `Transition ${t.type}`,
      }, h('span', { class: 'transition-label' }, t.type));
      this.place(el, t.start, t.duration);
      lane.append(el);
    }
    return lane;
  }

  private place(el: HTMLElement, start: number, duration: number): void {
    el.style.left = `${frameToX(start, this.zoom)}px`;
    el.style.width = `${Math.max(1, frameToX(duration, this.zoom))}px`;
  }

  private frameAt(clientX: number): number {
    const box = this.content.getBoundingClientRect();
    return xToFrame(clientX - box.left, this.zoom, this.timeline?.durationFrames ?? 0);
  }

  private clipById(id: string): CompiledClip | undefined {
    for (const track of this.timeline?.tracks ?? []) {
      for (const item of track.items) if (item.kind === 'clip' && item.id === id) return item;
    }
    return undefined;
  }

  private listen(): void {
    // Press on the ruler or the playhead and drag: scrub. Press on a lane: seek (and select a clip).
    let dragging = false;
    this.content.addEventListener('pointerdown', (e) => {
      if (!this.timeline || e.button !== 0) return;
      const target = e.target as HTMLElement;
      const frame = this.frameAt(e.clientX);
      const clipEl = target.closest<HTMLElement>('.clip');
      const clip = clipEl?.dataset.clipId ? this.clipById(clipEl.dataset.clipId) : undefined;
      if (clip) {
        this.events.clipClicked(clip, frame);
        return;
      }
      dragging = true;
      this.content.setPointerCapture(e.pointerId);
      this.events.seek(frame);
    });
    this.content.addEventListener('pointermove', (e) => {
      if (dragging) this.events.seek(this.frameAt(e.clientX));
    });
    const stop = (e: PointerEvent) => {
      if (!dragging) return;
      dragging = false;
      if (this.content.hasPointerCapture(e.pointerId)) this.content.releasePointerCapture(e.pointerId);
    };
    this.content.addEventListener('pointerup', stop);
    this.content.addEventListener('pointercancel', stop);
    this.scroller.addEventListener('wheel', (e) => {
      // Vertical wheel zooms around the pointer; horizontal wheel (or Shift) scrolls as usual.
      if (!this.timeline || e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.deltaY === 0) return;
      e.preventDefault();
      this.events.wheelZoom(e.deltaY < 0 ? 1 : -1, this.frameAt(e.clientX));
    }, { passive: false });
  }
}
