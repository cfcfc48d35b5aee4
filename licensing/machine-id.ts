// The OS machine id, read the way each platform publishes it. Used by the CLI and the render host
// (the extension uses VS Code's env.machineId instead). Fixed argv, no shell, no user input.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LINUX_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/** The platform's machine id, or undefined when it cannot be read. */
function readOsMachineId(platform: NodeJS.Platform = process.platform): string | undefined {
  try {
    if (platform === 'darwin') {
      const out = execFileSync('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice'], { encoding: 'utf8', timeout: 5000 });
      return /"IOPlatformUUID" = "([^"]+)"/.exec(out)?.[1];
    }
    if (platform === 'win32') {
      const out = execFileSync('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid'], { encoding: 'utf8', timeout: 5000 });
      return /MachineGuid\s+REG_SZ\s+(\S+)/.exec(out)?.[1];
    }
  } catch {
    return undefined;
  }
  for (const file of LINUX_ID_FILES) {
    try {
      const id = readFileSync(file, 'utf8').trim();
      if (id) return id;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** The OS machine id, or a random id created once and kept in the config folder (containers, sandboxes). */
export function machineId(configDir: string, platform: NodeJS.Platform = process.platform): string {
  const os = readOsMachineId(platform);
  if (os) return os;
  const file = join(configDir, 'machine-id');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) return stored;
  } catch {
    // first run: create it below
  }
  const id = randomUUID();
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}
