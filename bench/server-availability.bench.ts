// Benchmark 1 (issue 3): GET /v1/clinics/:id/availability under load, requests spread over 1,000
// clinic ids out of 10,000 stored, beside a bare node:http server returning a fixed JSON body of the
// same size, measured in the same run. Target: ≥ 0.7× the bare server's requests/s, p99 < 20 ms.
// Run: npm run bench:server-availability  (BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS to adjust)
import autocannon from 'autocannon';
import { chatServer, median, round, seedClinics, startChild, temporaryDataDir } from './server-bench-support.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

type Figures = { requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(baseUrl: string, paths: string[], duration: number): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
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
await load(chat.url, paths, 2);
await load(bare.url, paths, 2);

const results = { chat: [] as Figures[], bare: [] as Figures[] };
for (let round = 0; round < rounds; round++) {
  results.bare.push(await load(bare.url, paths, seconds));
  results.chat.push(await load(chat.url, paths, seconds));
}
await Promise.all([chat.stop(), bare.stop()]);
data.remove();

const summary = (list: Figures[]) => ({
  requestsPerSecond: median(list.map((figures) => figures.requestsPerSecond)),
  p50: median(list.map((figures) => figures.p50)),
  p99: median(list.map((figures) => figures.p99)),
  failures: list.reduce((sum, figures) => sum + figures.errors + figures.non2xx, 0),
});
const chatSummary = summary(results.chat);
const bareSummary = summary(results.bare);
const ratio = chatSummary.requestsPerSecond / bareSummary.requestsPerSecond;
console.log('\n| server | requests/s (median) | p50 ms | p99 ms | errors + non-2xx |');
console.log('|---|---|---|---|---|');
console.log(`| bare node:http, fixed JSON | ${round(bareSummary.requestsPerSecond, 0)} | ${bareSummary.p50} | ${bareSummary.p99} | ${bareSummary.failures} |`);
console.log(`| chat server /availability | ${round(chatSummary.requestsPerSecond, 0)} | ${chatSummary.p50} | ${chatSummary.p99} | ${chatSummary.failures} |`);
console.log(`\nratio ${round(ratio, 2)}× the bare server (target ≥ 0.70); p99 ${chatSummary.p99} ms (target < 20 ms)`);
console.log(`per round, chat/bare requests/s: ${results.chat.map((figures, index) => round(figures.requestsPerSecond / results.bare[index]!.requestsPerSecond, 2)).join(', ')}`);
