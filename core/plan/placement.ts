// Where a layer sits: its anchor point goes to the same anchor of the frame, moved inward by x/y.
import type { Anchor, CompiledClip } from '../../protocol/compiled-timeline';
import type { PlanContext } from './context';
import { keyframeExpr } from './keyframes';

type Side = 'start' | 'middle' | 'end';

function sides(anchor: Anchor): { x: Side; y: Side } {
  const x: Side = anchor.endsWith('left') ? 'start' : anchor.endsWith('right') ? 'end' : 'middle';
  const y: Side = anchor.startsWith('top') ? 'start' : anchor.startsWith('bottom') ? 'end' : 'middle';
  return { x, y };
}

function along(side: Side, frameSize: string, itemSize: string, offset: string): string {
  switch (side) {
    case 'start': return offset;
    case 'middle': return `(${frameSize}-${itemSize})/2+${offset}`;
    case 'end': return `${frameSize}-${itemSize}-${offset}`;
  }
}

/** Names of the frame and item sizes in the filter that positions the layer (overlay: W/w, drawtext: w/text_w). */
export interface SizeNames {
  frameW: string;
  frameH: string;
  itemW: string;
  itemH: string;
}

export const OVERLAY_SIZES: SizeNames = { frameW: 'W', frameH: 'H', itemW: 'w', itemH: 'h' };
export const DRAWTEXT_SIZES: SizeNames = { frameW: 'w', frameH: 'h', itemW: 'text_w', itemH: 'text_h' };

/**
 * x and y expressions for the clip's placement. `frame` is the expression for the clip-local frame
 * (used by position keyframes); `inset` pushes the item inward (a text box's padding).
 */
export function placementExprs(ctx: PlanContext, clip: CompiledClip, names: SizeNames, frame: string, inset = 0): { x: string; y: string } {
  const placement = clip.placement ?? { anchor: 'center' as const, x: 0, y: 0 };
  const side = sides(placement.anchor);
  const keys = clip.keyframes?.position;
  const scaled = (n: number): number => ctx.px(n);
  let dx: string;
  let dy: string;
  if (keys && keys.length > 0) {
    dx = `(${keyframeExpr(keys.map((k) => ({ frame: k.frame, ease: k.ease, value: scaled(k.value.x) })), frame)})`;
    dy = `(${keyframeExpr(keys.map((k) => ({ frame: k.frame, ease: k.ease, value: scaled(k.value.y) })), frame)})`;
  } else {
    dx = String(scaled(placement.x));
    dy = String(scaled(placement.y));
  }
  // At the end side the offset is subtracted, so the inset goes inside the parentheses.
  const withInset = (d: string, s: Side): string => (inset > 0 && s !== 'middle' ? (s === 'end' ? `(${d}+${inset})` : `${d}+${inset}`) : d);
  return {
    x: along(side.x, names.frameW, names.itemW, withInset(dx, side.x)),
    y: along(side.y, names.frameH, names.itemH, withInset(dy, side.y)),
  };
}
