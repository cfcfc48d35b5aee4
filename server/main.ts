// Bundle entry of the language server (dist/server.js). `createConnection` picks the transport
// from argv (`--stdio`, `--node-ipc`, `--socket=N`), so VS Code and tests use the same bundle.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
