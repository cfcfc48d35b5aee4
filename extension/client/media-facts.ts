// Media facts from the language server (atropos/mediaFacts): it probes with ffprobe and caches; the
// extension host never runs ffprobe itself.

import { State, type LanguageClient } from 'vscode-languageclient/node';
import { MediaFactsRequest } from '../../protocol/lsp';

export class ServerMediaFacts {
  constructor(private readonly client: LanguageClient, private readonly warn: (line: string) => void) {}

  /**
   * Facts per absolute path (null: missing or unreadable); undefined when the server is stopped or fails to
   * answer. A server still starting is waited for.
   */
  async get(paths: string[]): Promise<MediaFactsRequest.Result['facts'] | undefined> {
    if (this.client.state === State.Stopped) {
      this.warn('Media facts: the language server is not running; start timecodes are not read.');
      return undefined;
    }
    try {
      const result = await this.client.sendRequest<MediaFactsRequest.Result>(MediaFactsRequest.method, { paths } satisfies MediaFactsRequest.Params);
      return result.facts;
    } catch (e) {
      this.warn(`Media facts: the language server did not answer (${e instanceof Error ? e.message : String(e)}); start timecodes are not read.`);
      return undefined;
    }
  }
}
