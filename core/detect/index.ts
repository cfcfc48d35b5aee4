// Detection's pure parts: the engine contract, the registered engines, and what is built from spans.
export * from './types';
export { engines, engineFor } from './engines';
export { DEFAULTS as DETECT_DEFAULTS } from './heuristic/settings';
export { snapSeconds, frameSeconds, decodedFrameSeconds, snapToSource } from './snap';
export { insertMarkers, applyEdit, markersFromSpans, type NewMarker, type TextEdit } from './markers-edit';
export { keepBetweenSilences, keepHighlights, roughCutYaml, type FrameRange, type RoughCutOptions } from './rough-cut';
export { appendToSequence } from './markers-edit';
export { insertTrack, shotsBetweenCuts, type NewTrack } from './track-edit';
export { placementFor, type Placement } from './place-on-timeline';
