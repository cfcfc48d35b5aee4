// The `{}` item in the status bar for timeline files: server state, with Show Log one click away.

import * as vscode from 'vscode';
import { TIMELINE_LANGUAGE_ID } from '../language';

export class LanguageStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('atropos.status', { language: TIMELINE_LANGUAGE_ID });
    this.item.name = 'Atropos Timeline';
    this.item.command = { title: 'Show Log', command: 'atropos.showLog' };
    this.busy('Starting…');
  }

  busy(text: string): void {
    this.item.text = `Atropos: ${text}`;
    this.item.busy = true;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  ready(): void {
    this.item.text = 'Atropos: Ready';
    this.item.busy = false;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  failed(text: string): void {
    this.item.text = `Atropos: ${text}`;
    this.item.busy = false;
    this.item.severity = vscode.LanguageStatusSeverity.Error;
  }

  dispose(): void {
    this.item.dispose();
  }
}
