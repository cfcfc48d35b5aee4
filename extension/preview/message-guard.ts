// Messages from a webview are untrusted input: checked against protocol/webview.ts before use.

import type { WebviewToHostMessage } from '../../protocol/webview';

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isWebviewToHostMessage(value: unknown): value is WebviewToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'openProblems':
      return true;
    case 'requestFrame':
      return isCount(m.requestId) && isCount(m.revision) && isCount(m.frame);
    case 'revealClip':
      return typeof m.clipId === 'string' && isRange(m.range);
    case 'playhead':
      return isCount(m.frame);
    case 'requestProxy':
      return isCount(m.revision);
    case 'runAction':
      return (m.action === 'render' || m.action === 'renderWith' || m.action === 'exportFrame') && isCount(m.frame);
    case 'requestStrip':
      return typeof m.key === 'string' && m.key.length < 500 && typeof m.asset === 'string' && (m.kind === 'thumbnails' || m.kind === 'waveform')
        && isSeconds(m.fromSeconds) && isSeconds(m.toSeconds) && isCount(m.width) && isCount(m.height);
    case 'editGesture':
      return isGesture(m.gesture);
    default:
      return false;
  }
}

function isSeconds(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function isGesture(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as Record<string, unknown>;
  switch (g.kind) {
    case 'trimStart':
    case 'trimEnd':
    case 'move':
      return typeof g.clipId === 'string' && isCount(g.frame);
    case 'reorder':
      return typeof g.clipId === 'string' && isCount(g.toIndex);
    case 'transition':
      return typeof g.clipId === 'string' && isCount(g.frames);
    case 'moveMarker':
      return isRange(g.range) && isCount(g.frame);
    default:
      return false;
  }
}

function isRange(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { start?: unknown; end?: unknown };
  return isPosition(r.start) && isPosition(r.end);
}

function isPosition(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as { line?: unknown; character?: unknown };
  return isCount(p.line) && isCount(p.character);
}
