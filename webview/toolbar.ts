// Transport and actions above the lanes: play, timecode, zoom, render, export, problems.

import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { PreviewAction, ProblemCount } from '../protocol/webview';
import { h } from './dom';

export interface ToolbarEvents {
  togglePlay(): void;
  zoom(direction: 1 | -1): void;
  action(action: PreviewAction): void;
  openProblems(): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly playButton: HTMLElement;
  private readonly timecode: HTMLElement;
  private readonly status: HTMLElement;
  private readonly problems: HTMLElement;

  constructor(events: ToolbarEvents) {
    this.playButton = button('play-button', 'Play (Space)', 'Play', () => events.togglePlay());
    this.timecode = h('span', { class: 'timecode', id: 'timecode', 'aria-live': 'off' }, '00:00:00:00');
    this.status = h('span', { class: 'status', id: 'status', role: 'status' });
    const link = h('a', { href: '#', id: 'problems-link', title: 'Show the Problems panel' });
    link.addEventListener('click', (e) => {
      e.preventDefault();
      events.openProblems();
    });
    this.problems = h('span', { class: 'problems', id: 'problems', hidden: true }, link);
    this.element = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Preview' },
      this.playButton,
      this.timecode,
      button('zoom-out', 'Zoom out (-)', '−', () => events.zoom(-1), true),
      button('zoom-in', 'Zoom in (+)', '+', () => events.zoom(1), true),
      this.status,
      h('span', { class: 'spacer' }),
      this.problems,
      button('export-frame', 'Export this frame as PNG', 'Export Frame', () => events.action('exportFrame'), true),
      button('render-with', 'Render with a preset…', 'Render With…', () => events.action('renderWith'), true),
      button('render', 'Render the timeline', 'Render', () => events.action('render')),
    );
  }

  setTimecode(text: string): void {
    this.timecode.textContent = text;
  }

  setPlaying(playing: boolean): void {
    this.playButton.textContent = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(playing));
  }

  setStatus(text: string): void {
    this.status.textContent = text;
    this.status.title = text;
  }

  statusText(): string {
    return this.status.textContent ?? '';
  }

  /** Shows "N errors" with a link to the Problems panel; hidden when the document is clean. */
  setProblems(problems: ProblemCount, stale: boolean): void {
    const link = this.problems.querySelector('a');
    if (!link) return;
    const parts: string[] = [];
    if (problems.errors) parts.push(plural(problems.errors, 'error'));
    if (problems.warnings) parts.push(plural(problems.warnings, 'warning'));
    this.problems.hidden = parts.length === 0;
    this.problems.classList.toggle('has-errors', problems.errors > 0);
    link.textContent = parts.join(', ') + (stale ? ' — showing the last good timeline' : '');
  }
}

function button(id: string, title: string, label: string, onClick: () => void, secondary = false): HTMLElement {
  const el = h('vscode-button', { id, title, 'aria-label': title, secondary });
  el.textContent = label;
  el.addEventListener('click', onClick);
  return el;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
