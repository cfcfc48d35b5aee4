// Detected spans drawn on the ruler while the user decides what to insert (cuts as lines, silences
// and highlights as bands). Kept apart from the lanes view: the ruler is rebuilt on every render,
// so the overlay re-attaches itself whenever a new ruler appears.
import type { DetectionMark } from '../protocol/webview';
import { h } from './dom';
import { frameToX } from './layout';

export class DetectionOverlay {
  private spans: DetectionMark[] = [];
  private readonly layer = h('div', { class: 'detections', 'aria-label': 'Detected spans' });
  private readonly observer: MutationObserver;

  /** `zoom()` is the lanes' pixels per frame at the moment of drawing. */
  constructor(private readonly root: HTMLElement, private readonly zoom: () => number) {
    this.observer = new MutationObserver(() => this.attach());
    this.observer.observe(root, { childList: true, subtree: true });
  }

  show(spans: DetectionMark[] | null): void {
    this.spans = spans ?? [];
    this.draw();
    this.attach();
  }

  private attach(): void {
    const ruler = this.root.querySelector('#ruler');
    if (!ruler || !this.spans.length) {
      this.layer.remove();
      return;
    }
    if (this.layer.parentElement !== ruler || this.drawnZoom !== this.zoom()) {
      this.draw();
      ruler.append(this.layer);
    }
  }

  private drawnZoom = 0;

  private draw(): void {
    this.drawnZoom = this.zoom();
    this.layer.replaceChildren(...this.spans.map((span) => {
      const left = frameToX(span.startFrame, this.drawnZoom);
      const width = Math.max(2, frameToX(span.endFrame - span.startFrame, this.drawnZoom));
      const el = h('div', { class: `detection detection-${span.profile}`, title: span.label });
      // CSSOM, not a style attribute: the panel's CSP refuses inline style attributes.
      el.style.left = `${left}px`;
      el.style.width = `${width}px`;
      return el;
    }));
  }
}
