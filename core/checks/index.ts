// Every semantic check, in the order their issues are most useful. Add a check: a file here, a line below.
import type { TimelineCheck } from './check';
import { assetKindForTrack } from './asset-kind-for-track';
import { clipKind } from './clip-kind';
import { colors } from './colors';
import { cropSize } from './crop-size';
import { duplicateIds } from './duplicate-ids';
import { emptyTimeline } from './empty-timeline';
import { fonts } from './fonts';
import { freezeTime } from './freeze-time';
import { importWarnings } from './import-warnings';
import { lutFile } from './lut-file';
import { matteSource } from './matte-source';
import { keyframeEase } from './keyframe-ease';
import { mediaEnd } from './media-end';
import { mediaStatus } from './media-status';
import { mediaTruncated } from './media-truncated';
import { missingLength } from './missing-length';
import { oddDimensions } from './odd-dimensions';
import { outputPath } from './output-path';
import { overlayOverlap } from './overlay-overlap';
import { sourceRange } from './source-range';
import { textOffFrame } from './text-off-frame';
import { timeValues } from './time-values';
import { trackSettings } from './track-settings';
import { transitions } from './transitions';
import { unknownAsset } from './unknown-asset';
import { unknownTrack } from './unknown-track';
import { unknownVariable } from './unknown-variable';
import { visualSource } from './visual-source';

export type { TimelineCheck } from './check';

export const checks: readonly TimelineCheck[] = [
  emptyTimeline,
  clipKind,
  unknownAsset,
  unknownTrack,
  unknownVariable,
  duplicateIds,
  mediaStatus,
  mediaTruncated,
  timeValues,
  sourceRange,
  mediaEnd,
  missingLength,
  transitions,
  keyframeEase,
  overlayOverlap,
  assetKindForTrack,
  outputPath,
  oddDimensions,
  fonts,
  colors,
  trackSettings,
  importWarnings,
  lutFile,
  cropSize,
  freezeTime,
  visualSource,
  matteSource,
  textOffFrame,
];
