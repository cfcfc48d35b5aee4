// What one document's analyses keep between edits, so an edit costs what it touched. Held by whoever
// holds the document (the language server, per open document, dropped on close), never module-wide.
//
// The incremental parse shares every node an edit did not touch, and a node's ranges and content
// never change, so a clip whose node is the very one the last analysis saw at the same track and clip
// index keeps its spec, its per-clip check issues and its compiled item, as long as what they read
// besides the node is the same too: its place and measured timing (ClipPlace), and the environment
// (environment.ts: frame rate, assets and their media facts, output, track ids, variables, fonts).
// Entries are looked up by index, not hashed, and only the last analysis's clips are held.
import type { CompiledItem } from '../../protocol/compiled-timeline';
import type { TimelineIssue } from '../../protocol/source-range';
import type { LocatedNode } from '../parse/located';
import type { ClipModel } from '../parse/model';
import type { Rational } from '../time/rational';
import { readClipSpec, type ClipSpec } from './clip-spec';
import type { ItemTiming } from './layout';

/** Track kind, id, index and mute, clip index, measured length and source range: what besides the node per-clip results read. */
export type ClipPlace = readonly (string | number | boolean | undefined)[];

/** Per clip: what the checks found and what it compiled to, for one place. */
export interface ClipResults {
  place: ClipPlace;
  issues?: TimelineIssue[];
  /** Keyed by the transition into it; its start is set per analysis. */
  compiled?: { transition: string; item: CompiledItem };
}

interface ClipEntry {
  node: LocatedNode;
  spec: ClipSpec;
  results?: ClipResults;
  /** Its length and source range (layout.ts), for the current environment. */
  measured?: ItemTiming;
  /** What the schema says about the clip: read from its node alone, kept while the node is. */
  schema?: TimelineIssue[];
  /** The analysis that last checked `results` against the clip's place. */
  placedIn?: number;
}

export class ClipCache {
  private fps: Rational = { num: 0, den: 1 };
  private environment: string | undefined;
  /** The last analysis's clips, per track index and clip index. */
  private kept: ClipEntry[][] = [];
  private current: ClipEntry[][] = [];
  private generation = 0;
  private identities = new WeakMap<object, number>();
  private nextIdentity = 1;

  /** A new analysis at `fps`: the last one's clips become what can be reused. */
  begin(fps: Rational): void {
    const sameRate = fps.num === this.fps.num && fps.den === this.fps.den;
    this.kept = sameRate ? this.current : [];
    this.current = [];
    this.fps = fps;
    this.generation++;
  }

  /** The clip's spec: the last analysis's when its node is the same. */
  specOf(clip: ClipModel): ClipSpec {
    return this.entryOf(clip).spec;
  }

  /** The clip's measured timing, a copy of the kept one when its node and the environment are the same. */
  measuredOf(clip: ClipModel, measure: (spec: ClipSpec) => ItemTiming): ItemTiming {
    const entry = this.entryOf(clip);
    return { ...(entry.measured ??= measure(entry.spec)) };
  }

  private entryOf(clip: ClipModel): ClipEntry {
    const old = this.kept[clip.trackIndex]?.[clip.index];
    const entry = old?.node === clip.node ? old : { node: clip.node, spec: readClipSpec(clip, this.fps) };
    (this.current[clip.trackIndex] ??= [])[clip.index] = entry;
    return entry;
  }

  /** Per-clip timing and results are kept only while the environment stays what it was (asked before the layout). */
  useEnvironment(environment: string): void {
    if (environment === this.environment) return;
    this.environment = environment;
    for (const track of this.kept) {
      for (const entry of track ?? []) {
        if (!entry) continue;
        delete entry.results;
        delete entry.measured;
      }
    }
  }

  /** A number that stays the same for the same object (a font catalog) while this cache lives. */
  identityOf(value: object | undefined): number {
    if (!value) return 0;
    let id = this.identities.get(value);
    if (id === undefined) this.identities.set(value, id = this.nextIdentity++);
    return id;
  }

  /** The schema's issues in the clip, worked out once per node. */
  schemaIssuesOf(clip: ClipModel, validate: () => TimelineIssue[]): TimelineIssue[] {
    const entry = this.current[clip.trackIndex]?.[clip.index];
    if (!entry) return validate();
    return (entry.schema ??= validate());
  }

  /** The clip's results, emptied when its place changed (`place` is asked for once per analysis). */
  resultsOf(clip: ClipModel, place: () => ClipPlace): ClipResults {
    const entry = this.current[clip.trackIndex]?.[clip.index];
    if (!entry) return { place: place() }; // not laid out in this analysis: nothing to keep
    if (entry.placedIn !== this.generation) {
      entry.placedIn = this.generation;
      const now = place();
      if (!entry.results || !samePlace(entry.results.place, now)) entry.results = { place: now };
    }
    return entry.results!;
  }
}

function samePlace(a: ClipPlace, b: ClipPlace): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
