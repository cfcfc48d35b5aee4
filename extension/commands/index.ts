// Every command of the extension, the licensing ones included: one registry, one error wrapper.
// Add a command: a file here (or in licensing/commands/), a line below, an entry in package.json.

import * as vscode from 'vscode';
import type { ExtensionCommand, ExtensionServices } from '../services';
import { cancelRender } from './cancel-render';
import { exportFrame } from './export-frame';
import { exportTimeline } from './export-timeline';
import { importTimeline } from './import-timeline';
import { newTimeline } from './new-timeline';
import { openPreview } from './open-preview';
import { openPreviewToSide } from './open-preview-to-side';
import { openRenderOutput, removeRender, retryRender } from './renders-actions';
import { render } from './render';
import { renderWith } from './render-with';
import { renderBatch } from './render-batch';
import { revealOutput } from './reveal-output';
import { showLog } from './show-log';
import { showRenderQueue } from './show-render-queue';
import { deactivateDeviceCommand } from '../licensing/commands/deactivate';
import { enterLicenseKeyCommand } from '../licensing/commands/enter-key';
import { renewSubscriptionCommand } from '../licensing/commands/renew';
import { showLicenceCommand } from '../licensing/commands/show';
import { startTrialCommand } from '../licensing/commands/start-trial';
import { detect } from './detect';

export const commands: ExtensionCommand[] = [
  openPreview,
  openPreviewToSide,
  render,
  renderWith,
  cancelRender,
  showRenderQueue,
  exportFrame,
  revealOutput,
  newTimeline,
  importTimeline,
  exportTimeline,
  openRenderOutput,
  retryRender,
  removeRender,
  showLog,
  enterLicenseKeyCommand,
  startTrialCommand,
  showLicenceCommand,
  deactivateDeviceCommand,
  renewSubscriptionCommand,
  detect,
  renderBatch,
];

export function registerCommands(services: ExtensionServices): void {
  for (const command of commands) {
    services.context.subscriptions.push(vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.run(services, ...args);
      } catch (e) {
        // A command never fails silently: say what went wrong, keep the stack in the log.
        const message = e instanceof Error ? e.message : String(e);
        services.log.error(`${command.id}: ${e instanceof Error && e.stack ? e.stack : message}`);
        void vscode.window.showErrorMessage(`Atropos: ${message}`);
        return undefined;
      }
    }));
  }
}
