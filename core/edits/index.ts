// Gestures on the preview's lanes → minimal YAML edits (pure; the language server answers with them).
export { buildGestureEdit, type GestureEditResult } from './gesture-edit';
export { formatFramesText, formatTimeText, timeTextStyle, type TimeTextStyle } from './time-text';
