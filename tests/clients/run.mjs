// Real clients against the published binary (argv[2], default ../../dist/agentcore):
//  - the official MCP TypeScript SDK client (@modelcontextprotocol/sdk, StdioClientTransport) drives `agentcore mcp`
//    at each revision it speaks (2025-11-25, its default, and 2025-06-18), lists the tools and calls each one,
//    with the SDK's own validation of structuredContent against each tool's outputSchema;
//  - revision 2026-07-28 (stateless: server/discover, _meta per request), which SDK 1.32.2 does not speak, as raw
//    newline-delimited JSON-RPC over the same stdio;
//  - vscode-jsonrpc (the JSON-RPC of the LSP libraries) drives `agentcore serve` over Content-Length framing
//    (tokens, then the symbol index and the metrics on the fixture workspace, then conversations and a streamed
//    chat against a loopback provider, its chat/chunk notifications received by the client's notification handler).
// Prints one line per check and ends with "clients: N passed, N failed"; exit 1 on any failure.
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import * as rpc from 'vscode-jsonrpc/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(process.argv[2] ?? path.join(here, '../../dist/agentcore'));
const fixture = path.join(here, 'fixture');
let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

// Arguments each tool is called with; a listed tool without an entry fails the run (every tool is called).
const samples = {
  count_tokens: { args: { text: 'hello world' }, verify: (s) => assert(s.total === 2, `total ${s.total}`) },
  list_files: { args: { path: '.', recursive: true }, verify: (s) => assert(JSON.stringify(s).includes('greet.ts'), 'greet.ts not listed') },
  search_files: { args: { path: '.', regex: 'greet' }, verify: (s) => assert(JSON.stringify(s).includes('greet.ts'), 'no match in greet.ts') },
  read_file: { args: { path: 'src/greet.ts' }, verify: (s) => assert(JSON.stringify(s).includes('Greeter'), 'content missing') },
  list_code_definition_names: { args: { path: 'src' }, verify: (s) => assert(JSON.stringify(s).includes('Greeter'), 'Greeter not listed') },
  find_symbol: { args: { query: 'Greeter' }, verify: (s) => assert(JSON.stringify(s).includes('greet.ts'), 'Greeter not found') },
};

// Makes the SDK client ask for `version` in initialize (it always asks for its latest otherwise).
// Also records the version the server answered with (the SDK reports it through setProtocolVersion).
function forceVersion(transport, version) {
  transport.setProtocolVersion = (v) => {
    transport.negotiated = v;
  };
  if (!version) return transport;
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    if (message.method === 'initialize') message = { ...message, params: { ...message.params, protocolVersion: version } };
    return send(message, options);
  };
  return transport;
}

async function mcpSession(version, { roots } = {}) {
  const transport = forceVersion(new StdioClientTransport({ command: bin, args: roots ? ['mcp'] : ['mcp', '--root', fixture], cwd: here, stderr: 'pipe' }), version);
  const client = new Client({ name: 'mcp-sdk-test', version: '1.32.2' }, { capabilities: roots ? { roots: { listChanged: true } } : {} });
  let rootsAsked = 0;
  if (roots) {
    client.setRequestHandler(ListRootsRequestSchema, async () => {
      rootsAsked++;
      return { roots: [{ uri: pathToFileURL(fixture).href, name: 'fixture' }] };
    });
  }
  await client.connect(transport);
  return { client, transport, rootsAsked: () => rootsAsked };
}

for (const version of ['2025-11-25', '2025-06-18']) {
  await check(`mcp ${version}: official SDK client lists the tools and calls each (structuredContent checked against outputSchema)`, async () => {
    const { client, transport } = await mcpSession(version === '2025-11-25' ? null : version);
    try {
      assert(transport.negotiated === version, `negotiated ${transport.negotiated}`);
      const info = client.getServerVersion();
      assert(info?.name === 'agentcore', `serverInfo ${JSON.stringify(info)}`);
      const { tools } = await client.listTools();
      assert(tools.length > 0, 'no tools');
      for (const tool of tools) {
        const sample = samples[tool.name];
        assert(sample, `no sample arguments for tool ${tool.name}`);
        assert(tool.inputSchema?.type === 'object' && tool.outputSchema?.type === 'object', `${tool.name}: schemas`);
        const result = await client.callTool({ name: tool.name, arguments: sample.args });
        assert(!result.isError, `${tool.name}: isError ${JSON.stringify(result.content)}`);
        assert(result.structuredContent, `${tool.name}: no structuredContent`);
        assert(JSON.stringify(JSON.parse(result.content[0].text)) === JSON.stringify(result.structuredContent), `${tool.name}: text != structuredContent`);
        sample.verify(result.structuredContent);
      }
    } finally {
      await client.close();
    }
  });
}

