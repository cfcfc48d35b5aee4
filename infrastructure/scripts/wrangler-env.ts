// Renders one environment's section of worker/wrangler.toml from `terraform output -json`, so every
// name and ID wrangler needs is stated once, in Terraform. Pure: outputs in, TOML text out.

/** `terraform output -json`: each output as `{ value, type, sensitive }`. */
export type TerraformOutputs = Record<string, { value: unknown; sensitive?: boolean }>;

export interface WranglerEnv {
  wranglerEnv: string;
  workerName: string;
  routes: Array<{ pattern: string; zone_name: string }>;
  vars: Record<string, string>;
  kvNamespaces: Record<string, string>;
  durableObjects: Array<{ name: string; class_name: string }>;
  migrations: Array<{ tag: string; new_sqlite_classes?: string[] }>;
}

/** The outputs the rendering reads; infrastructure/terraform/outputs.tf must declare each. */
export const RENDERED_OUTPUTS = ['wrangler_env', 'worker_name', 'routes', 'vars', 'kv_namespaces', 'durable_objects', 'durable_object_migrations'] as const;

export function wranglerEnvFromOutputs(outputs: TerraformOutputs): WranglerEnv {
  const value = (name: (typeof RENDERED_OUTPUTS)[number]): unknown => {
    const output = outputs[name];
    if (!output) throw new Error(`terraform output ${name} is missing: apply infrastructure/terraform first`);
    if (output.sensitive) throw new Error(`terraform output ${name} is sensitive: secrets never go into wrangler.toml`);
    return output.value;
  };
  return {
    wranglerEnv: value('wrangler_env') as string,
    workerName: value('worker_name') as string,
    routes: value('routes') as WranglerEnv['routes'],
    vars: value('vars') as Record<string, string>,
    kvNamespaces: value('kv_namespaces') as Record<string, string>,
    durableObjects: value('durable_objects') as WranglerEnv['durableObjects'],
    migrations: value('durable_object_migrations') as WranglerEnv['migrations'],
  };
}

export function beginMarker(env: string): string {
  return `# BEGIN env.${env}: rendered from \`terraform output -json\` by infrastructure/scripts/render-wrangler-env.ts; change Terraform, not this block.`;
}

export function endMarker(env: string): string {
  return `# END env.${env}`;
}

const str = (s: string): string => JSON.stringify(s);
const list = (items: string[]): string => `[${items.map(str).join(', ')}]`;

export function renderWranglerEnv(w: WranglerEnv): string {
  const e = w.wranglerEnv;
  const lines = [
    beginMarker(e),
    `[env.${e}]`,
    `name = ${str(w.workerName)}`,
    `routes = [${w.routes.map((r) => `{ pattern = ${str(r.pattern)}, zone_name = ${str(r.zone_name)} }`).join(', ')}]`,
    '',
    `[env.${e}.vars]`,
    ...Object.keys(w.vars).sort().map((k) => `${k} = ${str(String(w.vars[k]))}`),
  ];
  for (const binding of Object.keys(w.kvNamespaces).sort()) {
    lines.push('', `[[env.${e}.kv_namespaces]]`, `binding = ${str(binding)}`, `id = ${str(w.kvNamespaces[binding] as string)}`);
  }
  for (const d of w.durableObjects) {
    lines.push('', `[[env.${e}.durable_objects.bindings]]`, `name = ${str(d.name)}`, `class_name = ${str(d.class_name)}`);
  }
  for (const m of w.migrations) {
    lines.push('', `[[env.${e}.migrations]]`, `tag = ${str(m.tag)}`);
    if (m.new_sqlite_classes) lines.push(`new_sqlite_classes = ${list(m.new_sqlite_classes)}`);
  }
  lines.push(endMarker(e));
  return lines.join('\n');
}

/** wrangler.toml with the environment's block replaced (or appended when it has none yet). */
export function replaceWranglerEnv(toml: string, w: WranglerEnv): string {
  const begin = beginMarker(w.wranglerEnv);
  const end = endMarker(w.wranglerEnv);
  const rendered = renderWranglerEnv(w);
  const start = toml.indexOf(begin);
  if (start < 0) return `${toml.replace(/\n*$/, '')}\n\n${rendered}\n`;
  const stop = toml.indexOf(end, start);
  if (stop < 0) throw new Error(`wrangler.toml has "${begin}" but no "${end}"`);
  return toml.slice(0, start) + rendered + toml.slice(stop + end.length);
}
