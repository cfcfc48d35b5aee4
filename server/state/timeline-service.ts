// One analysed version of each open timeline: parse → analyse (schema, semantics, media, fonts) → maybe
// compile, cached per (version, text) and evicted on close. Also remembers each document's last good
// CompiledTimeline, which the preview keeps showing (marked stale) while the text has errors.

import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyzeTimeline,
  ClipCache,
  collectMediaPaths,
  findSymbolOccurrences,
  parseTimeline,
  type Analysis,
  type FontCatalog,
  type ParsedTimeline,
  type SymbolOccurrence,
} from '../../core';
import type { CompiledTimeline } from '../../protocol/compiled-timeline';
import type { MediaLookupResult } from '../../protocol/media-facts';
import { AnalysisCache } from './analysis-cache';
import type { MediaService } from '../media/media-service';
import { createLutLookup } from '../../node/media';

export interface TimelineSnapshot {
  uri: string;
  version: number;
  /** Absolute file path of the document (URIs that are not files get a path under the cwd). */
  fsPath: string;
  parsed: ParsedTimeline;
  analysis: Analysis;
  /** Absolute media paths the document refers to, found or not. */
  mediaPaths: string[];
  /** Asset, track and variable definitions and uses; computed on first use. */
  symbols(): SymbolOccurrence[];
}

export interface GoodCompile {
  version: number;
  timeline: CompiledTimeline;
}

export class TimelineService {
  private readonly cache: AnalysisCache<TimelineSnapshot>;
  private readonly lastGood = new Map<string, GoodCompile>();
  /** Each document's latest parse, the base of the next (incremental) one. */
  private readonly lastParsed = new Map<string, ParsedTimeline>();
  /** Each document's clips read, checked and compiled, kept per node: an edit redoes only the clips it touched. */
  private readonly clipCaches = new Map<string, ClipCache>();
  /** `lut:` files, read and checked for the lut check (remembered per size and mtime). */
  private readonly luts = createLutLookup();

  constructor(private readonly media: MediaService, private readonly fonts: () => FontCatalog | undefined) {
    this.cache = new AnalysisCache((document, text) => this.analyse(document, text));
  }

  /** Media facts known now (never waits for a probe). */
  get mediaLookup(): (absolutePath: string) => MediaLookupResult {
    return this.media.lookup;
  }

  /** The analysis of the document's current text (computed now when not cached). */
  get(document: TextDocument): TimelineSnapshot {
    return this.cache.get(document);
  }

  /** The last analysis made for this URI, maybe of an older version. */
  latest(uri: string): TimelineSnapshot | undefined {
    return this.cache.peek(uri);
  }

  lastGoodCompile(uri: string): GoodCompile | undefined {
    return this.lastGood.get(uri);
  }

  /**
   * The timeline that hints, lenses, the outline and hovers describe: this text's compile, else the
   * last good one, so one typo elsewhere does not blank every timecode in the file.
   */
  shownCompile(snapshot: TimelineSnapshot): CompiledTimeline | undefined {
    return snapshot.analysis.compiled ?? this.lastGood.get(snapshot.uri)?.timeline;
  }

  /** Drop the cached analysis (media or fonts changed); the next `get` recomputes. */
  invalidate(uri: string): void {
    this.cache.evict(uri);
  }

  /** The document closed: forget everything about it. */
  close(uri: string): void {
    this.cache.evict(uri);
    this.lastGood.delete(uri);
    this.lastParsed.delete(uri);
    this.clipCaches.delete(uri);
  }

  /** Open documents whose last analysis refers to any of these media paths. */
  usersOf(paths: readonly string[]): string[] {
    const wanted = new Set(paths);
    const uris: string[] = [];
    for (const uri of this.cache.uris()) {
      const snapshot = this.cache.peek(uri);
      if (snapshot?.mediaPaths.some((p) => wanted.has(p))) uris.push(uri);
    }
    return uris;
  }

  /** Every media path an open document refers to. */
  allMediaPaths(): string[] {
    const all = new Set<string>();
    for (const uri of this.cache.uris()) for (const p of this.cache.peek(uri)?.mediaPaths ?? []) all.add(p);
    return [...all];
  }

  private analyse(document: TextDocument, text: string): TimelineSnapshot {
    const fsPath = uriToPath(document.uri);
    // An edit inside one clip re-parses only that clip; the result is the same as a full parse.
    const parsed = parseTimeline(text, this.lastParsed.get(document.uri));
    this.lastParsed.set(document.uri, parsed);
    const fonts = this.fonts();
    let clips = this.clipCaches.get(document.uri);
    if (!clips) this.clipCaches.set(document.uri, clips = new ClipCache());
    const analysis = analyzeTimeline(parsed, { timelinePath: fsPath, media: this.media.lookup, ...(fonts ? { fonts } : {}), luts: this.luts }, clips);
    const mediaPaths = safeMediaPaths(parsed, fsPath);
    // Ask for every referenced file, so probes start now even for checks that did not need them yet.
    for (const p of mediaPaths) this.media.lookup(p);
    if (analysis.compiled) this.lastGood.set(document.uri, { version: document.version, timeline: analysis.compiled });
    let symbols: SymbolOccurrence[] | undefined;
    return {
      uri: document.uri,
      version: document.version,
      fsPath,
      parsed,
      analysis,
      mediaPaths,
      symbols: () => (symbols ??= findSymbolOccurrences(parsed)),
    };
  }
}

function safeMediaPaths(parsed: ParsedTimeline, fsPath: string): string[] {
  try {
    return collectMediaPaths(parsed, fsPath);
  } catch {
    return [];
  }
}

/** File path of a document URI; untitled and other schemes resolve against the cwd. */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // fall through
    }
  }
  const name = uri.replace(/^[a-z][a-z0-9+.-]*:/i, '').replace(/[^\w.-]+/g, '_') || 'untitled.timeline.yaml';
  return `${process.cwd()}/${name}`;
}
