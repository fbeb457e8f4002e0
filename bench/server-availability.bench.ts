// GET /v1/clinics/:id/availability under load, beside a bare node:http server returning a fixed JSON
// body of the same size, measured in the same round, each going first in every other round.
// Target: ≥ 0.7× the bare server's requests/s, p99 < 20 ms. Two cases, on the SQLite file:
// - cached: requests spread over 1,000 clinic ids already asked for, so every answer comes from memory;
// - cache miss: every request is the first for its clinic since the server started (each round takes
//   ids never asked before), so each one reads the clinic's settings and presence from the database,
//   evaluates availability and its next change, serialises the answer and keeps it (the cache holds
//   50,000 clinics, more than are asked for, so nothing is evicted).
// Besides requests/s, it prints each server's CPU time per request (from /proc): on a shared, noisy
// machine throughput swings with whatever else runs, while CPU per request does not.
// Run: npm run bench:server-availability  (BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS, BENCH_MISSES)
import autocannon from 'autocannon';
import { machineLoad, median, ratioSummary, round } from './figures.ts';
import { chatServer, cpuTimeMs, seedClinics, startChild, temporaryDataDir } from './server-bench-support.ts';
import type { ChildServer } from './server-bench-support.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** Requests per cache-miss round, each for a clinic not asked for before. */
const misses = Number(process.env.BENCH_MISSES ?? 5_000);
const CACHED_IDS = 1_000;

type Figures = { requestsPerSecond: number; p50: number; p99: number; failures: number; cpuMicrosPerRequest: number; repeated: number };
/** Either a duration, or an exact number of requests. */
type Load = { duration: number } | { amount: number };

async function load(server: ChildServer, paths: string[], size: Load, wrap: boolean): Promise<Figures> {
  let next = 0;
  let firstSent = 0;
  let lastAnswered = 0;
  const cpuBefore = cpuTimeMs(server.pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: server.url,
        connections,
        ...size,
        // Past the end of the list a path repeats: for a miss round that is a cache hit, so it is counted.
        requests: [{ method: 'GET', setupRequest: (request) => ((firstSent ||= performance.now()), { ...request, path: paths[next++ % paths.length]! }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    run.on('response', () => (lastAnswered = performance.now()));
  });
  const cpuAfter = cpuTimeMs(server.pid);
  const cpuMicrosPerRequest = cpuBefore === null || cpuAfter === null ? Number.NaN : ((cpuAfter - cpuBefore) * 1000) / result.requests.total;
  const repeated = wrap ? 0 : Math.max(0, next - paths.length);
  // From the first request sent to the last answer: autocannon's own clock rounds a run of a fixed
  // number of requests up to whole seconds, which would make the faster server look slower.
  const requestsPerSecond = result.requests.total / ((lastAnswered - firstSent) / 1000);
  return { requestsPerSecond, p50: result.latency.p50, p99: result.latency.p99, failures: result.errors + result.non2xx, cpuMicrosPerRequest, repeated };
}

const data = temporaryDataDir();
// The cached ids, a warm-up slice of misses, then a fresh slice per round (with room for autocannon's
// in-flight requests at the end of a round).
const missSlice = misses + connections * 4;
const total = CACHED_IDS + missSlice * (rounds + 1);
console.log(`seeding ${total.toLocaleString('en')} clinics…`);
const clinics = await seedClinics({ dataDir: data.path }, total);
const pathOf = (clinic: { clinicId: string }) => `/v1/clinics/${clinic.clinicId}/availability`;
const cachedPaths = clinics.slice(0, CACHED_IDS).map(pathOf);
const missPaths = (slice: number) => clinics.slice(CACHED_IDS + slice * missSlice, CACHED_IDS + (slice + 1) * missSlice).map(pathOf);

const chat = await chatServer({ CHATDESK_DATA_DIR: data.path });
const sample = await (await fetch(chat.url + cachedPaths[0])).text();
const bare = await startChild('bench/server-baseline.ts', { BASELINE_BODY: sample });
console.log(`body ${Buffer.byteLength(sample)} bytes; ${connections} connections; ${rounds} rounds of ${seconds} s cached and ${misses.toLocaleString('en')} misses each`);

// Warm up both (JIT; the cache for the 1,000 cached ids; the miss path on a slice of its own).
await load(chat, cachedPaths, { duration: 3 }, true);
await load(bare, cachedPaths, { duration: 3 }, true);
await load(chat, missPaths(0), { amount: misses }, false);
await load(bare, missPaths(0), { amount: misses }, false);

const results = { cached: { chat: [] as Figures[], bare: [] as Figures[] }, miss: { chat: [] as Figures[], bare: [] as Figures[] } };
for (let r = 0; r < rounds; r++) {
  // Short rounds, each server first in every other one, so both see the same ups and downs of a shared machine.
  const order: ['chat' | 'bare', ChildServer][] = r % 2 === 0 ? [['chat', chat], ['bare', bare]] : [['bare', bare], ['chat', chat]];
  for (const [name, server] of order) results.cached[name].push(await load(server, cachedPaths, { duration: seconds }, true));
  const paths = missPaths(r + 1);
  for (const [name, server] of order) results.miss[name].push(await load(server, paths, { amount: misses }, name === 'bare'));
}
await Promise.all([chat.stop(), bare.stop()]);
data.remove();

const summary = (list: Figures[]) => ({
  requestsPerSecond: median(list.map((figures) => figures.requestsPerSecond)),
  p50: median(list.map((figures) => figures.p50)),
  p99: median(list.map((figures) => figures.p99)),
  failures: list.reduce((sum, figures) => sum + figures.failures, 0),
  cpuMicrosPerRequest: median(list.map((figures) => figures.cpuMicrosPerRequest)),
});
console.log(`\n${machineLoad()}`);
console.log('\n| case | server | requests/s (median) | p50 ms | p99 ms | CPU µs per request | errors (incl. timeouts) + non-2xx |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, pair] of Object.entries(results)) {
  for (const [label, list] of [['bare node:http, fixed JSON', pair.bare], ['chat server /availability', pair.chat]] as const) {
    const figures = summary(list);
    console.log(`| ${name} | ${label} | ${round(figures.requestsPerSecond, 0)} | ${figures.p50} | ${figures.p99} | ${round(figures.cpuMicrosPerRequest)} | ${figures.failures} |`);
  }
}
for (const [name, pair] of Object.entries(results)) {
  const chatSummary = summary(pair.chat);
  console.log(`\n${name}: throughput ${ratioSummary(pair.chat.map((f) => f.requestsPerSecond), pair.bare.map((f) => f.requestsPerSecond))} the bare server, median of per-round ratios (target ≥ 0.70)`);
  console.log(`${name}: CPU per request ${ratioSummary(pair.chat.map((f) => f.cpuMicrosPerRequest), pair.bare.map((f) => f.cpuMicrosPerRequest))} the bare server's`);
  console.log(`${name}: p99 ${chatSummary.p99} ms (target < 20 ms; the bare server's in the same rounds: ${summary(pair.bare).p99} ms)`);
}
const repeated = results.miss.chat.reduce((sum, figures) => sum + figures.repeated, 0);
console.log(`\ncache miss minus cached, CPU per request: ${round(summary(results.miss.chat).cpuMicrosPerRequest - summary(results.cached.chat).cpuMicrosPerRequest)} µs`);
console.log(`miss rounds: ${repeated} requests went past the fresh ids (served from cache)`);
