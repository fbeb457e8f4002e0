// With 1,000 event streams open (10 on each of 100 clinics): the time from the moment a PUT /presence
// is sent (a staff member flips the switch) until the event arrives on the clinic's streams, and until
// GET /availability (polled from that same moment) reflects it. Baselines in the same run: the PUT's
// own round trip and a bare GET /healthz round trip. Target p95 < 50 ms. Every wait has a timeout:
// an event or change not seen in time is counted as lost (and as Infinity in the percentiles).
// On SQLite (one instance); with BENCH_DATABASE_URL or TEST_DATABASE_URL set, also two instances on
// one PostgreSQL database (the change made on one, streams and availability read on the other).
// Run: npm run bench:server-propagation  (BENCH_SAMPLES, BENCH_TIMEOUT_MS to adjust)
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createParser } from 'eventsource-parser';
import pg from 'pg';
import type { AvailabilityResponse, PresenceResponse } from '../core/schemas/http-api.ts';
import { LOST, machineLoad, percentile, round, withTimeout } from './figures.ts';
import { chatServer, seedClinics, temporaryDataDir } from './server-bench-support.ts';
import type { ChildServer } from './server-bench-support.ts';

const CLINICS = 100;
const STREAMS_PER_CLINIC = 10;
const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 5_000);
/** Opening the streams is set-up, not measured: a stream that cannot open in this long stops the run. */
const OPEN_TIMEOUT_MS = 30_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

type Clinic = { clinicId: string; token: string };
type Expected = { times: number[]; allArrived: () => void };
/** The changes being waited for (by changedBy); an event for any other is late or unexpected. */
const expected = new Map<string, Expected>();
const counts = { late: 0, streamsClosed: 0 };

