// New Timeline: pick a template, then an untitled *.timeline.yaml editor opens with it.

import * as vscode from 'vscode';
import { TIMELINE_TEMPLATES } from '../templates/timeline-templates';
import { TIMELINE_LANGUAGE_ID } from '../language';
import type { ExtensionCommand } from '../services';

export const newTimeline: ExtensionCommand = {
  id: 'atropos.newTimeline',
  async run(_s, templateId) {
    const template = typeof templateId === 'string'
      ? TIMELINE_TEMPLATES.find((t) => t.id === templateId)
      : (await vscode.window.showQuickPick(TIMELINE_TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })), { title: 'New Timeline', placeHolder: 'Start from a template' }))?.template;
    if (!template) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    // Inside a folder: an untitled file with the right name, so Save lands as *.timeline.yaml.
    const uri = folder
      ? vscode.Uri.joinPath(folder, `${template.id}.timeline.yaml`).with({ scheme: 'untitled' })
      : undefined;
    const doc = uri
      ? await vscode.workspace.openTextDocument(uri)
      : await vscode.workspace.openTextDocument({ language: TIMELINE_LANGUAGE_ID, content: template.text });
    const editor = await vscode.window.showTextDocument(doc);
    if (uri) {
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), template.text));
      await vscode.languages.setTextDocumentLanguage(doc, TIMELINE_LANGUAGE_ID);
    }
    return doc.uri.toString();
  },
};
