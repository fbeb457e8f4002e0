// Immutable edits of the draft. Untouched parts keep their identity, so a selector on one day fires only
// when that day changes, and core's per-settings caches stay valid.
import { DEFAULT_END, DEFAULT_START, defaultSettings, minutesOfTime, weekdays } from '../../../core/schedule-model.ts';
import type { ChatSettings, Closure, DayHours, EmergencyContact, TimeRange, Weekday } from '../../../core/schemas/schedule.ts';

export type RangeEnd = 'start' | 'end';
export type ChannelName = 'sms' | 'whatsapp';
export type EmergencyField = keyof EmergencyContact;

function withDay(settings: ChatSettings, day: Weekday, hours: DayHours): ChatSettings {
  return { ...settings, week: { ...settings.week, [day]: hours } };
}

export function setDayOpen(settings: ChatSettings, day: Weekday, open: boolean): ChatSettings {
  const hours = settings.week[day];
  // Ticking an empty day gives it the article's default hours, so it can be saved straight away.
  const ranges = open && hours.ranges.length === 0 ? defaultSettings(settings.timezone).week[day].ranges : hours.ranges;
  return withDay(settings, day, { open, ranges });
}

export function setRangeTime(settings: ChatSettings, day: Weekday, index: number, end: RangeEnd, time: string): ChatSettings {
  const hours = settings.week[day];
  if (index < 0 || index >= hours.ranges.length) return settings;
  return withDay(settings, day, { ...hours, ranges: replaceRangeTime(hours.ranges, index, end, time) });
}

function replaceRangeTime(ranges: TimeRange[], index: number, end: RangeEnd, time: string): TimeRange[] {
  return ranges.map((range, i) => (i === index ? { ...range, [end]: time } : range));
}

const pad = (value: number): string => String(value).padStart(2, '0');
const formatMinutes = (minutes: number): string => (minutes === 1440 ? '24:00' : `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);

/**
 * The range "Add hours" proposes: an hour after the day's last range ends, one hour long, so the day
 * stays valid; the staff member then types the real times. Near midnight it starts empty instead and
 * the inline errors ask for the times.
 */
export function nextRangeAfter(ranges: TimeRange[]): TimeRange {
  const last = ranges.at(-1);
  if (last === undefined) return { start: DEFAULT_START, end: DEFAULT_END };
  let lastEnd: number;
  try {
    lastEnd = minutesOfTime(last.end);
    if (minutesOfTime(last.start) >= lastEnd) return { start: '', end: '' }; // already runs past midnight
  } catch {
    return { start: '', end: '' };
  }
  if (lastEnd + 120 > 1440) return { start: '', end: '' };
  return { start: formatMinutes(lastEnd + 60), end: formatMinutes(lastEnd + 120) };
}

export function addRange(settings: ChatSettings, day: Weekday): ChatSettings {
  const hours = settings.week[day];
  return withDay(settings, day, { open: true, ranges: [...hours.ranges, nextRangeAfter(hours.ranges)] });
}

export function removeRange(settings: ChatSettings, day: Weekday, index: number): ChatSettings {
  const hours = settings.week[day];
  return withDay(settings, day, { ...hours, ranges: hours.ranges.filter((_, i) => i !== index) });
}

/** "Copy Monday to all days": every other day gets Monday's tick and ranges (shared, they are immutable). */
export function copyDayToAll(settings: ChatSettings, source: Weekday): ChatSettings {
  const hours = settings.week[source];
  const week = Object.fromEntries(weekdays.map((day) => [day, day === source ? hours : { open: hours.open, ranges: hours.ranges }])) as Record<Weekday, DayHours>;
  return { ...settings, week };
}

/** Reset: the article's default week (every day 09:00–18:00); zone, closures, channels and emergency stay. */
export function resetWeek(settings: ChatSettings): ChatSettings {
  return { ...settings, week: defaultSettings(settings.timezone).week };
}

export function setTimezone(settings: ChatSettings, timezone: string): ChatSettings {
  return { ...settings, timezone };
}

export function setChannel(settings: ChatSettings, channel: ChannelName, value: string): ChatSettings {
  return { ...settings, channels: { ...settings.channels, [channel]: value.trim() === '' ? null : value } };
}

/**
 * The emergency line is one optional pair: both fields empty means the clinic has none (null); one
 * filled in keeps the pair, and parseSettings asks for the other beside its field.
 */
export function setEmergencyField(settings: ChatSettings, field: EmergencyField, value: string): ChatSettings {
  const next = { ...(settings.emergency ?? { phone: '', label: '' }), [field]: value };
  return { ...settings, emergency: next.phone.trim() === '' && next.label.trim() === '' ? null : next };
}

// ---- Closures ----

export function addClosure(settings: ChatSettings, closure: Closure): ChatSettings {
  return { ...settings, closures: [...settings.closures, closure] };
}

export function updateClosure(settings: ChatSettings, index: number, change: Partial<Closure>): ChatSettings {
  if (index < 0 || index >= settings.closures.length) return settings;
  return { ...settings, closures: settings.closures.map((closure, i) => (i === index ? { ...closure, ...change } : closure)) };
}

export function removeClosure(settings: ChatSettings, index: number): ChatSettings {
  return { ...settings, closures: settings.closures.filter((_, i) => i !== index) };
}

/** Adds the closures whose dates are not in the list yet; returns how many were new. */
export function mergeClosures(settings: ChatSettings, incoming: Closure[]): { settings: ChatSettings; added: number } {
  const known = new Set(settings.closures.map((closure) => closure.date));
  const fresh = incoming.filter((closure) => !known.has(closure.date) && (known.add(closure.date), true));
  if (fresh.length === 0) return { settings, added: 0 };
  const closures = [...settings.closures, ...fresh].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { settings: { ...settings, closures }, added: fresh.length };
}
