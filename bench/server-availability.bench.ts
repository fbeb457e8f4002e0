// Benchmark 1 (issue 3): GET /v1/clinics/:id/availability under load, requests spread over 1,000
// clinic ids out of 10,000 stored, beside a bare node:http server returning a fixed JSON body of the
// same size, measured in the same run. Target: ≥ 0.7× the bare server's requests/s, p99 < 20 ms.
// Besides requests/s, it prints each server's CPU time per request (from /proc): on a shared, noisy
// machine throughput swings with whatever else runs, while CPU per request does not.
// Run: npm run bench:server-availability  (BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS to adjust)
import autocannon from 'autocannon';
import { median, round } from './figures.ts';
import { chatServer, cpuTimeMs, seedClinics, startChild, temporaryDataDir } from './server-bench-support.ts';
import type { ChildServer } from './server-bench-support.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

type Figures = { requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number; cpuMicrosPerRequest: number };

async function load(server: ChildServer, paths: string[], duration: number): Promise<Figures> {
  let next = 0;
  const cpuBefore = cpuTimeMs(server.pid);
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  const cpuAfter = cpuTimeMs(server.pid);
  const cpuMicrosPerRequest = cpuBefore === null || cpuAfter === null ? Number.NaN : ((cpuAfter - cpuBefore) * 1000) / result.requests.total;
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, cpuMicrosPerRequest };
}

const data = temporaryDataDir();
console.log('seeding 10,000 clinics…');
const clinics = await seedClinics({ dataDir: data.path }, 10_000);
const paths = clinics.slice(0, 1_000).map((clinic) => `/v1/clinics/${clinic.clinicId}/availability`);

const chat = await chatServer({ CHATDESK_DATA_DIR: data.path });
const sample = await (await fetch(chat.url + paths[0])).text();
const bare = await startChild('bench/server-baseline.ts', { BASELINE_BODY: sample });
console.log(`body ${Buffer.byteLength(sample)} bytes; ${connections} connections; ${rounds} rounds of ${seconds} s each, alternating`);

// Warm up both (JIT, the availability cache for the 1,000 ids).
await load(chat, paths, 3);
await load(bare, paths, 3);

// Short rounds, alternating, so both servers see the same ups and downs of a shared machine.
const results = { chat: [] as Figures[], bare: [] as Figures[] };
for (let round = 0; round < rounds; round++) {
  results.bare.push(await load(bare, paths, seconds));
  results.chat.push(await load(chat, paths, seconds));
}
await Promise.all([chat.stop(), bare.stop()]);
data.remove();

const summary = (list: Figures[]) => ({
  requestsPerSecond: median(list.map((figures) => figures.requestsPerSecond)),
  p50: median(list.map((figures) => figures.p50)),
  p99: median(list.map((figures) => figures.p99)),
  failures: list.reduce((sum, figures) => sum + figures.errors + figures.non2xx, 0),
  cpuMicrosPerRequest: median(list.map((figures) => figures.cpuMicrosPerRequest)),
});
const chatSummary = summary(results.chat);
const bareSummary = summary(results.bare);
const roundRatios = results.chat.map((figures, index) => figures.requestsPerSecond / results.bare[index]!.requestsPerSecond);
const row = (name: string, figures: ReturnType<typeof summary>) =>
  console.log(`| ${name} | ${round(figures.requestsPerSecond, 0)} | ${figures.p50} | ${figures.p99} | ${round(figures.cpuMicrosPerRequest)} | ${figures.failures} |`);
console.log('\n| server | requests/s (median) | p50 ms | p99 ms | CPU µs per request | errors + non-2xx |');
console.log('|---|---|---|---|---|---|');
row('bare node:http, fixed JSON', bareSummary);
row('chat server /availability', chatSummary);
console.log(`\nthroughput: ${round(median(roundRatios), 2)}× the bare server, median of the rounds' ratios (target ≥ 0.70); per round: ${roundRatios.map((ratio) => round(ratio, 2)).join(', ')}`);
console.log(`CPU per request: the bare server needs ${round(bareSummary.cpuMicrosPerRequest / chatSummary.cpuMicrosPerRequest, 2)}× what the chat server needs`);
console.log(`p99 latency: ${chatSummary.p99} ms (target < 20 ms; the bare server's in the same run: ${bareSummary.p99} ms)`);
