// `atropos` entry: dispatch to a command, turn expected errors into one line and an exit code.
import { commands } from './commands/index';
import { CommandError, UsageError } from './errors';
import type { CliIO } from './command';
import { PRODUCT_VERSION } from '../protocol/version';


function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `atropos ${PRODUCT_VERSION} — declarative video editing\n\nUsage: atropos <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun atropos <command> --help for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${PRODUCT_VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`atropos: unknown command "${name}" (run atropos --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CommandError) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    // Unexpected: still one line for the user; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`atropos ${name}: internal error: ${message}\n`);
    if (process.env.ATROPOS_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 70;
  }
}

function runFromProcess(): void {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    // First Ctrl+C cancels cleanly; a second one leaves at once.
    if (++interrupts > 1) process.exit(130);
    controller.abort();
  });
  // A reader that goes away (`atropos check … | head`) is not an error: stop the work as Ctrl+C would,
  // quietly; later writes to the closed pipe are dropped.
  const onPipeError = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    controller.abort();
  };
  process.stdout.on('error', onPipeError);
  process.stderr.on('error', onPipeError);
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, signal: controller.signal };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`atropos: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

if (require.main === module || process.env.ATROPOS_CLI_MAIN === '1' || /[\\/]bin[\\/]atropos(\.js)?$/.test(process.argv[1] ?? '')) {
  runFromProcess();
}
