// The few web-standard globals that every runtime the core runs in has (Node 20, VS Code's webview,
// workerd) but that TypeScript's ES library leaves out. Declared here, narrowly, instead of pulling in
// the DOM or Node's types, so a browser-only or Node-only API in the core fails to compile.
declare function structuredClone<T>(value: T): T;

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly host: string;
}
