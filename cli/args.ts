// A small, strict flag parser: unknown flags are errors, never silently ignored.
import { UsageError } from './errors';

export interface FlagSpec {
  /** Long name without dashes, e.g. `format`. */
  name: string;
  short?: string;
  /** Boolean flags take no value. */
  type: 'boolean' | 'string';
  /** Allowed values for string flags. */
  choices?: readonly string[];
  /** May be given more than once (collects into an array). */
  repeat?: boolean;
}

export interface ParsedArgs {
  flags: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseArgs(argv: string[], specs: FlagSpec[], command: string): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inlineValue] = arg.startsWith('--') ? splitOnce(arg.slice(2), '=') : [arg.slice(1), undefined];
    const spec = arg.startsWith('--') ? byLong.get(rawName) : byShort.get(rawName);
    if (!spec) throw new UsageError(`atropos ${command}: unknown option ${arg} (see atropos ${command} --help)`);
    if (spec.type === 'boolean') {
      if (inlineValue !== undefined) throw new UsageError(`atropos ${command}: --${spec.name} takes no value`);
      flags[spec.name] = true;
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined) throw new UsageError(`atropos ${command}: --${spec.name} needs a value`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`atropos ${command}: --${spec.name} must be one of ${spec.choices.join(', ')} (got "${value}")`);
    }
    if (spec.repeat) flags[spec.name] = [...((flags[spec.name] as string[] | undefined) ?? []), value];
    else flags[spec.name] = value;
  }
  return { flags, positionals };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
