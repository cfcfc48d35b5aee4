// Schema validation with ajv (every error), each error turned into an issue on the exact key or
// value it is about, in words a video editor understands, with a did-you-mean fix where one is obvious.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { SourceRange, TimelineIssue } from '../../protocol/source-range';
import type { DiagnosticCode } from '../../protocol/diagnostic-codes';
import { closestMatch } from '../suggest';
import { quoteText } from '../quote-text';
import { entryOf, nodeAtPath, type LocatedNode, type PathSegment } from '../parse/located';
import { timelineSchema, type SchemaNode } from './timeline-schema';

// Three validators from the one schema: the whole file; the file with every clip accepted as it is;
// one clip. The analysis checks the second once per edit and the third once per clip node it has not
// seen (clip-cache.ts), which gives the same issues as the first at a fraction of the work.
const validators = new Map<string, ValidateFunction>();
let shared: Ajv | undefined;

function validator(kind: 'file' | 'outside-clips' | 'clip'): ValidateFunction {
  let compiled = validators.get(kind);
  if (!compiled) {
    // One Ajv for the three: what one of them compiled (the clip's definition above all, ~0.2 s) the
    // others reuse, instead of each compiling the whole schema again when a file first opens.
    if (!shared) {
      shared = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
      // Editor annotations (VS Code and yaml-language-server read them); not validation keywords.
      shared.addVocabulary(['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage']);
      shared.addSchema(timelineSchema);
    }
    compiled = kind === 'file' ? shared.getSchema(SCHEMA_ID) : shared.compile(kind === 'clip' ? clipSchema() : outsideClipsSchema());
    if (!compiled) throw new Error(`schema ${SCHEMA_ID} did not compile`);
    validators.set(kind, compiled);
  }
  return compiled;
}

const SCHEMA_ID = String(timelineSchema.$id);

/**
 * The schema with `tracks[].clips[]` accepting anything (each clip is validated on its own): its own
 * root and track, every other definition the file schema's (by its `$id`, so compiled once).
 */
function outsideClipsSchema(): SchemaNode {
  const { $id: _id, definitions, ...root } = structuredClone(timelineSchema);
  const track = structuredClone(definitions?.track ?? {}) as SchemaNode;
  const clips = (track.properties?.clips ?? {}) as SchemaNode;
  clips.items = {};
  return absoluteRefs({ ...root, definitions: { track } }, '#/definitions/track') as SchemaNode;
}

/** `#/definitions/x` → the file schema's own, except `keep`. */
function absoluteRefs(node: unknown, keep: string): unknown {
  if (Array.isArray(node)) return node.map((item) => absoluteRefs(item, keep));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') && value !== keep ? `${SCHEMA_ID}${value}` : absoluteRefs(value, keep);
  }
  return out;
}

function clipSchema(): SchemaNode {
  return { $ref: `${SCHEMA_ID}#/definitions/clip` };
}

export function validateAgainstSchema(value: unknown, root: LocatedNode | undefined): TimelineIssue[] {
  return collect(validator('file'), value, root, []);
}

/** The file's issues outside its clips. */
export function validateOutsideClips(value: unknown, root: LocatedNode | undefined): TimelineIssue[] {
  return collect(validator('outside-clips'), value, root, []);
}

/** One clip's issues; `at` is the clip's path in the file (`['tracks', 0, 'clips', 3]`). */
export function validateClip(value: unknown, clip: LocatedNode, at: PathSegment[]): TimelineIssue[] {
  return collect(validator('clip'), value, clip, at);
}

/** A whole-file issue, with the clip it is in (`tracks[track].clips[clip]`) when it is in one. */
export interface PlacedIssue {
  issue: TimelineIssue;
  track?: number;
  clip?: number;
}

/**
 * The whole file's issues, each with its clip: the same issues as `validateOutsideClips` plus
 * `validateClip` on every clip, in one validation (how a file's clips are first checked when it opens).
 * Dedupes per clip and outside the clips, as those do; `[]` for a valid file.
 */
