// Batch renders from data: one row of values → the same parsed timeline with those values as its
// variables, substituted where the timeline substitutes variables (texts) and in asset paths, so a row
// can name its own media. Ranges stay those of the template: a row's problems point at template lines.
import type { ParsedTimeline } from '../parse/parse-timeline';
import { substituteVariables, variableValues } from '../variables';

export type DataRow = Readonly<Record<string, string>>;

export function withRowVariables(parsed: ParsedTimeline, row: DataRow): ParsedTimeline {
  const values = new Map(variableValues(parsed));
  for (const [name, value] of Object.entries(row)) if (values.has(name)) values.set(name, value);
  const model = parsed.model;
  return {
    ...parsed,
    model: {
      ...model,
      // Only variables the template declares take a row's value (the batch reports other columns).
      variables: model.variables.map((v) => {
        const value = row[v.name];
        return value !== undefined ? { ...v, value } : v;
      }),
      assets: model.assets.map((a) => (a.path === undefined ? a : { ...a, path: substituteVariables(a.path, values) })),
    },
  };
}

