// How much one evaluateAvailability costs, beside the cost of a bare luxon zone conversion measured in
// the same run (target: at most 10× that conversion). Prints medians over several rounds.
//   npm run bench:availability
import { DateTime } from 'luxon';
import { defaultPresence, defaultSettings, evaluateAvailability } from '../core/index.ts';
import type { ChatSettings } from '../core/index.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const CALLS = Number(process.env.CALLS ?? 100_000);
const zone = 'Europe/London';

// A realistic clinic: split weekday shifts, Saturday morning, Sunday off, a year of bank holidays.
const base = defaultSettings(zone);
const weekday = { open: true, ranges: [{ start: '08:00', end: '12:30' }, { start: '13:30', end: '19:00' }] };
const settings: ChatSettings = {
  ...base,
  week: { monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday, saturday: { open: true, ranges: [{ start: '09:00', end: '13:00' }] }, sunday: { open: false, ranges: [] } },
  closures: ['2026-12-25', '2026-12-26', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27'].map((date) => ({ date, ranges: [] })),
  channels: { sms: '+447700900123', whatsapp: null },
};
const presence = defaultPresence(new Date('2026-11-25T08:00:00Z'));

// Instants spread over a year (every 7 minutes and 13 seconds), so every kind of moment is hit.
const start = Date.parse('2026-11-25T00:00:00Z');
const instants = Array.from({ length: CALLS }, (_, i) => new Date(start + i * 433_000));

function time(label: string, run: () => number): number {
  const begin = process.hrtime.bigint();
  const sink = run();
  const ns = Number(process.hrtime.bigint() - begin);
  if (Number.isNaN(sink)) console.log(label); // keeps the work observable so it is not optimised away
  return ns / CALLS;
}

const bare = () => time('bare', () => instants.reduce((sum, at) => sum + DateTime.fromJSDate(at).setZone(zone).hour, 0));
const evaluate = () => time('evaluate', () => instants.reduce((sum, at) => sum + (evaluateAvailability(settings, presence, at).accepting ? 1 : 0), 0));

bare();
evaluate(); // warm-up
const bareNs: number[] = [];
const evaluateNs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  bareNs.push(bare());
  evaluateNs.push(evaluate());
}
// The first evaluation in another zone (after warm-up) builds that zone's yearly offset table: reported apart.
const coldStart = process.hrtime.bigint();
evaluateAvailability({ ...settings, timezone: 'America/New_York' }, presence, new Date());
const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratios = bareNs.map((b, i) => evaluateNs[i]! / b);

console.log(`evaluateAvailability, ${CALLS.toLocaleString('en')} instants over a year, ${ROUNDS} rounds (medians)`);
console.log(`  bare luxon DateTime.fromJSDate(at).setZone(zone): ${median(bareNs).toFixed(0)} ns/call  (${(1e9 / median(bareNs)).toFixed(0)} /s)`);
console.log(`  evaluateAvailability:                             ${median(evaluateNs).toFixed(0)} ns/call  (${(1e9 / median(evaluateNs)).toFixed(0)} /s)`);
console.log(`  ratio evaluate / bare: median ${median(ratios).toFixed(2)}×, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× (target ≤ 10×)`);
console.log(`  first evaluation in a new zone (builds its offset table): ${coldMs.toFixed(2)} ms`);