export function validateByClip(value: unknown, root: LocatedNode | undefined): PlacedIssue[] {
  const validate = validator('file');
  if (validate(value)) return [];
  const placed: PlacedIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error, root, []);
    if (!issue) continue;
    const path = pathOf(error.instancePath);
    const inClip = path[0] === 'tracks' && typeof path[1] === 'number' && path[2] === 'clips' && typeof path[3] === 'number';
    const key = `${inClip ? `${path[1]}/${path[3]}` : ''}|${issueKey(issue)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    placed.push(inClip ? { issue, track: path[1] as number, clip: path[3] as number } : { issue });
  }
  return placed;
}

function collect(validate: ValidateFunction, value: unknown, root: LocatedNode | undefined, at: PathSegment[]): TimelineIssue[] {
  if (validate(value)) return [];
  const issues: TimelineIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error, root, at);
    if (!issue) continue;
    const key = issueKey(issue);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/** Issues the schema reports twice (an alias repeats its anchor's ranges) are one issue. */
export const issueKey = (issue: TimelineIssue): string => `${issue.code}|${issue.message}|${JSON.stringify(issue.range)}`;

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((raw) => {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(segment) ? Number(segment) : segment;
  });
}

const WHOLE_FILE: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** `root` is the node the error's path starts from, found at `at` in the file. */
function toIssue(error: ErrorObject, root: LocatedNode | undefined, at: PathSegment[]): TimelineIssue | undefined {
  const path = pathOf(error.instancePath);
  const node = nodeAtPath(root, path);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const name = nameOf(schema, [...at, ...path]);
  const valueRange = node?.range ?? WHOLE_FILE;
  const shown = describeValue(error.data);
  const issue = (code: DiagnosticCode, message: string, range: SourceRange = valueRange): TimelineIssue => ({ code, severity: 'error', message, range });

  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String((error.params as { additionalProperty: string }).additionalProperty);
      const entry = entryOf(node, property);
      const range = entry?.keyRange ?? valueRange;
      if (property === '<<') {
        return issue('merge-key-unsupported', 'YAML merge keys ("<<:") are not supported in timelines; write the keys out here (the quick fix does), and keep repeated text in variables', range);
      }
      const known = Object.keys(schema.properties ?? {});
      const suggestion = closestMatch(property, known);
      const found = issue('unknown-property', `${quoteText(property)} is not a ${name} setting${suggestion ? ` — did you mean "${suggestion}"?` : `; known: ${known.join(', ')}`}`, range);
      if (suggestion) found.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }];
      return found;
    }
    case 'enum': {
      // A list or map where a word belongs: the type error says so; "unknown … a map" would not.
      const allowed = (schema.enum ?? []).map(String);
      if (typeof error.data === 'object' && error.data !== null) {
        return (schema as { type?: unknown }).type !== undefined ? undefined : issue('unknown-value', `${name} should be one of: ${allowed.join(', ')}, not ${shown}`);
      }
      const suggestion = typeof error.data === 'string' || typeof error.data === 'number' ? closestMatch(String(error.data), allowed) : undefined;
      const list = allowed.length <= 10 ? allowed.join(', ') : `${allowed.slice(0, 10).join(', ')}, …`;
      const found = issue('unknown-value', `unknown ${name} ${shown}${suggestion ? ` — did you mean "${suggestion}"?` : `; use one of: ${list}`}`);
      if (suggestion && node) {
        const quoted = typeof error.data === 'string' && node.kind === 'scalar' && /^["']/.test(node.source);
        found.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range: node.range, newText: quoted ? JSON.stringify(suggestion) : suggestion }], preferred: true }];
      }
      return found;
    }
    case 'type': {
      if (error.data === null) return issue('missing-value', `${name} needs a value`);
      const expected = String((error.params as { type: string }).type).split(',').map(typeWords).join(' or ');
      return issue('wrong-type', `${name} should be ${expected}, not ${shown}`);
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const firstKey = node?.kind === 'map' ? node.entries[0]?.keyRange : undefined;
      return issue('missing-property', `a ${name} needs "${missing}"`, keyRangeOf(root, path) ?? firstKey ?? valueRange);
    }
    case 'pattern': {
      const message = schema.patternErrorMessage ?? `does not have the expected form`;
      return issue('invalid-format', /^(is|does) /.test(message) ? `${shown} ${message}` : `${name} ${shown}: ${message}`);
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = error.params as { comparison: string; limit: number };
      const words: Record<string, string> = { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than' };
      return issue('out-of-range', `${name} must be ${words[comparison] ?? comparison} ${limit} (got ${shown})`);
    }
    case 'minItems':
      return issue('empty-list', `${name} needs at least ${(error.params as { limit: number }).limit} item`);
    case 'minLength':
      return issue('missing-value', `${name} cannot be empty`);
    case 'propertyNames':
    case 'if':
      return undefined; // the nested error (pattern, enum) says it better
    default:
      return issue('schema', `${name}: ${error.message ?? 'is not valid'}`);
  }
}

/** A property name's error belongs on its key; other errors on the value. */
function keyRangeOf(root: LocatedNode | undefined, path: PathSegment[]): SourceRange | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  return entryOf(nodeAtPath(root, path.slice(0, -1)), last)?.keyRange;
}

function nameOf(schema: SchemaNode, path: PathSegment[]): string {
  if (schema.title) return schema.title;
  const last = [...path].reverse().find((s): s is string => typeof s === 'string');
  return last ?? 'timeline';
}

function typeWords(type: string): string {
  switch (type) {
    case 'number': return 'a number';
    case 'integer': return 'a whole number';
    case 'string': return 'text';
    case 'boolean': return 'true or false';
    case 'object': return 'a map of settings';
    case 'array': return 'a list';
    default: return type;
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quoteText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a map';
}