await check('mcp 2025-11-25: errors (unknown tool and bad arguments are -32602 McpErrors; the server lives on)', async () => {
  const { client } = await mcpSession(null);
  try {
    for (const [name, args] of [['no_such_tool', {}], ['count_tokens', { text: 42 }]]) {
      let error;
      try {
        await client.callTool({ name, arguments: args });
      } catch (e) {
        error = e;
      }
      assert(error instanceof McpError && error.code === -32602, `${name}: ${error}`);
    }
    const r = await client.callTool({ name: 'count_tokens', arguments: { text: 'still here' } });
    assert(r.structuredContent.total > 0, 'server did not go on');
    await client.ping();
  } finally {
    await client.close();
  }
});

await check('mcp 2025-11-25: without --root the server asks the client for its roots (roots/list)', async () => {
  const s = await mcpSession(null, { roots: true });
  try {
    const r = await s.client.callTool({ name: 'count_tokens', arguments: { text: 'x' } });
    assert(r.structuredContent.total === 1, 'call failed');
    for (let i = 0; i < 50 && s.rootsAsked() === 0; i++) await new Promise((ok) => setTimeout(ok, 20));
    assert(s.rootsAsked() === 1, `roots/list asked ${s.rootsAsked()} times`);
  } finally {
    await s.client.close();
  }
});

// Revision 2026-07-28 over raw stdio (newline-delimited JSON-RPC, as its stdio transport specifies).
function rawSession(args) {
  const child = spawn(bin, args, { cwd: here, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = '';
  const waiting = new Map();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => {
    buffer += d;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      waiting.get(msg.id)?.(msg);
      waiting.delete(msg.id);
    }
  });
  let next = 1;
  return {
    request(method, params) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
      });
    },
    close() {
      child.stdin.end();
      return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    },
  };
}

await check('mcp 2026-07-28: server/discover, tools/list and tools/call with _meta, no initialize; unsupported version -32022', async () => {
  const s = rawSession(['mcp', '--root', fixture]);
  const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
  const discover = await s.request('server/discover', { _meta: meta });
  assert(discover.result?.resultType === 'complete' && discover.result.supportedVersions.includes('2026-07-28'), JSON.stringify(discover));
  const list = await s.request('tools/list', { _meta: meta });
  assert(list.result?.resultType === 'complete' && list.result.tools.length > 0 && list.result.ttlMs > 0 && list.result.cacheScope, JSON.stringify(list).slice(0, 300));
  for (const tool of list.result.tools) {
    const call = await s.request('tools/call', { _meta: meta, name: tool.name, arguments: samples[tool.name]?.args ?? {} });
    assert(call.result?.resultType === 'complete' && call.result.structuredContent && !call.result.isError, `${tool.name}: ${JSON.stringify(call).slice(0, 300)}`);
  }
  const old = await s.request('tools/list', { _meta: { ...meta, 'io.modelcontextprotocol/protocolVersion': '1900-01-01' } });
  assert(old.error?.code === -32022 && old.error.data.supported.includes('2026-07-28'), JSON.stringify(old));
  assert((await s.close()) === 0, 'exit code');
});

