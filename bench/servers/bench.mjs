// Stdio round-trip benchmark of `agentcore serve` (tokens/count on a short string) and of the same method served by
// Node.js + npm tiktoken (peer-server.mjs, the reference's tokenizer), measured by the same client in the same run.
//   node bench/servers/bench.mjs [BIN] [--requests N] [--soak N]
// Prints: sequential round-trip p50/p99/mean over N requests (after 1,000 warm-up), pipelined throughput with
// 8 clients' worth of requests in flight (8 x 16 outstanding), and the server's RSS over a soak of --soak requests.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const bin = path.resolve(args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--'))) ?? path.join(here, '../../dist/agentcore'));
const requests = opt('--requests', 10_000);
const soak = opt('--soak', 1_000_000);
const text = 'The quick brown fox jumps over the lazy dog.';

function server(command, argv) {
  const child = spawn(command, argv, { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = '';
  const waiting = new Map();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => {
    buffer += d;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const id = Number(line.slice(line.indexOf('"id":') + 5, line.indexOf(',', line.indexOf('"id":'))));
      const done = waiting.get(id);
      waiting.delete(id);
      done?.(line);
    }
  });
  let next = 1;
  const send = (method, params) => {
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      child.stdin.write(`{"jsonrpc":"2.0","id":${id},"method":"${method}","params":${JSON.stringify(params)}}\n`);
    });
  };
  const rss = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  };
  const hwm = () => {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  };
  return { send, rss, hwm, close: () => new Promise((ok) => { child.on('exit', ok); child.stdin.end(); }) };
}

async function latency(s, n) {
  for (let i = 0; i < 1000; i++) await s.send('tokens/count', { text });
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await s.send('tokens/count', { text });
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  times.sort();
  const mean = times.reduce((a, b) => a + b, 0) / n;
  return { p50: times[Math.floor(n * 0.5)], p99: times[Math.floor(n * 0.99)], mean };
}

async function throughput(s, total, clients = 8, window = 16) {
  const t0 = process.hrtime.bigint();
  let sent = 0;
  const worker = async () => {
    const inflight = [];
    while (sent < total) {
      sent++;
      inflight.push(s.send('tokens/count', { text }));
      if (inflight.length >= window) await inflight.shift();
    }
    await Promise.all(inflight);
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return total / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const fmt = (x) => x.toFixed(1);
const results = {};
for (const [name, cmd, argv] of [
  ['agentcore serve', bin, ['serve']],
  ['node + tiktoken (peer)', process.execPath, [path.join(here, 'peer-server.mjs')]],
]) {
  const s = server(cmd, argv);
  await s.send('initialize', { clientInfo: { name: 'bench', version: '1' } });
  const lat = await latency(s, requests);
  const rps = await throughput(s, 100_000);
  const rssBefore = s.rss();
  const samples = [];
  for (let done = 0; done < soak; done += 100_000) {
    await throughput(s, Math.min(100_000, soak - done));
    samples.push(s.rss());
  }
  const hwm = s.hwm();
  results[name] = { lat, rps, rssBefore, samples, hwm };
  await s.close();
  console.log(`${name}: round trip p50 ${fmt(lat.p50)} us, p99 ${fmt(lat.p99)} us, mean ${fmt(lat.mean)} us over ${requests}; ` +
    `pipelined (8 x 16 in flight) ${Math.round(rps)} req/s; RSS ${fmt(rssBefore)} MB after warm-up, ` +
    `${samples.map(fmt).join(' / ')} MB every 100,000 of ${soak} more; peak ${fmt(hwm)} MB`);
}
const [a, b] = Object.values(results);
console.log(`ratios (peer / agentcore): p50 ${(b.lat.p50 / a.lat.p50).toFixed(2)}x, p99 ${(b.lat.p99 / a.lat.p99).toFixed(2)}x, ` +
  `throughput ${(a.rps / b.rps).toFixed(2)}x (agentcore / peer), peak RSS ${(b.hwm / a.hwm).toFixed(2)}x`);
