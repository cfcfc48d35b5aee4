// Bundle entry of the language server (dist/server.js). `createConnection` picks the transport
// from argv (`--stdio`, `--node-ipc`, `--socket=N`), so VS Code and tests use the same bundle.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { containProcessFailures } from './contain-failures';
import { limitHeapGrowth } from './heap-policy';
import { startServer } from './server';

limitHeapGrowth();
const connection = createConnection(ProposedFeatures.all);
containProcessFailures((message) => connection.console.error(message));
startServer(connection);
