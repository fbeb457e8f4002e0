// What one evaluateAvailability costs, case by case, beside a bare luxon zone conversion of the same
// instants in the same zones measured in the same round (target: at most 10× that conversion).
// Every case runs 100,000 instants spread over a year; medians of the rounds, and of per-round ratios.
//   npm run bench:availability        (ROUNDS, CALLS to adjust)
import { DateTime } from 'luxon';
import { defaultPresence, defaultSettings } from '../core/schedule-model.ts';
import { evaluateAvailability } from '../core/availability.ts';
import type { ChatSettings, DayHours, Presence } from '../core/schemas/schedule.ts';
import { machineLoad, median, ratioSummary, round } from './figures.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const CALLS = Number(process.env.CALLS ?? 100_000);
const LONDON = ['Europe/London'];
// Half-hour and quarter-hour offsets, a 30-minute DST (Lord Howe), +13/+14 across the date line,
// Casablanca's Ramadan shifts, Dublin's negative DST.
const MIXED_ZONES = ['Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kolkata', 'Pacific/Apia', 'Pacific/Kiritimati', 'Africa/Casablanca', 'Europe/Dublin'];

const start = Date.parse('2026-11-25T00:00:00Z');
// Every 7 minutes and 13 seconds over a year, so every kind of moment is hit.
const instants = Array.from({ length: CALLS }, (_, i) => new Date(start + i * 433_000));
const online = defaultPresence(new Date(start));
const day = (...ranges: [string, string][]): DayHours => ({ open: true, ranges: ranges.map(([from, to]) => ({ start: from, end: to })) });
const isoDate = (offsetDays: number) => new Date(start + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A realistic clinic: split weekday shifts, Saturday morning, Sunday off, a year of bank holidays. */
function clinic(timezone: string): ChatSettings {
  const weekday = day(['08:00', '12:30'], ['13:30', '19:00']);
  return {
    ...defaultSettings(timezone),
    week: { monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday, saturday: day(['09:00', '13:00']), sunday: { open: false, ranges: [] } },
    closures: [0, 1, 3, 37, 121, 124, 159, 187, 278, 397].map((offset) => ({ date: isoDate(offset), ranges: [] })),
    channels: { sms: '+447700900123', whatsapp: null },
  };
}

type Case = { settings: (i: number) => ChatSettings; presence: (i: number) => Presence };
type Scenario = { name: string; zones: string[]; prepare(): Case };

const london = clinic('Europe/London');
const perZone = MIXED_ZONES.map(clinic);
const same = (settings: ChatSettings) => () => settings;
const scenarios: Scenario[] = [
  { name: 'open hours, switch online', zones: LONDON, prepare: () => ({ settings: same(london), presence: () => online }) },
  { name: 'switched offline, no end', zones: LONDON, prepare: () => ({ settings: same(london), presence: () => ({ ...online, online: false }) }) },
  {
    name: 'timed breaks (half running, half ended)',
    zones: LONDON,
    prepare: () => {
      const breaks = instants.map((at, i) => ({ ...online, online: false, offlineUntil: new Date(at.getTime() + (i % 2 === 0 ? 45 : -15) * 60_000).toISOString() }));
      return { settings: same(london), presence: (i) => breaks[i]! };
    },
  },
  {
    name: '120 closures, a third with special hours',
    zones: LONDON,
    prepare: () => {
      const closures = Array.from({ length: 120 }, (_, i) => ({ date: isoDate(i * 3), ranges: i % 3 === 0 ? [{ start: '10:00', end: '14:00' }] : [] }));
      return { settings: same({ ...london, closures }), presence: () => online };
    },
  },
  {
    name: 'overnight ranges (Thu 20:00–02:00, Sat 22:00–06:00, Sun 18:00–08:00)',
    zones: LONDON,
    prepare: () => {
      const week = { ...london.week, thursday: day(['08:00', '12:30'], ['20:00', '02:00']), saturday: day(['22:00', '06:00']), sunday: day(['18:00', '08:00']) };
      return { settings: same({ ...london, week }), presence: () => online };
    },
  },
  { name: `${MIXED_ZONES.length} zones, odd offsets and DST rules`, zones: MIXED_ZONES, prepare: () => ({ settings: (i) => perZone[i % perZone.length]!, presence: () => online }) },
  {
    // The compiled schedule is cached per settings object: a new object (as after every save) compiles again.
    name: 'a fresh settings object every call',
    zones: LONDON,
    prepare: () => {
      const fresh = instants.map(() => ({ ...london }));
      return { settings: (i) => fresh[i]!, presence: () => online };
    },
  },
];

/** Nanoseconds per call; the sum keeps the work observable so it is not optimised away. */
function time(run: () => number): number {
  const begin = process.hrtime.bigint();
  const sink = run();
  const ns = Number(process.hrtime.bigint() - begin);
  if (Number.isNaN(sink)) console.log('unreachable');
  return ns / CALLS;
}

const bare = (zones: string[]) => time(() => instants.reduce((sum, at, i) => sum + DateTime.fromJSDate(at).setZone(zones[i % zones.length]!).hour, 0));
function evaluate(scenario: Scenario): number {
  const { settings, presence } = scenario.prepare(); // outside the clock
  return time(() => instants.reduce((sum, at, i) => sum + (evaluateAvailability(settings(i), presence(i), at).accepting ? 1 : 0), 0));
}

const zoneSets = [LONDON, MIXED_ZONES];
const bareNs = zoneSets.map((): number[] => []);
const evaluateNs = scenarios.map((): number[] => []);
type Step = () => void;
const steps: Step[] = [...zoneSets.map((zones, index) => () => void bareNs[index]!.push(bare(zones))), ...scenarios.map((scenario, index) => () => void evaluateNs[index]!.push(evaluate(scenario)))];
for (const step of steps) step(); // warm-up, then thrown away
for (const list of [...bareNs, ...evaluateNs]) list.length = 0;
// Every other round runs backwards, so no case always follows the same one.
for (let r = 0; r < ROUNDS; r++) for (const step of r % 2 === 0 ? steps : [...steps].reverse()) step();

// The first call in a zone never seen before builds its offset table; the baseline is luxon's first
// conversion in another never-seen zone (it builds its Intl formatter).
const firstCall = (calls: (() => unknown)[]) =>
  median(
    calls.map((call) => {
      const begin = process.hrtime.bigint();
      call();
      return Number(process.hrtime.bigint() - begin) / 1e6;
    }),
  );
const newZoneClinics = ['America/New_York', 'Asia/Tokyo', 'Africa/Nairobi', 'America/Sao_Paulo', 'Pacific/Auckland'].map(clinic);
const firstEvaluate = firstCall(newZoneClinics.map((settings) => () => evaluateAvailability(settings, online, instants[0]!)));
const firstBare = firstCall(['Europe/Paris', 'Asia/Dubai', 'America/Chicago', 'America/Denver', 'Asia/Singapore'].map((zone) => () => DateTime.fromJSDate(instants[0]!).setZone(zone).hour));

console.log(`evaluateAvailability, ${CALLS.toLocaleString('en')} instants over a year per case, ${ROUNDS} rounds (medians); ${machineLoad()}`);
console.log('\n| case | evaluate ns/call | bare luxon ns/call, same zones | ratio, median of rounds (range) | target |');
console.log('|---|---|---|---|---|');
for (const [index, scenario] of scenarios.entries()) {
  const baseline = bareNs[zoneSets.indexOf(scenario.zones)]!;
  console.log(`| ${scenario.name} | ${round(median(evaluateNs[index]!), 0)} | ${round(median(baseline), 0)} | ${ratioSummary(evaluateNs[index]!, baseline)} | ≤ 10× |`);
}
console.log(`\nfirst call in a never-seen zone (median of 5 zones): evaluate ${round(firstEvaluate, 2)} ms, bare luxon ${round(firstBare, 2)} ms`);
