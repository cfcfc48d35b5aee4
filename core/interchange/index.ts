// EDL and OpenTimelineIO interchange: pure text in, text out. The CLI and the extension read and
// write the files; a MediaResolver they pass finds media for reels and clip names.
export { importEdl, type EdlImportOptions, type ImportResult, type MediaResolver } from './edl/import';
export { exportEdl } from './edl/export';
export { suggestedEdlRate } from './edl/rate-hint';
export { importOtio, type OtioImportOptions } from './otio/import';
export { exportOtio, type ExportResult } from './otio/export';
export { writeTimelineYaml, type WriteYamlOptions } from './write-yaml';
export { timelineToInterchange } from './from-timeline';
export { lookupFromCompiledAssets, mediaStartFrames, type MediaFactsLookup } from './media-start';
export { isMediaFileName, matchMediaFile, MEDIA_FILE_EXTENSIONS, recordingResolver } from './media-files';
export { countItems, allWarnings, type InterchangeTimeline, type ImportWarning, type InterchangeCounts } from './model';
export { exportLosses } from './losses';
