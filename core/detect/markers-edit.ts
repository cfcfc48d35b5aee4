// Detected spans → markers in a timeline file, as one minimal text edit: new items go after the
// last marker (or a `markers:` block is added at the end), so comments, blank lines and the
// user's formatting elsewhere stay exactly as they were.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { DetectSpan } from './types';

export interface NewMarker {
  /** A time value as the format writes it (`2.48s`). */
  at: string;
  label: string;
}

/** Replace `length` characters at `offset` with `text`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

const NOUN = { scenes: 'Cut', silence: 'Silence', highlights: 'Highlight' } as const;

/** A marker per span at its start: `Cut 3`, `Silence 2 (1.2 s)`, `Highlight #1 (5 s)`. */
export function markersFromSpans(spans: DetectSpan[], fps: { num: number; den: number }): NewMarker[] {
  const counts = { scenes: 0, silence: 0, highlights: 0 };
  return spans.map((span) => {
    const n = ++counts[span.profile];
    const seconds = (span.startFrame * fps.den) / fps.num;
    const length = ((span.endFrame - span.startFrame) * fps.den) / fps.num;
    const rank = span.profile === 'highlights' ? /^#(\d+)/.exec(span.reason)?.[1] : undefined;
    const label = span.profile === 'scenes' ? `${NOUN.scenes} ${n}` : `${NOUN[span.profile]} ${rank ? `#${rank}` : n} (${trim(length)} s)`;
    return { at: `${trim(seconds)}s`, label };
  });
}

export function insertMarkers(text: string, markers: NewMarker[]): TextEdit {
  return appendToSequence(text, 'markers', (indent) => block(markers, indent), markers.map((m) => `{ at: ${m.at}, label: ${JSON.stringify(m.label)} }`));
}

/**
 * Appends items to the top-level sequence `key`: after its last item (same indentation), inside a
 * flow list, in place of an empty value, or as a new block at the end of the file.
 * `items(indent)` renders block items at that indentation, each line ending in a newline.
 */
export function appendToSequence(text: string, key: string, items: (indent: string) => string, flowItems: string[]): TextEdit {
  const document = parseDocument(text, { keepSourceTokens: true });
  const root = document.contents;
  const pair = isMap(root) ? root.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
  const value = pair?.value as Node | null | undefined;
  if (isSeq(value) && value.items.length && !value.flow) {
    const first = value.items[0] as Node;
    const indent = ' '.repeat(columnOf(text, (first.range as [number, number, number])[0]) - 2);
    const last = value.items[value.items.length - 1] as Node;
    const lineEnd = text.indexOf('\n', (last.range as [number, number, number])[1] - 1);
    const offset = lineEnd < 0 ? text.length : lineEnd + 1;
    return { offset, length: 0, text: `${lineEnd < 0 ? '\n' : ''}${items(indent)}` };
  }
  if (isSeq(value) && value.flow && value.items.length) {
    const close = text.lastIndexOf(']', (value.range as [number, number, number])[1]);
    return { offset: close, length: 0, text: flowItems.map((item) => `, ${item}`).join('') };
  }
  if (pair && isScalar(pair.key)) {
    // `key:` with nothing or `[]` after it: the block goes in place of the value.
    const keyEnd = (pair.key.range as [number, number, number])[1];
    const colon = text.indexOf(':', keyEnd);
    const valueEnd = value && (isSeq(value) || isScalar(value)) && value.range ? value.range[1] : colon + 1;
    const indent = ' '.repeat(columnOf(text, (pair.key.range as [number, number, number])[0]) + 2);
    return { offset: colon + 1, length: Math.max(0, valueEnd - colon - 1), text: `\n${items(indent).replace(/\n$/, '')}` };
  }
  const newline = text.length && !text.endsWith('\n') ? '\n' : '';
  return { offset: text.length, length: 0, text: `${newline}${key}:\n${items('  ')}` };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
}

function block(markers: NewMarker[], indent: string): string {
  return markers.map((m) => `${indent}- at: ${m.at}\n${indent}  label: ${JSON.stringify(m.label)}\n`).join('');
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

const trim = (value: number): string => String(Math.round(value * 1000) / 1000);
