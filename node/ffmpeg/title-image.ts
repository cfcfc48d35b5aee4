// Draws a title image (core/plan/effects/title-image.ts's spec) with skia through @napi-rs/canvas:
// HarfBuzz shaping (Arabic joins, right-to-left runs in order), colour emoji from Noto Color Emoji,
// and per-glyph fallback to any installed font. Emoji runs are drawn with the emoji font first, the
// rest with the title's font first: a font list with the emoji font first would draw digits and
// spaces from it too. Lines holding right-to-left text are drawn whole (skia orders the runs) with
// the emoji font as a fallback.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { TitleImageSpec } from '../../core/plan';

export const EMOJI_FAMILY = 'Noto Color Emoji';
const EMOJI_RUN = /(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|[0-9#*]\uFE0F?\u20E3|\p{Regional_Indicator}{2})(?:\p{Emoji_Modifier}|\uFE0F|\u200D(?:\p{Extended_Pictographic}|\p{Emoji_Presentation})\uFE0F?)*/gu;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

const registered = new Map<string, string>();

type Canvas = typeof import('@napi-rs/canvas');
let canvasModule: Canvas | undefined;
/** Loaded on the first title image: skia is large, and most renders have none. */
function skia(): Canvas {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    canvasModule ??= require('@napi-rs/canvas') as Canvas;
  } catch {
    // The universal .vsix does not ship the native rasteriser; the platform-specific ones do (scripts/package.mjs --target).
    throw new Error('This title needs the title rasteriser (@napi-rs/canvas: colour emoji, font fallback, outline, shadow, box, wrapping), which this installation does not include. Install the extension for your platform (the Marketplace picks it), render it with the atropos CLI, or use plain text with the default style.');
  }
  return canvasModule;
}

/** The family name to ask skia for: a font file is registered once under its own alias. */
function familyOf(spec: TitleImageSpec): string {
  if (!spec.fontFile) return spec.font;
  let alias = registered.get(spec.fontFile);
  if (!alias) {
    alias = `atropos-${registered.size}-${spec.font}`;
    if (!skia().GlobalFonts.registerFromPath(spec.fontFile, alias)) alias = spec.font;
    registered.set(spec.fontFile, alias);
  }
  return alias;
}

interface Run {
  text: string;
  emoji: boolean;
}

function runsOf(line: string): Run[] {
  if (RTL.test(line)) return [{ text: line, emoji: false }];
  const runs: Run[] = [];
  let at = 0;
  for (const match of line.matchAll(EMOJI_RUN)) {
    const index = match.index ?? 0;
    if (index > at) runs.push({ text: line.slice(at, index), emoji: false });
    runs.push({ text: match[0], emoji: true });
    at = index + match[0].length;
  }
  if (at < line.length) runs.push({ text: line.slice(at), emoji: false });
  return runs;
}

const quote = (family: string): string => `"${family.replace(/"/g, '')}"`;

class Typesetter {
  constructor(private readonly g: SKRSContext2D, private readonly spec: TitleImageSpec, private readonly family: string) {}

  private font(emoji: boolean): string {
    const { spec } = this;
    const families = emoji ? [EMOJI_FAMILY, this.family] : [this.family, EMOJI_FAMILY];
    return `${spec.italic ? 'italic ' : ''}${spec.weight} ${spec.size}px ${families.map(quote).join(', ')}`;
  }

  width(line: string): number {
    let total = 0;
    for (const run of runsOf(line)) {
      this.g.font = this.font(run.emoji);
      total += this.g.measureText(run.text).width;
    }
    return total;
  }

  /** Draws one line with its left end at x; `paint` fills or strokes each run. */
  draw(line: string, x: number, baseline: number, paint: (text: string, x: number, y: number) => void): void {
    let cursor = x;
    for (const run of runsOf(line)) {
      this.g.font = this.font(run.emoji);
      paint(run.text, cursor, baseline);
      cursor += this.g.measureText(run.text).width;
    }
  }

  /** Word wrap to `width`; a word longer than the width is broken between characters. */
  wrap(text: string, width: number | undefined): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n|[\n\r\f\v]/)) {
      if (!width) {
        lines.push(paragraph);
        continue;
      }
      let line = '';
      for (const word of paragraph.split(/(\s+)/)) {
        const candidate = line + word;
        if (line === '' || this.width(candidate.trimEnd()) <= width) {
          line = candidate;
          continue;
        }
        lines.push(line.trimEnd());
        line = word.trimStart();
        while (line && this.width(line) > width) {
          let cut = [...line].length - 1;
          while (cut > 1 && this.width([...line].slice(0, cut).join('')) > width) cut--;
          lines.push([...line].slice(0, cut).join(''));
          line = [...line].slice(cut).join('');
        }
      }
      lines.push(line.trimEnd());
    }
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
}

