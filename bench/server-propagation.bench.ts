// Benchmark 2 (issue 3): with 1,000 event streams open (10 on each of 100 clinics), the time from a
// PUT /presence response to the event arriving on the clinic's streams, and to /availability
// reflecting it; beside the round trip of a bare GET /healthz measured in the same run. Target p95 <
// 50 ms. On SQLite (one instance); with BENCH_DATABASE_URL or TEST_DATABASE_URL set, also two
// instances on one PostgreSQL database (change made on one, streams and availability on the other).
// Run: npm run bench:server-propagation  (BENCH_SAMPLES to adjust)
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createParser } from 'eventsource-parser';
import pg from 'pg';
import type { AvailabilityResponse, PresenceResponse } from '../core/http-contract.ts';
import { percentile, round } from './figures.ts';
import { chatServer, seedClinics, temporaryDataDir } from './server-bench-support.ts';
import type { ChildServer } from './server-bench-support.ts';

const CLINICS = 100;
const STREAMS_PER_CLINIC = 10;
const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

type Clinic = { clinicId: string; token: string };
/** changedBy → arrival times on that clinic's streams. */
const arrivals = new Map<string, number[]>();
const waiters = new Map<string, () => void>();

function openStream(baseUrl: string, clinic: Clinic): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/v1/clinics/${clinic.clinicId}/events`, { headers: { authorization: `Bearer ${clinic.token}`, accept: 'text/event-stream' }, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      const parser = createParser({
        onEvent: (event) => {
          if (event.event !== 'presence') return;
          const changedBy = (JSON.parse(event.data) as PresenceResponse).presence.changedBy;
          if (changedBy === null) return;
          const times = arrivals.get(changedBy) ?? [];
          times.push(performance.now());
          arrivals.set(changedBy, times);
          if (times.length === STREAMS_PER_CLINIC) waiters.get(changedBy)?.();
        },
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => parser.feed(chunk));
      resolve();
    });
    request.on('error', reject);
  });
}

async function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

type Result = { label: string; firstStream: number[]; allStreams: number[]; availability: number[]; healthRoundTrip: number[] };

async function measure(label: string, writeUrl: string, readUrl: string, clinics: Clinic[]): Promise<Result> {
  process.stdout.write(`${label}: opening ${CLINICS * STREAMS_PER_CLINIC} streams… `);
  for (const clinic of clinics) for (let index = 0; index < STREAMS_PER_CLINIC; index++) await openStream(readUrl, clinic);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  console.log(`measuring ${samples} changes`);
  const result: Result = { label, firstStream: [], allStreams: [], availability: [], healthRoundTrip: [] };
  for (let sample = 0; sample < samples; sample++) {
    const clinic = clinics[sample % clinics.length]!;
    const changedBy = `${label}-${sample}`;
    const online = Math.floor(sample / clinics.length) % 2 === 1;
    const allArrived = new Promise<void>((resolve) => waiters.set(changedBy, resolve));
    const response = await send(`${writeUrl}/v1/clinics/${clinic.clinicId}/presence`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${clinic.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ online, changedBy }),
    });
    const answered = performance.now();
    if (response.status !== 200) throw new Error(`PUT /presence answered ${response.status}`);
    // Poll availability on the reading instance until it reflects the change.
    for (;;) {
      const availability = JSON.parse((await send(`${readUrl}/v1/clinics/${clinic.clinicId}/availability`)).body) as AvailabilityResponse;
      if ((availability.reason === 'offline') === !online) break;
    }
    result.availability.push(performance.now() - answered);
    await allArrived;
    const times = arrivals.get(changedBy)!;
    // An event may arrive before the PUT's own response does: that counts as 0.
    result.firstStream.push(Math.max(0, Math.min(...times) - answered));
    result.allStreams.push(Math.max(0, Math.max(...times) - answered));
    const healthStart = performance.now();
    await send(`${readUrl}/healthz`);
    result.healthRoundTrip.push(performance.now() - healthStart);
    arrivals.delete(changedBy);
    waiters.delete(changedBy);
  }
  return result;
}

function report(results: Result[]): void {
  console.log('\n| setup | measure | p50 ms | p95 ms | max ms |');
  console.log('|---|---|---|---|---|');
  for (const result of results) {
    const row = (name: string, values: number[]) =>
      console.log(`| ${result.label} | ${name} | ${round(percentile(values, 0.5))} | ${round(percentile(values, 0.95))} | ${round(Math.max(...values))} |`);
    row('baseline: GET /healthz round trip', result.healthRoundTrip);
    row('PUT response → event on first stream', result.firstStream);
    row(`PUT response → event on all ${STREAMS_PER_CLINIC} streams of the clinic`, result.allStreams);
    row('PUT response → /availability reflects it', result.availability);
  }
  console.log('\ntarget: p95 < 50 ms for the event and for /availability');
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
}
report(results);
process.exit(0);
