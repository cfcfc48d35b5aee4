// Time helpers: exact rationals, output frame rates, time values and SMPTE timecode.
export * from './rational';
export * from './frame-rate';
export * from './timecode';
export * from './duration-text';
