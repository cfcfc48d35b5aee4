// The core's public surface. Pure: no vscode, fs, child processes or network.
export type { Analysis, AnalysisContext, FontCatalog, MediaLookup, SymbolOccurrence } from './api';
