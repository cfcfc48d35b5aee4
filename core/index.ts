// The core's public surface. Pure: no vscode, fs, child processes or network.
export type { Analysis, AnalysisContext, FontCatalog, MediaLookup, SymbolOccurrence } from './api';
export type { LutLookup, LutLookupResult } from './api';
export { parseCubeLut, type CubeLutResult } from './looks/cube-lut';

// Parse: text → ParsedTimeline (located tree + typed model + syntax issues).
export { parseTimeline, type ParsedTimeline } from './parse/parse-timeline';
export {
  entryOf, valueOf, scalarOf, stringOf, nodeAtPath, entryAtPath, locate,
  type LocatedNode, type LocatedMap, type LocatedSeq, type LocatedScalar, type LocatedEntry, type PathSegment, type PositionInTree, type ScalarValue,
} from './parse/located';
export type { TimelineModel, AssetModel, VariableModel, TrackModel, ClipModel, MarkerModel, NamedRef } from './parse/model';

// Analyse: schema + semantic checks + CompiledTimeline.
export { analyzeTimeline, checkTimelineText } from './analyze';
export { ClipCache } from './analysis/clip-cache';
export { collectMediaPaths, assetKindOf } from './analysis/assets';
export { checks, type TimelineCheck } from './checks/index';
export { findSymbolOccurrences } from './symbols';
export { variableReferences, substituteVariables, type VariableReference } from './variables';

// Schema, for completion and hover.
export { timelineSchema, schemaAtPath, resolveSchema, type SchemaNode } from './schema/timeline-schema';
export { SIZE_PRESETS, parseSize } from './analysis/output';

// Time: exact rationals, frame rates, time values, timecode.
export * from './time/index';

// Small helpers adapters share.
export { normalizeColor, NAMED_COLORS } from './colors';
export { closestMatch } from './suggest';
export { resolvePath, dirnameOf, basenameOf, isAbsolutePath, isInside, timelineName } from './paths';

// Edits: gestures on the preview's lanes → minimal YAML edits.
export { buildGestureEdit, type GestureEditResult } from './edits/index';
