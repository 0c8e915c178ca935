// The peer for the stdio benchmark: the same tokens/count method served the way the reference extension counts
// tokens (Node.js, npm tiktoken 1.0.21 WASM, o200k_base, encode_ordinary), over newline-delimited JSON-RPC on
// stdio with the same result shape. Run by bench.mjs; tiktoken comes from tests/tiktoken-diff/node_modules.
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../tests/tiktoken-diff/package.json'));
const { get_encoding } = require('tiktoken');
const enc = get_encoding('o200k_base');
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  const msg = JSON.parse(line);
  if (msg.method === 'initialize') {
    process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: { serverInfo: { name: 'peer' } } }) + '\n');
    return;
  }
  const count = enc.encode_ordinary(msg.params.text).length;
  process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: { inputs: [{ path: '-', count, ids: [] }], total: count } }) + '\n');
});
