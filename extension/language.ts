// Names the extension and package.json agree on.

export const TIMELINE_LANGUAGE_ID = 'atropos-timeline';
export const LOG_CHANNEL_NAME = 'Atropos Timeline';
