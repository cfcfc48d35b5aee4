// The request body as JSON, or a 400 that says where the JSON broke (or, checked, what in it is wrong).
import type { Context } from 'hono';
import { problem } from './http-problem';
import { describeProblems, type Checked } from './validate-request';

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

export async function readJson(c: Context): Promise<JsonBody> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: problem(c, 415, 'unsupported-media-type', `Send the body as application/json (got ${type ? `"${type}"` : 'no Content-Type'}).`) };
  }
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, response: problem(c, 400, 'malformed-json', `The body is not valid JSON: ${(error as Error).message}`) };
  }
}

/** The body read as JSON and checked against its schema, or the 4xx that says what is wrong (`what`: "The job"). */
export async function readChecked<T>(c: Context, check: (body: unknown) => Checked<T>, code: string, what: string): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJson(c);
  if (!body.ok) return body;
  const checked = check(body.value);
  if (checked.ok) return checked;
  return { ok: false, response: problem(c, 400, code, `${what} is not valid: ${describeProblems(checked.problems)}`, { problems: checked.problems }) };
}
