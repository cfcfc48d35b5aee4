// The core's public contract. Adapters (server, cli, render-host, interchange) use only what
// core/index.ts exports; these types are what they agree on.

import type { CompiledTimeline } from '../protocol/compiled-timeline';
import type { MediaLookupResult } from '../protocol/media-facts';
import type { SourceRange, TimelineIssue } from '../protocol/source-range';

/** Answers synchronously from what is already known; the caller probes beforehand or in the background. */
export type MediaLookup = (absolutePath: string) => MediaLookupResult;

/** Installed font families, when the caller knows them; undefined skips the font check. */
export interface FontCatalog {
  /** Resolves a family name to a font file, or undefined when it is not installed. */
  resolve(family: string): string | undefined;
  families(): string[];
  /**
   * The characters of `text` that the family's font file has no glyph for (each once, in order), or
   * undefined when its character coverage is not known. Titles draw those as the font's empty box.
   */
  missingGlyphs?(family: string, text: string): string[] | undefined;
  /** Installed families whose regular face has a glyph for every one of `characters`, best known first. */
  familiesCovering?(characters: string[]): string[];
}

/** What a `lut:` file holds: read by the caller (the core reads no files), checked by core/looks/cube-lut.ts. */
export type LutLookupResult =
  | { status: 'ok'; size: number }
  | { status: 'missing' }
  | { status: 'invalid'; message: string; /** One-based line in the LUT file. */ line?: number };

/** Answers synchronously; undefined in the context skips the LUT check. */
export type LutLookup = (absolutePath: string) => LutLookupResult;

export interface AnalysisContext {
  /** Absolute path of the timeline file: relative asset and output paths resolve against its folder. */
  timelinePath: string;
  media: MediaLookup;
  fonts?: FontCatalog;
  luts?: LutLookup;
}

export interface Analysis {
  /** Every issue found, syntax to semantics, sorted by position. */
  issues: TimelineIssue[];
  /** Present when there are no errors (warnings allowed). */
  compiled?: CompiledTimeline;
}

/** Where something named in the file was defined and used: go-to-definition, references, rename. */
export interface SymbolOccurrence {
  kind: 'asset' | 'track' | 'variable';
  name: string;
  range: SourceRange;
  isDefinition: boolean;
}
