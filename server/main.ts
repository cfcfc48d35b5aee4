// Bundle entry of the language server (dist/server.js). `createConnection` picks the transport
// from argv (`--stdio`, `--node-ipc`, `--socket=N`), so VS Code and tests use the same bundle.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { containProcessFailures } from './contain-failures';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
containProcessFailures((message) => connection.console.error(message));
startServer(connection);
