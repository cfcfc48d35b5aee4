// Values the schema describes in words rather than an enum: anchors behind an if/then, size
// presets, colours, loudness targets, volume and duck levels, and the units a typed number can take.
// Each offer says what it means in one line, so the completion list doubles as documentation.

import { NAMED_COLORS, SIZE_PRESETS, type SchemaNode } from '../../core';
import type { Suggestion } from './completion';

const LOUDNESS_TARGETS: [number, string][] = [
  [-14, 'Streaming (YouTube, Spotify, TikTok)'],
  [-16, 'Podcasts and Apple Music'],
  [-23, 'Broadcast, EBU R128 (Europe)'],
  [-24, 'Broadcast, ATSC A/85 (US)'],
];

const VOLUMES: [string, string][] = [
  ['1', 'Unchanged (linear gain 1)'],
  ['0.5', 'Half the amplitude (about -6 dB)'],
  ['-6dB', 'A little quieter'],
  ['-12dB', 'Clearly quieter: a bed under speech'],
  ['-18dB', 'Background level'],
  ['-24dB', 'Barely audible'],
];

const DUCK_AMOUNTS: [string, string][] = [
  ['-6dB', 'A gentle dip'],
  ['-12dB', 'Music under speech (the default)'],
  ['-18dB', 'Deep: speech clearly on top'],
  ['-24dB', 'Nearly silent while the other track speaks'],
];

/** Colours most used in titles first; every CSS name after them. */
const COMMON_COLOURS = ['white', 'black', 'red', 'yellow', 'orange', 'green', 'blue', 'gray', 'transparent'];

export function valueSuggestions(schema: SchemaNode, key: string, parentKey: string | undefined, prefix: string): Suggestion[] | undefined {
  const ordered = (list: Suggestion[]) => list.map((s, i) => ({ ...s, sortText: String(i).padStart(3, '0') }));
  const anchors = (schema as { then?: SchemaNode }).then;
  if (schema.title === 'position' && anchors && Array.isArray(anchors.enum)) {
    const descriptions = Array.isArray(anchors.enumDescriptions) ? anchors.enumDescriptions : [];
    return ordered([
      ...anchors.enum.map((value, i): Suggestion => ({ label: String(value), kind: 'value', detail: descriptions[i], documentation: descriptions[i] })),
      { label: '{ x, y }', kind: 'value', detail: 'Pixels from the top-left corner', insertText: '{ x: ${1:0}, y: ${2:0} }', snippet: true },
    ]);
  }
  if (schema.title === 'output size') {
    return ordered([
      ...Object.entries(SIZE_PRESETS).map(([name, [w, h]]): Suggestion => ({ label: name, kind: 'value', detail: `${w}x${h}` })),
      { label: 'WIDTHxHEIGHT', kind: 'value', detail: 'Any even size in pixels', insertText: '${1:1920}x${2:1080}', snippet: true },
    ]);
  }
  if (schema.title === 'colour') {
    const names = [...COMMON_COLOURS.filter((c) => NAMED_COLORS.has(c)), ...[...NAMED_COLORS.keys()].filter((c) => !COMMON_COLOURS.includes(c)).sort()];
    return ordered([
      { label: '#rrggbb', kind: 'value', detail: 'Any colour as hex', insertText: '"#${1:ffffff}"', snippet: true },
      ...names.map((name): Suggestion => ({ label: name, kind: 'color', detail: NAMED_COLORS.get(name) })),
    ]);
  }
  if (schema.title === 'loudness target') {
    return ordered(LOUDNESS_TARGETS.map(([lufs, use]) => ({ label: String(lufs), kind: 'value', detail: `${lufs} LUFS — ${use}` })));
  }
  if (schema.title === 'volume') {
    const table = key === 'amount' && parentKey === 'duck' ? DUCK_AMOUNTS : VOLUMES;
    return ordered(table.map(([value, meaning]) => ({ label: value, kind: 'value', detail: meaning })));
  }
  if (schema.title === 'time value' && /^\d+(\.\d+)?$/.test(prefix)) return ordered(unitsAfter(prefix));
  return undefined;
}

/** `12` → `12s`, `12f`, `12ms`: the units a number typed as a time can take. */
function unitsAfter(number: string): Suggestion[] {
  const out: Suggestion[] = [{ label: `${number}s`, kind: 'time', detail: `${number} seconds` }];
  if (!number.includes('.')) out.push({ label: `${number}f`, kind: 'time', detail: `${number} frames at the output rate` });
  out.push({ label: `${number}ms`, kind: 'time', detail: `${number} milliseconds` });
  return out;
}
