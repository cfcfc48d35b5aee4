// The composite frame under the playhead, and the proxy <video> shown while playing.
// A new frame replaces the old one only once it has decoded, so the picture never blanks.

import { h } from './dom';

export class FrameView {
  readonly element: HTMLElement;
  readonly video: HTMLVideoElement;
  private readonly image: HTMLImageElement;
  private readonly note: HTMLElement;
  /** Request id of the frame on screen; older answers that arrive late are ignored. */
  private shownRequestId = -1;
  private onScreen: { revision: number; frame: number } | undefined;
  private pending: { revision: number; frame: number } | undefined;
  /** Where a scrub wants the proxy next while a seek is still decoding (only the latest counts). */
  private nextSeek: number | undefined;

  constructor() {
    this.image = h('img', { id: 'frame-image', class: 'frame-image', alt: 'Frame at the playhead' });
    this.video = h('video', { id: 'proxy-video', class: 'proxy-video', preload: 'auto', playsinline: true, 'aria-label': 'Playback' });
    this.note = h('div', { class: 'frame-note', id: 'frame-note', role: 'status' });
    this.element = h('div', { class: 'frame-view', id: 'frame-view' }, this.image, this.video, this.note);
    this.showVideo(false);
    this.video.addEventListener('seeked', () => {
      const next = this.nextSeek;
      this.nextSeek = undefined;
      if (next !== undefined && Math.abs(next - this.video.currentTime) > 1e-4) this.video.currentTime = next;
    });
  }

  /**
   * Seeks the proxy for a scrub. A new `currentTime` while a seek is decoding aborts it, so a drag
   * that moves every 16 ms would show nothing until it stops; instead each seek finishes (and is
   * shown) and the next one goes straight to the latest position.
   */
  scrubTo(seconds: number): void {
    if (this.video.seeking) this.nextSeek = seconds;
    else {
      this.nextSeek = undefined;
      this.video.currentTime = seconds;
    }
  }

  /** Playback and pauses seek directly; a queued scrub position no longer applies. */
  cancelScrub(): void {
    this.nextSeek = undefined;
  }

  setAspect(width: number, height: number): void {
    this.element.style.aspectRatio = `${width} / ${height}`;
  }

  /** The timeline revision and frame of the picture on screen (or on its way there). */
  shown(): { revision: number; frame: number } | undefined {
    return this.pending ?? this.onScreen;
  }

  showFrame(requestId: number, revision: number, frame: number, dataUrl: string): void {
    if (requestId <= this.shownRequestId) return;
    this.pending = { revision, frame };
    const next = new Image();
    next.onload = () => {
      if (requestId <= this.shownRequestId) return;
      this.shownRequestId = requestId;
      this.pending = undefined;
      this.onScreen = { revision, frame };
      this.image.src = dataUrl;
      this.image.dataset.frame = String(frame);
      this.image.dataset.revision = String(revision);
      this.setNote('');
    };
    next.src = dataUrl;
  }

  /** Shows a reason over the picture (kept on screen) until the next frame arrives. */
  setNote(text: string): void {
    this.note.textContent = text;
    this.note.hidden = text === '';
  }

  showVideo(show: boolean): void {
    this.video.hidden = !show;
    this.image.hidden = show;
  }

}