const rgba = (hex: string, opacity: number): string => {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${opacity})`;
};

/** The title as a PNG: the box (or the ink's extent) at the image's edge, the shadow inside it too. */
export function drawTitleImage(spec: TitleImageSpec): Buffer {
  const { createCanvas } = skia();
  const family = familyOf(spec);
  const measure = createCanvas(1, 1).getContext('2d');
  const setter = new Typesetter(measure, spec, family);
  const lines = setter.wrap(spec.text, spec.width);
  const widths = lines.map((l) => setter.width(l));
  const blockWidth = Math.ceil(spec.width ?? Math.max(1, ...widths));
  const pitch = Math.round(spec.size * spec.lineHeight);
  const blockHeight = pitch * lines.length;
  const pad = spec.box?.padding ?? 0;
  const border = spec.border?.width ?? 0;
  // Room for the outline and the shadow around the block.
  const shadow = spec.shadow;
  const extraLeft = border + (shadow ? Math.max(0, shadow.blur * 2 - shadow.x) : 0);
  const extraRight = border + (shadow ? Math.max(0, shadow.blur * 2 + shadow.x) : 0);
  const extraTop = border + (shadow ? Math.max(0, shadow.blur * 2 - shadow.y) : 0);
  const extraBottom = border + (shadow ? Math.max(0, shadow.blur * 2 + shadow.y) : 0);
  const width = Math.max(2, Math.ceil(blockWidth + 2 * pad + extraLeft + extraRight));
  const height = Math.max(2, Math.ceil(blockHeight + 2 * pad + extraTop + extraBottom));
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  const boxX = extraLeft;
  const boxY = extraTop;
  if (shadow) {
    g.shadowColor = rgba(shadow.color, shadow.opacity);
    g.shadowOffsetX = shadow.x;
    g.shadowOffsetY = shadow.y;
    g.shadowBlur = shadow.blur;
  }
  if (spec.box) {
    g.fillStyle = rgba(spec.box.color, spec.box.opacity);
    g.beginPath();
    g.roundRect(boxX, boxY, blockWidth + 2 * pad, blockHeight + 2 * pad, spec.box.radius);
    g.fill();
    // The box carries the shadow; the letters on it do not cast another.
    g.shadowColor = 'rgba(0, 0, 0, 0)';
  }
  const typesetter = new Typesetter(g, spec, family);
  g.textBaseline = 'alphabetic';
  const baselineOffset = Math.round(spec.size * 0.95 + (pitch - spec.size * 1.2) / 2);
  lines.forEach((line, i) => {
    const lineWidth = widths[i] ?? 0;
    const free = blockWidth - lineWidth;
    const x = boxX + pad + (spec.align === 'left' ? 0 : spec.align === 'right' ? free : free / 2);
    const y = boxY + pad + i * pitch + baselineOffset;
    if (spec.border) {
      g.strokeStyle = spec.border.color;
      g.lineWidth = 2 * spec.border.width;
      g.lineJoin = 'round';
      typesetter.draw(line, x, y, (text, tx, ty) => g.strokeText(text, tx, ty));
    }
    g.fillStyle = spec.color;
    typesetter.draw(line, x, y, (text, tx, ty) => g.fillText(text, tx, ty));
  });
  return canvas.toBuffer('image/png');
}