// vscode-jsonrpc drives `serve` with LSP Content-Length framing.
await check('serve: vscode-jsonrpc over Content-Length framing (initialize, tokens/count, tokens/encode, errors, shutdown, exit)', async () => {
  const child = spawn(bin, ['serve'], { cwd: here, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  conn.listen();
  const init = await conn.sendRequest('initialize', { fixes: false, clientInfo: { name: 'vscode-jsonrpc', version: '8.2.1' } });
  assert(init.serverInfo.name === 'agentcore' && init.capabilities.methods.includes('tokens/count'), JSON.stringify(init));
  const count = await conn.sendRequest('tokens/count', { text: 'hello world' });
  assert(count.total === 2, JSON.stringify(count));
  const encode = await conn.sendRequest('tokens/encode', { text: 'hello world', encoding: 'cl100k_base' });
  assert(JSON.stringify(encode.inputs[0].ids) === '[15339,1917]', JSON.stringify(encode));
  const many = await Promise.all(Array.from({ length: 200 }, (_, i) => conn.sendRequest('tokens/count', { text: 'x'.repeat(i + 1) })));
  assert(many.every((r) => r.total >= 1), 'concurrent requests');
  for (const [method, params, code] of [['tokens/count', { text: 'a', encoding: 'nope' }, -32602], ['no/such', {}, -32601]]) {
    let error;
    try {
      await conn.sendRequest(method, params);
    } catch (e) {
      error = e;
    }
    assert(error instanceof rpc.ResponseError && error.code === code, `${method}: ${error}`);
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  const code = await exited;
  conn.dispose();
  assert(code === 0, `exit code ${code}`);
});

// vscode-jsonrpc drives the symbol index and the metrics of `serve` (Content-Length framing).
await check('serve: vscode-jsonrpc symbols/query, symbols/index and stats/get on the fixture workspace (errors name the field)', async () => {
  const child = spawn(bin, ['serve'], { cwd: here, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  conn.listen();
  const init = await conn.sendRequest('initialize', { fixes: false, clientInfo: { name: 'vscode-jsonrpc', version: '8.2.1' } });
  for (const m of ['symbols/query', 'symbols/index', 'stats/get', 'stats/trace']) assert(init.capabilities.methods.includes(m), `${m} not listed`);
  assert(init.languages.includes('typescript'), `languages ${JSON.stringify(init.languages)}`);
  let error;
  try {
    await conn.sendRequest('symbols/query', { query: 'Greeter' });
  } catch (e) {
    error = e;
  }
  assert(error instanceof rpc.ResponseError && error.code === -32000 && error.data?.code === 'outside_workspace', `before workspace/open: ${error}`);
  await conn.sendRequest('workspace/open', { root: fixture });
  const found = await conn.sendRequest('symbols/query', { query: 'greeter', limit: 5 });
  const top = found.matches[0];
  assert(top && top.name === 'Greeter' && top.score === 1 && top.path === 'src/greet.ts' && top.startLine >= 1, JSON.stringify(found));
  const indexed = await conn.sendRequest('symbols/index', {});
  assert(indexed.statistics.files >= 1 && indexed.statistics.symbols >= 1, JSON.stringify(indexed));
  for (const [params, target] of [[{ query: 5 }, 'query'], [{ query: 'a', limit: 0 }, 'limit'], [{}, 'query']]) {
    error = undefined;
    try {
      await conn.sendRequest('symbols/query', params);
    } catch (e) {
      error = e;
    }
    assert(error instanceof rpc.ResponseError && error.code === -32602 && error.data?.target === target, `${JSON.stringify(params)}: ${error}`);
  }
  const stats = await conn.sendRequest('stats/get', {});
  const find = stats.operations.find((o) => o.operation === 'symbols.find');
  assert(find && find.count >= 1 && find.totalMs > 0, JSON.stringify(stats.operations));
  assert(stats.memory.rssBytes > 0 && stats.memory.gcHeapBytes > 0 && stats.memory.peakRssBytes >= stats.memory.rssBytes, JSON.stringify(stats.memory));
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  const code = await exited;
  conn.dispose();
  assert(code === 0, `exit code ${code}`);
});

// vscode-jsonrpc drives the server-held conversations and a streamed chat: chat/chunk notifications arrive through
// the client's own notification handler before the chat/start answer; the API key reaches the provider only.
await check('serve: vscode-jsonrpc conversation/* (create, append, estimate, truncate, save, load) and chat/start with chat/chunk notifications', async () => {
  const key = 'sk-clients-0123456789-secret';
  const sse = [
    '{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Hello"}}]}',
    '{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":" there"}}]}',
    '{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
    '{"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}',
  ].map((d) => `data: ${d}\n\n`).join('') + 'data: [DONE]\n\n';
  const seen = [];
  const provider = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ url: req.url, auth: req.headers.authorization, body });
      if (req.headers.authorization !== `Bearer ${key}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization}` } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(sse);
    });
  });
  await new Promise((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${provider.address().port}/v1`;
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'agentcore-clients-'));
  const child = spawn(bin, ['serve'], { cwd: here, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const chunks = [];
  conn.onNotification('chat/chunk', (p) => chunks.push(p));
  conn.listen();
  try {
    const init = await conn.sendRequest('initialize', { fixes: false, clientInfo: { name: 'vscode-jsonrpc', version: '8.2.1' } });
    for (const m of ['conversation/create', 'conversation/append', 'conversation/estimate', 'conversation/truncate', 'conversation/save', 'conversation/load', 'conversation/delete', 'chat/start']) {
      assert(init.capabilities.methods.includes(m), `${m} not listed`);
    }
    assert(init.capabilities.notifications.includes('chat/chunk'), 'chat/chunk not listed');
    const created = await conn.sendRequest('conversation/create', { messages: [{ role: 'user', content: [{ type: 'text', text: '<task>\nsay hi\n</task>' }], ts: 1731400000000 }] });
    assert(created.conversationId && created.count === 1 && created.tokens === 14, JSON.stringify(created));
    const id = created.conversationId;
    const appended = await conn.sendRequest('conversation/append', { conversationId: id, messages: [
      { role: 'assistant', content: 'hello world' }, { role: 'user', content: 'one' }, { role: 'assistant', content: 'two' }, { role: 'user', content: '' }] });
    assert(appended.count === 5 && appended.tokens === 20, JSON.stringify(appended));
    const estimate = await conn.sendRequest('conversation/estimate', { conversationId: id });
    assert(JSON.stringify(estimate.messageTokens) === '[14,3,2,2,0]', JSON.stringify(estimate));
    const cut = await conn.sendRequest('conversation/truncate', { conversationId: id, contextWindow: 100000, maxTokens: 30000, threshold: 0, totalTokens: 60001 });
    assert(cut.decision === 'truncate' && cut.removed === 2 && JSON.stringify(cut.keptIndices) === '[0,3,4]' && cut.count === 3, JSON.stringify(cut));
    let error;
    try {
      await conn.sendRequest('conversation/save', { conversationId: id, path: 'task1' });
    } catch (e) {
      error = e;
    }
    assert(error instanceof rpc.ResponseError && error.data?.code === 'outside_workspace', `save before workspace/open: ${error}`);
    await conn.sendRequest('workspace/open', { root: ws });
    const saved = await conn.sendRequest('conversation/save', { conversationId: id, path: 'task1/api_conversation_history.json' });
    const onDisk = JSON.parse(fs.readFileSync(path.join(ws, 'task1', 'api_conversation_history.json'), 'utf8'));
    assert(saved.count === 3 && onDisk.length === 3 && onDisk[0].ts === 1731400000000 && onDisk[2].content === '', JSON.stringify(saved));
    const loaded = await conn.sendRequest('conversation/load', { path: 'task1' });
    assert(loaded.conversationId !== id && loaded.count === 3, JSON.stringify(loaded));

    const answer = await conn.sendRequest('chat/start', { provider: 'openai', model: 'gpt-4.1-mini', baseUrl, apiKey: key, messages: [{ role: 'user', content: 'Say hi' }] });
    const texts = chunks.filter((c) => c.chunk.type === 'text').map((c) => c.chunk.text).join('');
    assert(texts === 'Hello there', `chunks ${JSON.stringify(chunks)}`);
    assert(chunks.some((c) => c.chunk.type === 'usage' && c.chunk.inputTokens === 5 && c.chunk.outputTokens === 2), `usage chunk ${JSON.stringify(chunks)}`);
    assert(answer.finish === 'stop' && answer.usage.tokensIn === 5 && answer.usage.tokensOut === 2 && answer.attempts === 1, JSON.stringify(answer));
    assert(seen.length === 1 && JSON.parse(seen[0].body).messages[0].content === 'Say hi' && seen[0].url === '/v1/chat/completions', JSON.stringify(seen));

    error = undefined;
    try {
      await conn.sendRequest('chat/start', { provider: 'openai', model: 'm', baseUrl, apiKey: `${key}-wrong`, prompt: 'hi' });
    } catch (e) {
      error = e;
    }
    assert(error instanceof rpc.ResponseError && error.code === -32000 && error.data?.code === 'provider_error' && !error.message.includes(key), `bad key: ${error}`);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    const code = await exited;
    assert(code === 0, `exit code ${code}`);
    assert(!stderr.includes(key), 'the API key was logged');
  } finally {
    conn.dispose();
    child.kill();
    provider.close();
    fs.rmSync(ws, { recursive: true, force: true });
  }
});

console.log(`clients: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
