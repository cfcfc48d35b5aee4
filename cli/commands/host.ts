// `atropos host start|stop|status`: manage the one render host of this machine (normally started on demand).
import { readDiscovery } from '../../render-host/discovery/discovery-file';
import { isProcessAlive } from '../../render-host/discovery/process-alive';
import { stateDir } from '../../render-host/discovery/state-dir';
import { ensureHost, findHost } from '../../render-host/client/ensure-host';
import type { RenderHostClient } from '../../render-host/client/host-client';
import { parseArgs } from '../args';
import type { CliCommand, CliIO } from '../command';
import { CommandError, UsageError } from '../errors';

const NOT_RUNNING = 1;

export const hostCommand: CliCommand = {
  name: 'host',
  summary: 'Start, stop or inspect the local render host',
  usage: `Usage: atropos host start|stop|status [--json]

  start    start the render host if none is running (renders and frames start it on demand anyway)
  stop     stop it: running renders end as "interrupted", queued ones resume on the next start
  status   port, pid, queue and render counts (exit code 1 when no host is running)
  --json   print the answer as JSON

The host's discovery file, lock and job history live in $ATROPOS_STATE_DIR,
else $XDG_STATE_HOME/atropos, else ~/.local/state/atropos.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [{ name: 'json', type: 'boolean' }], 'host');
    const [action, ...extra] = positionals;
    if (extra.length > 0 || !action || !['start', 'stop', 'status'].includes(action)) {
      throw new UsageError('atropos host: say start, stop or status (atropos host status)');
    }
    const json = flags.json === true;
    if (action === 'start') return start(io, json);
    if (action === 'stop') return stop(io, json);
    return status(io, json);
  },
};

async function start(io: CliIO, json: boolean): Promise<number> {
  let client: RenderHostClient;
  try {
    client = await ensureHost({ env: io.env });
  } catch (error) {
    throw new CommandError(`atropos host start: ${(error as Error).message}`, 3);
  }
  const health = await client.health();
  if (json) io.stdout.write(`${JSON.stringify({ running: true, port: client.port, pid: health.pid, version: health.version })}\n`);
  else io.stdout.write(`Render host ${health.version} running on 127.0.0.1:${client.port} (pid ${health.pid})\n`);
  return 0;
}

async function stop(io: CliIO, json: boolean): Promise<number> {
  const client = await findHost({ env: io.env });
  if (!client) {
    io.stdout.write(json ? `${JSON.stringify({ running: false })}\n` : 'No render host is running.\n');
    return 0;
  }
  const { pid } = await client.health();
  await client.shutdown();
  const deadline = Date.now() + 15_000;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isProcessAlive(pid)) throw new CommandError(`atropos host stop: the render host (pid ${pid}) is still running after 15 s`, 3);
  io.stdout.write(json ? `${JSON.stringify({ running: false, stopped: pid })}\n` : `Stopped the render host (pid ${pid}).\n`);
  return 0;
}

async function status(io: CliIO, json: boolean): Promise<number> {
  const client = await findHost({ env: io.env });
  if (!client) {
    const stale = readDiscovery(stateDir(io.env));
    if (json) io.stdout.write(`${JSON.stringify({ running: false })}\n`);
    else io.stdout.write(`No render host is running${stale ? ` (pid ${stale.pid} in the discovery file is gone)` : ''}.\n`);
    return NOT_RUNNING;
  }
  const [health, telemetry] = await Promise.all([client.health(), client.telemetry()]);
  if (json) {
    io.stdout.write(`${JSON.stringify({ running: true, port: client.port, pid: health.pid, version: health.version, uptimeSeconds: health.uptimeSeconds, telemetry })}\n`);
    return 0;
  }
  const speed = telemetry.averageSpeed !== undefined ? `; average speed ${telemetry.averageSpeed.toFixed(1)}x real time` : '';
  io.stdout.write(
    `Render host ${health.version} on 127.0.0.1:${client.port} (pid ${health.pid}), up ${health.uptimeSeconds} s\n` +
      `  ${telemetry.queued} queued, ${telemetry.running} running, ${telemetry.completed} completed, ${telemetry.failed} failed, ` +
      `${telemetry.cancelled} cancelled, ${telemetry.interrupted} interrupted${speed}\n`,
  );
  return 0;
}
