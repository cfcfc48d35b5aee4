// What one document's analyses keep between edits, so an edit costs what it touched. Held by whoever
// holds the document (the language server, per open document, dropped on close), never module-wide.
//
// Keyed by node identity: the incremental parse shares every node an edit did not touch, and a
// node's ranges and content never change, so a kept node's spec, its per-clip check issues and its
// compiled item are still right when what they read besides the node is the same. That is the
// environment (frame rate, assets and their media facts, output size, track ids, variables, fonts):
// when it changes, everything per clip is computed again.
import type { CompiledItem } from '../../protocol/compiled-timeline';
import type { TimelineIssue } from '../../protocol/source-range';
import type { LocatedNode } from '../parse/located';
import type { ClipModel } from '../parse/model';
import type { Rational } from '../time/rational';
import { readClipSpec, type ClipSpec } from './clip-spec';

/** Per clip node: what the checks found and what it compiled to, for one environment and position. */
export interface ClipResults {
  /** Track kind, track id, track index, clip index, measured timing: what besides the node the results read. */
  key: string;
  issues?: TimelineIssue[];
  compiled?: { key: string; item: CompiledItem };
}

export class ClipCache {
  private fps: Rational | undefined;
  private specs = new WeakMap<LocatedNode, ClipSpec>();
  private environment: string | undefined;
  private results = new WeakMap<LocatedNode, ClipResults>();
  private identities = new WeakMap<object, number>();
  private nextIdentity = 1;

  /** The clip's spec at `fps`: the one built before when the node is kept. */
  specOf(clip: ClipModel, fps: Rational): ClipSpec {
    if (!this.fps || this.fps.num !== fps.num || this.fps.den !== fps.den) {
      this.fps = fps;
      this.specs = new WeakMap();
    }
    let spec = this.specs.get(clip.node);
    if (!spec) this.specs.set(clip.node, spec = readClipSpec(clip, fps));
    return spec;
  }

  /** Per-clip results are kept only while the environment stays what it was. */
  useEnvironment(environment: string): void {
    if (environment === this.environment) return;
    this.environment = environment;
    this.results = new WeakMap();
  }

  /** A number that stays the same for the same object (a font catalog) while this cache lives. */
  identityOf(value: object | undefined): number {
    if (!value) return 0;
    let id = this.identities.get(value);
    if (id === undefined) this.identities.set(value, id = this.nextIdentity++);
    return id;
  }

  /** The node's results for `key`, new and empty when the node or what it reads changed. */
  resultsOf(node: LocatedNode, key: string): ClipResults {
    let results = this.results.get(node);
    if (!results || results.key !== key) this.results.set(node, results = { key });
    return results;
  }
}
