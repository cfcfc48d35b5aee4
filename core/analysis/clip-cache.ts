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
import type { LocatedEntry, LocatedNode } from '../parse/located';
import type { ClipModel } from '../parse/model';
import type { Rational } from '../time/rational';
import { readClipSpec, type ClipSpec } from './clip-spec';
import { placed, type ItemTiming, type LayoutCache, type TransitionTiming } from './layout';

/** Per clip: what the checks found and what it compiled to, for one measured timing on one track. */
export interface ClipResults {
  /** The per-clip checks' issues (a shared empty list when none). */
  issues: readonly TimelineIssue[] | undefined;
  compiled: CompiledItem | undefined;
  /** The transition into the clip that `compiled` was made for; its start is set per analysis. */
  compiledTransition: string | undefined;
}

/** Every field is written when the entry is made (one shape, no property stores added later): 50,000 of them at once. */
interface ClipEntry extends ClipResults {
  node: LocatedNode;
  spec: ClipSpec;
  /** Its length and source range (layout.ts), for the current environment. */
  measured: ItemTiming | undefined;
  /** The last analysis's placed timing (`measured` with a start and transition; `measured` itself when first placed). */
  placed: ItemTiming | undefined;
  /** What the schema says about the clip: read from its node alone, kept while the node is. */
  schema: readonly TimelineIssue[] | undefined;
  /** The measured timing and track (`trackKey`) the results are for. */
  resultsMeasured: ItemTiming | undefined;
  resultsTrack: string | undefined;
}

export class ClipCache implements LayoutCache {
  private fps: Rational = { num: 0, den: 1 };
  private environment: string | undefined;
  /** The last analysis's clips, per track index and clip index. */
  private kept: ClipEntry[][] = [];
  private current: ClipEntry[][] = [];
  private identities = new WeakMap<object, number>();
  private nextIdentity = 1;

  /** A new analysis at `fps`: the last one's clips become what can be reused. */
  begin(fps: Rational): void {
    const sameRate = fps.num === this.fps.num && fps.den === this.fps.den;
    this.kept = sameRate ? this.current : [];
    this.current = [];
    this.fps = fps;
  }

  /**
   * The layout is done: every clip of the last analysis that could be reused was. The rest are let go now,
   * not at the next analysis: after a full re-parse they hold the whole previous tree.
   */
  layoutDone(): void {
    this.kept = [];
  }

  /** The clip's spec: the last analysis's when its node is the same. */
  specOf(clip: ClipModel): ClipSpec {
    return this.entryOf(clip).spec;
  }

  measuredOf(clip: ClipModel, measure: (spec: ClipSpec) => ItemTiming): ItemTiming {
    const entry = this.entryOf(clip);
    return (entry.measured ??= measure(entry.spec));
  }

  placedOf(clip: ClipModel, measured: ItemTiming, start: number | undefined, transition: TransitionTiming | undefined): ItemTiming {
    const entry = this.current[clip.trackIndex]?.[clip.index];
    const kept = entry?.placed;
    if (kept && kept.spec === measured.spec && kept.duration === measured.duration && kept.sourceOut === measured.sourceOut
      && kept.start === start && sameTransition(kept.transition, transition)) return kept;
    if (entry && !kept && entry.measured === measured) {
      // Measured in this analysis and placed for the first time: nothing else holds it yet, so it is
      // the placed timing too (one object per clip on open instead of two). A later move makes a copy.
      measured.start = start;
      measured.transition = transition;
      entry.placed = measured;
      return measured;
    }
    const timing = placed(measured, start, transition);
    if (entry) entry.placed = timing;
    return timing;
  }

  private entryOf(clip: ClipModel): ClipEntry {
    const old = this.kept[clip.trackIndex]?.[clip.index];
    if (old && old.node !== clip.node && movedAlong(old.node, clip.node)) moveTo(old, clip);
    const entry: ClipEntry = old?.node === clip.node ? old : {
      node: clip.node, spec: readClipSpec(clip, this.fps), measured: undefined, placed: undefined, schema: undefined,
      resultsMeasured: undefined, resultsTrack: undefined, issues: undefined, compiled: undefined, compiledTransition: undefined,
    };
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
        entry.measured = entry.placed = entry.resultsMeasured = undefined;
        forget(entry);
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
  schemaIssuesOf(clip: ClipModel): readonly TimelineIssue[] | undefined {
    return this.current[clip.trackIndex]?.[clip.index]?.schema;
  }

  /** Keeps the schema's issues for the clip's node (found now, by the clip or in the whole file). */
  keepSchemaIssues(clip: ClipModel, issues: readonly TimelineIssue[]): void {
    const entry = this.current[clip.trackIndex]?.[clip.index];
    if (entry) entry.schema = issues.length ? issues : NO_ISSUES;
  }

  /** The clip's results, emptied when its measured timing or its track (`trackKey`) changed. */
  resultsOf(clip: ClipModel, track: string): ClipResults {
    const entry = this.current[clip.trackIndex]?.[clip.index];
    // Not laid out in this analysis: nothing to keep.
    if (!entry) return { issues: undefined, compiled: undefined, compiledTransition: undefined };
    if (entry.resultsMeasured !== entry.measured || entry.resultsTrack !== track) {
      entry.resultsMeasured = entry.measured;
      entry.resultsTrack = track;
      forget(entry);
    }
    return entry;
  }
}

/**
 * The incremental parse moves the clips after an edit by copying their nodes with new offsets; when the
 * edit kept the line count, the copy keeps the very range objects (located-splice.ts `shiftRange`), so a
 * clip whose node has the old node's range object is that node moved along its lines: same keys, values
 * and ranges. Everything kept for it holds (it reads ranges, never offsets) and now points at the new
 * node, so typing a character no longer re-reads every clip below it and the old nodes can go.
 */
function movedAlong(old: LocatedNode, node: LocatedNode): boolean {
  if (old.range !== node.range || old.kind !== node.kind) return false;
  if (old.kind !== 'map' || node.kind !== 'map') return old.kind !== 'seq';
  // The same keys with the same value ranges too: a range shared for any other reason is not enough.
  if (old.entries.length !== node.entries.length) return false;
  for (let i = 0; i < old.entries.length; i++) {
    const a = old.entries[i] as LocatedEntry;
    const b = node.entries[i] as LocatedEntry;
    if (a.key !== b.key || a.keyRange !== b.keyRange || a.value.range !== b.value.range) return false;
  }
  return true;
}

function moveTo(entry: ClipEntry, clip: ClipModel): void {
  entry.node = clip.node;
  entry.spec.node = clip.node;
  if (entry.measured) entry.measured.clip = clip;
  if (entry.placed) entry.placed.clip = clip;
}

/** Shared by every clip the schema or the checks find nothing in (most of them): one list, never changed. */
export const NO_ISSUES: readonly TimelineIssue[] = Object.freeze([]);

function forget(results: ClipResults): void {
  results.issues = results.compiled = results.compiledTransition = undefined;
}

function sameTransition(a: TransitionTiming | undefined, b: TransitionTiming | undefined): boolean {
  return a === b || (!!a && !!b && a.type === b.type && a.frames === b.frames && a.range === b.range);
}
