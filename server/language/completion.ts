// What to offer at the cursor: schema keys and enum values with their descriptions, asset ids,
// track ids, `${…}` variables, asset file paths (media first), font families, timecode snippets.
// No LSP types: the handler maps suggestions to CompletionItems.

import { schemaAtPath, type SchemaNode } from '../../core';
import type { CompletionContext } from './completion-context';
import { isMediaFile } from './media-files';
import { valueSuggestions } from './value-suggestions';

export type SuggestionKind = 'key' | 'value' | 'asset' | 'track' | 'variable' | 'file' | 'folder' | 'font' | 'time' | 'transition' | 'color';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  detail?: string | undefined;
  documentation?: string | undefined;
  /** Text to insert (a snippet when `snippet` is set); the label otherwise. */
  insertText?: string;
  snippet?: boolean;
  sortText?: string;
}

export interface CompletionFacts {
  assets: { id: string; path?: string | undefined }[];
  trackIds: string[];
  variables: { name: string; value?: string | undefined }[];
  fonts: () => string[];
  /** Entries of a folder relative to the timeline (`''` = its own folder); empty when unreadable. */
  listFolder: (relative: string) => { name: string; isDirectory: boolean }[];
}

export function suggest(ctx: CompletionContext, facts: CompletionFacts): Suggestion[] {
  if (ctx.variablePrefix !== undefined) {
    return facts.variables.map((v) => ({ label: v.name, kind: 'variable', detail: v.value, insertText: `${v.name}}` }));
  }
  if (ctx.key === undefined) return keySuggestions(ctx);
  const path = [...ctx.parentPath, ctx.key];
  const parentKey = ctx.parentPath[ctx.parentPath.length - 1];
  const inClip = ctx.parentPath.length >= 2 && ctx.parentPath[ctx.parentPath.length - 2] === 'clips';

  if ((ctx.key === 'asset' && (inClip || parentKey === 'subtitles')) || (ctx.key === 'matte' && parentKey === 'mask') || (ctx.key === 'image' && parentKey === 'transition')) {
    return facts.assets.map((a) => ({ label: a.id, kind: 'asset', detail: a.path }));
  }
  if (ctx.key === 'under' && parentKey === 'duck') {
    return facts.trackIds.map((id) => ({ label: id, kind: 'track', detail: 'track' }));
  }
  if (ctx.key === 'font' && parentKey === 'style') {
    return facts.fonts().map((family) => ({ label: family, kind: 'font', detail: 'installed font' }));
  }
  if ((ctx.parentPath.length === 1 && ctx.parentPath[0] === 'assets') || (ctx.key === 'path' && ctx.parentPath[0] === 'assets')) {
    return fileSuggestions(ctx.prefix, facts);
  }
  const schema = schemaAtPath(path);
  if (!schema) return [];
  const described = valueSuggestions(schema, ctx.key, parentKey === undefined ? undefined : String(parentKey), ctx.prefix);
  if (described) return described;
  if (Array.isArray(schema.enum)) return enumSuggestions(schema, ctx.key === 'type' && parentKey === 'transition');
  if (schema.title === 'time value') return timeSnippets();
  if (schemaType(schema).includes('boolean')) {
    return [{ label: 'true', kind: 'value' }, { label: 'false', kind: 'value' }];
  }
  return [];
}

function keySuggestions(ctx: CompletionContext): Suggestion[] {
  const schema = schemaAtPath(ctx.parentPath);
  const properties = schema?.properties;
  if (!properties) return [];
  return Object.entries(properties).map(([key, raw], i) => {
    const child = schemaAtPath([...ctx.parentPath, key]) ?? raw;
    const isBlock = schemaType(child).includes('object') && !schemaType(child).includes('string') || schemaType(child).includes('array');
    return {
      label: key,
      kind: 'key' as const,
      detail: child.title,
      documentation: describe(child),
      insertText: isBlock ? `${key}:` : `${key}: `,
      sortText: String(i).padStart(3, '0'),
    };
  });
}

function enumSuggestions(schema: SchemaNode, isTransition: boolean): Suggestion[] {
  const values = schema.enum ?? [];
  const descriptions = Array.isArray(schema.enumDescriptions) ? schema.enumDescriptions : [];
  return values.map((value, i) => {
    const s: Suggestion = { label: String(value), kind: isTransition ? 'transition' : 'value', sortText: String(i).padStart(3, '0') };
    const description = descriptions[i];
    if (description) {
      s.detail = description;
      s.documentation = description;
    }
    return s;
  });
}

const TIME_SNIPPETS: Suggestion[] = [
  { label: '2.5s', kind: 'time', detail: 'seconds', insertText: '${1:2.5}s', snippet: true },
  { label: '500ms', kind: 'time', detail: 'milliseconds', insertText: '${1:500}ms', snippet: true },
  { label: '90f', kind: 'time', detail: 'frames at the output rate', insertText: '${1:90}f', snippet: true },
  { label: '00:00:00.000', kind: 'time', detail: 'clock time HH:MM:SS.mmm', insertText: '${1:00}:${2:00}:${3:00}.${4:000}', snippet: true },
  { label: '00:00:00:00', kind: 'time', detail: 'SMPTE timecode HH:MM:SS:FF', insertText: '${1:00}:${2:00}:${3:00}:${4:00}', snippet: true },
  { label: '00:00:00;00', kind: 'time', detail: 'drop-frame timecode HH:MM:SS;FF (29.97/59.94)', insertText: '${1:00}:${2:00}:${3:00};${4:00}', snippet: true },
];

function timeSnippets(): Suggestion[] {
  return TIME_SNIPPETS.map((s, i) => ({ ...s, sortText: String(i).padStart(3, '0') }));
}

function fileSuggestions(prefix: string, facts: CompletionFacts): Suggestion[] {
  const slash = prefix.lastIndexOf('/');
  const folder = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const entries = facts.listFolder(folder).filter((e) => !e.name.startsWith('.'));
  return entries.map((e) => {
    const media = !e.isDirectory && isMediaFile(e.name);
    // Media files first, then folders, then anything else.
    const rank = media ? 0 : e.isDirectory ? 1 : 2;
    return {
      label: e.isDirectory ? `${e.name}/` : e.name,
      kind: e.isDirectory ? 'folder' as const : 'file' as const,
      detail: media ? 'media file' : e.isDirectory ? 'folder' : 'file',
      insertText: `${folder}${e.name}${e.isDirectory ? '/' : ''}`,
      sortText: `${rank}${e.name}`,
    };
  });
}

function schemaType(schema: SchemaNode): string[] {
  const t = schema.type;
  return Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
}

export function describe(schema: SchemaNode | undefined): string | undefined {
  if (!schema) return undefined;
  // A `$ref` merged with the referring node: its own description says what the key means, the
  // shared definition says how to write the value; show both.
  const own = schema.description;
  const shared = schema.markdownDescription;
  if (own && shared && own !== shared) return `${own}\n\n${shared}`;
  return shared ?? own;
}
