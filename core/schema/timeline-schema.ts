// The timeline file's JSON Schema (schemas/timeline.schema.json), for validation, completion and hover.
import schemaJson from '../../schemas/timeline.schema.json';

/** A JSON Schema node as the language server reads it (only the parts it uses are typed). */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  enum?: unknown[];
  enumDescriptions?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  required?: string[];
  definitions?: Record<string, SchemaNode>;
  then?: SchemaNode;
  examples?: unknown[];
  patternErrorMessage?: string;
  [keyword: string]: unknown;
}

export const timelineSchema: SchemaNode = schemaJson as SchemaNode;

/** Follows a local `$ref` (`#/definitions/clip`) and merges the referring node's own description over it. */
export function resolveSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = timelineSchema.definitions?.[name];
  if (!target) return node;
  const { $ref: _ref, ...own } = node;
  return { ...resolveSchema(target), ...own };
}

/** The schema that describes the value at a path like `['tracks', 0, 'clips', 2, 'transition', 'type']`. */
export function schemaAtPath(path: readonly (string | number)[]): SchemaNode | undefined {
  let node = resolveSchema(timelineSchema);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = resolveSchema(node.items);
    else node = resolveSchema(node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
  }
  return node;
}
