// Colour swatches (and VS Code's picker) on every colour value, and links on asset paths.
// No LSP types: positions and ranges only; the handler wires them.

import { normalizeColor, type LocatedNode, type LocatedScalar, type ParsedTimeline } from '../../core';
import type { SourceRange } from '../../protocol/source-range';

const COLOUR_KEYS = new Set(['background', 'color', 'boxColor', 'borderColor']);

export interface FoundColour {
  range: SourceRange;
  /** 0–1 channels, as LSP's Color wants them. */
  red: number;
  green: number;
  blue: number;
}

export function findColours(parsed: ParsedTimeline): FoundColour[] {
  const found: FoundColour[] = [];
  const visit = (node: LocatedNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'seq') node.items.forEach(visit);
    if (node.kind !== 'map') return;
    for (const entry of node.entries) {
      if (COLOUR_KEYS.has(entry.key) && entry.value.kind === 'scalar' && typeof entry.value.value === 'string') {
        const hex = normalizeColor(entry.value.value);
        if (hex) found.push({ range: unquoted(parsed, entry.value), ...channels(hex) });
      } else {
        visit(entry.value);
      }
    }
  };
  visit(parsed.root);
  return found;
}

/** The picker's choice written back: `#rrggbb`, quoted as YAML needs (a bare `#` starts a comment). */
export function colourText(red: number, green: number, blue: number, written: string): string {
  const hex = `#${[red, green, blue].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
  return written.startsWith("'") ? `'${hex}'` : `"${hex}"`;
}

export interface AssetLink {
  range: SourceRange;
  /** As written: relative to the timeline's folder or absolute. */
  path: string;
}

export function assetLinks(parsed: ParsedTimeline): AssetLink[] {
  return parsed.model.assets.flatMap((a) => (a.path && a.pathRange ? [{ range: a.pathRange, path: a.path }] : []));
}

function channels(hex: string): { red: number; green: number; blue: number } {
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  return { red: n(1), green: n(3), blue: n(5) };
}

function unquoted(parsed: ParsedTimeline, node: LocatedScalar): SourceRange {
  return parsed.rangeOf(node.offsets[0], node.offsets[1]);
}
