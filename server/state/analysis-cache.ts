// Per-document results, computed once per (version, text) and dropped when the document closes.
// Keyed on the text as well as the version: a document closed and reopened under the same version
// with new text must never get the old answer.

import type { TextDocument } from 'vscode-languageserver-textdocument';

interface Entry<T> {
  version: number;
  text: string;
  value: T;
}

export class AnalysisCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly compute: (document: TextDocument, text: string) => T) {}

  /** The result for the document as it is now, computing it when the cache does not hold it. */
  get(document: TextDocument): T {
    const text = document.getText();
    const entry = this.entries.get(document.uri);
    // `===` on the same string object is a pointer check; different objects compare by content.
    if (entry && entry.version === document.version && entry.text === text) return entry.value;
    // Drop the old result first: at 10,000 clips one analysis holds ~100 MB, and keeping the old one
    // alive while the new one is built doubles the peak and the garbage collector's work.
    this.entries.delete(document.uri);
    const value = this.compute(document, text);
    this.entries.set(document.uri, { version: document.version, text, value });
    return value;
  }

  /** Whatever was computed last for this URI, possibly for an older version. */
  peek(uri: string): T | undefined {
    return this.entries.get(uri)?.value;
  }

  /** Forget one document (closed, or its media changed). */
  evict(uri: string): void {
    this.entries.delete(uri);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }
}
