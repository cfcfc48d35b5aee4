// Media facts and fonts on Node: the probe (ffprobe) and the font catalog (fontconfig).
export { probeMedia, probeAll, clearProbeCache, type ProbeOptions } from './probe';
export { factsFromProbe, type ProbeOutput } from './ffprobe-facts';
export { createFontCatalog, fontCatalogFromFcList } from './font-catalog';
export { createLutLookup } from './lut-lookup';