function openStream(baseUrl: string, clinic: Clinic): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/v1/clinics/${clinic.clinicId}/events`, { headers: { authorization: `Bearer ${clinic.token}`, accept: 'text/event-stream' }, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      const parser = createParser({
        onEvent: (event) => {
          if (event.event !== 'presence') return;
          const arrived = performance.now();
          const changedBy = (JSON.parse(event.data) as PresenceResponse).presence.changedBy;
          // Each stream opens with the clinic's current presence, changed by nobody yet.
          if (changedBy === null) return;
          const waiting = expected.get(changedBy);
          if (!waiting) return void counts.late++;
          waiting.times.push(arrived);
          if (waiting.times.length === STREAMS_PER_CLINIC) waiting.allArrived();
        },
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => parser.feed(chunk));
      response.on('close', () => {
        if (!request.destroyed) counts.streamsClosed++;
      });
      resolve(request);
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
  });
}

/** One request on the keep-alive agent; status 0 when no answer came within `timeout` ms. */
function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, timeout = timeoutMs): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent, timeout: Math.max(1, timeout) }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('timeout', () => {
      resolve({ status: 0, body: '' });
      request.destroy();
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.end(init.body);
  });
}

type Result = { label: string; put: number[]; firstStream: number[]; allStreams: number[]; availability: number[]; health: number[]; lostEvents: number; unreflected: number; unanswered: number };

/** Polls the reading instance until its answer reflects the change; when that answer arrived, or Infinity. */
async function availabilityReflects(url: string, online: boolean, deadline: number): Promise<number> {
  while (performance.now() < deadline) {
    const response = await send(url, {}, deadline - performance.now());
    if (response.status === 200 && ((JSON.parse(response.body) as AvailabilityResponse).reason === 'offline') === !online) return performance.now();
  }
  return Number.POSITIVE_INFINITY;
}

async function measure(label: string, writeUrl: string, readUrl: string, clinics: Clinic[]): Promise<Result> {
  process.stdout.write(`${label}: opening ${CLINICS * STREAMS_PER_CLINIC} streams… `);
  const streams: http.ClientRequest[] = [];
  for (const clinic of clinics) {
    for (let index = 0; index < STREAMS_PER_CLINIC; index++) {
      const stream = await withTimeout(openStream(readUrl, clinic), OPEN_TIMEOUT_MS);
      if (stream === LOST) throw new Error(`an event stream did not open within ${OPEN_TIMEOUT_MS} ms`);
      streams.push(stream);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  console.log(`measuring ${samples} changes`);
  const result: Result = { label, put: [], firstStream: [], allStreams: [], availability: [], health: [], lostEvents: 0, unreflected: 0, unanswered: 0 };
  for (let sample = 0; sample < samples; sample++) {
    const clinic = clinics[sample % clinics.length]!;
    const changedBy = `${label}-${sample}`;
    // Every clinic starts online: each pass over the clinics flips them all.
    const online = Math.floor(sample / clinics.length) % 2 === 1;
    const times: number[] = [];
    const allArrived = new Promise<void>((resolve) => expected.set(changedBy, { times, allArrived: resolve }));
    const sent = performance.now();
    const deadline = sent + timeoutMs;
    const put = send(`${writeUrl}/v1/clinics/${clinic.clinicId}/presence`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${clinic.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ online, changedBy }),
    }).then((response) => {
      if (response.status === 0) return Number.POSITIVE_INFINITY;
      if (response.status !== 200) throw new Error(`PUT /presence answered ${response.status}`);
      return performance.now();
    });
    const [answered, reflected] = await Promise.all([put, availabilityReflects(`${readUrl}/v1/clinics/${clinic.clinicId}/availability`, online, deadline)]);
    await withTimeout(allArrived, Math.max(0, deadline - performance.now()));
    expected.delete(changedBy);
    result.put.push(answered - sent);
    result.availability.push(reflected - sent);
    if (reflected === Number.POSITIVE_INFINITY) result.unreflected++;
    if (answered === Number.POSITIVE_INFINITY) result.unanswered++;
    result.lostEvents += STREAMS_PER_CLINIC - times.length;
    result.firstStream.push(times.length > 0 ? Math.min(...times) - sent : Number.POSITIVE_INFINITY);
    result.allStreams.push(times.length === STREAMS_PER_CLINIC ? Math.max(...times) - sent : Number.POSITIVE_INFINITY);
    const healthStart = performance.now();
    await send(`${readUrl}/healthz`);
    result.health.push(performance.now() - healthStart);
  }
  for (const stream of streams) stream.destroy();
  return result;
}

function report(results: Result[]): void {
  console.log(`\n${machineLoad()}; ${samples} changes per setup; timeout ${timeoutMs} ms per change`);
  console.log('\n| setup | from the PUT being sent until | p50 ms | p95 ms | max ms |');
  console.log('|---|---|---|---|---|');
  for (const result of results) {
    const row = (name: string, values: number[]) =>
      console.log(`| ${result.label} | ${name} | ${round(percentile(values, 0.5))} | ${round(percentile(values, 0.95))} | ${round(Math.max(...values))} |`);
    row('baseline: a GET /healthz round trip (not from the PUT)', result.health);
    row('baseline: the PUT is answered', result.put);
    row('the event is on the first stream', result.firstStream);
    row(`the event is on all ${STREAMS_PER_CLINIC} streams of the clinic`, result.allStreams);
    row('GET /availability reflects it', result.availability);
  }
  for (const result of results) {
    console.log(`${result.label}: ${result.lostEvents} of ${samples * STREAMS_PER_CLINIC} stream events lost; /availability did not reflect ${result.unreflected} of ${samples} changes in time; ${result.unanswered} PUTs unanswered in time`);
  }
  console.log(`events late or for no pending change: ${counts.late}; streams the server closed during the run: ${counts.streamsClosed}`);
  console.log('target: p95 < 50 ms for the event on all streams and for /availability');
}

const results: Result[] = [];
const data = temporaryDataDir();
const sqliteClinics = await seedClinics({ dataDir: data.path }, CLINICS);
const sqlite = await chatServer({ CHATDESK_DATA_DIR: data.path });
results.push(await measure('sqlite, 1 instance', sqlite.url, sqlite.url, sqliteClinics));
await sqlite.stop();
data.remove();

const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  // A database of its own, dropped afterwards: others may be using the same PostgreSQL server.
  const name = `chatdesk_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const servers: ChildServer[] = [];
  try {
    const clinics = await seedClinics({ dataDir: data.path, databaseUrl: url.toString() }, CLINICS);
    servers.push(await chatServer({ CHATDESK_DATABASE_URL: url.toString() }), await chatServer({ CHATDESK_DATABASE_URL: url.toString() }));
    results.push(await measure('postgres, 2 instances', servers[0]!.url, servers[1]!.url, clinics));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL for the two-instance figures');
}
report(results);
process.exit(0);
