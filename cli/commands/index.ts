// Every `atropos` command, in the order `atropos --help` lists them. Add a command: a file here, a line below.
import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { importCommand } from './import';
import { licenseCommand } from './license';
import { renderCommand } from './render';
import { frameCommand } from './frame';
import { planCommand } from './plan';
import { hostCommand } from './host';
import { detectCommand } from './detect';

export const commands: CliCommand[] = [checkCommand, importCommand, exportCommand, licenseCommand, renderCommand, frameCommand, planCommand, hostCommand];
commands.push(detectCommand);
