// What changed between two settings or two switch states, as the data the server records, and how a
// reader says it, in its own locale and 12- or 24-hour habit. The hidden hours of an unticked day and
// the order ranges or closures were typed in are not changes.
import { capitalize, nightBeforeEnd, rangeMinutes, weekdays } from './schedule-model.ts';
import type { ChatSettings, Closure, EmergencyContact, Presence, TimeRange, Weekday } from './schemas/schedule.ts';
import type { PresenceChange, SettingsChange } from './schemas/history.ts';
import { clockTime, closedAllDayText, durationText, relativeTime } from './wording.ts';
import type { WordingOptions } from './wording.ts';

type Change<F extends SettingsChange['field']> = Extract<SettingsChange, { field: F }>;

/** The differences between two valid settings, in reading order: days, closures, channels, emergency, zone. */
export function settingsChanges(before: ChatSettings, after: ChatSettings): SettingsChange[] {
  return [
    ...weekdays.flatMap((day) => dayChange(day, before.week[day], after.week[day])),
    ...closureChanges(before, after),
    ...(['sms', 'whatsapp'] as const).flatMap((channel): SettingsChange[] =>
      before.channels[channel] === after.channels[channel] ? [] : [{ field: 'channels', channel, before: before.channels[channel], after: after.channels[channel] }],
    ),
    ...(sameContact(before.emergency, after.emergency) ? [] : [{ field: 'emergency' as const, before: before.emergency, after: after.emergency }]),
    ...(before.timezone === after.timezone ? [] : [{ field: 'timezone' as const, before: before.timezone, after: after.timezone }]),
  ];
}

/** The switch after a change; null when it is as it was (the same state sent again, by a retry or a second PC). */
export function presenceChange(before: Presence, after: Presence): PresenceChange | null {
  if (before.online === after.online && before.offlineUntil === after.offlineUntil) return null;
  return { field: 'presence', online: after.online, offlineUntil: after.offlineUntil };
}

const sortedRanges = (ranges: TimeRange[]): TimeRange[] =>
  ranges
    .map((range) => ({ range: { start: range.start, end: range.end }, minutes: rangeMinutes(range) }))
    .sort((a, b) => a.minutes.start - b.minutes.start || a.minutes.end - b.minutes.end)
    .map(({ range }) => range);

const sameRanges = (a: TimeRange[], b: TimeRange[]): boolean => a.length === b.length && a.every((range, index) => range.start === b[index]!.start && range.end === b[index]!.end);
const sameContact = (a: EmergencyContact | null, b: EmergencyContact | null): boolean => a?.label === b?.label && a?.phone === b?.phone;
const labelOf = (closure: Closure): string | null => closure.label || null;

function dayChange(day: Weekday, before: ChatSettings['week'][Weekday], after: ChatSettings['week'][Weekday]): Change<'week'>[] {
  const was = before.open ? sortedRanges(before.ranges) : [];
  const now = after.open ? sortedRanges(after.ranges) : [];
  const change = before.open && !after.open ? 'unticked' : !before.open && after.open ? 'ticked' : sameRanges(was, now) ? null : 'hours';
  return change === null ? [] : [{ field: 'week', day, change, before: was, after: now }];
}

function closureChanges(before: ChatSettings, after: ChatSettings): Change<'closures'>[] {
  const was = new Map(before.closures.map((closure) => [closure.date, closure]));
  const now = new Map(after.closures.map((closure) => [closure.date, closure]));
  return [...new Set([...was.keys(), ...now.keys()])].sort().flatMap((date): Change<'closures'>[] => {
    const old = was.get(date) ?? null;
    const current = now.get(date) ?? null;
    const change = old === null ? 'added' : current === null ? 'removed' : 'changed';
    if (old && current && labelOf(old) === labelOf(current) && sameRanges(sortedRanges(old.ranges), sortedRanges(current.ranges))) return [];
    const nightEnd = { before: old && nightBeforeEnd(before, date), after: current && nightBeforeEnd(after, date) };
    return [{ field: 'closures', change, date, label: labelOf((current ?? old)!), before: old, after: current, nightEnd }];
  });
}

// ---- Words, in the reader's locale ----

const ARROW = ' → ';

/** A wall-clock "HH:mm" on the reader's clock; the 24:00 that ends a day stays 24:00 on a 24-hour clock. */
function wallTime(time: string, options: WordingOptions): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const text = clockTime(new Date(Date.UTC(2000, 0, 1, hour, minute)), { ...options, timezone: 'UTC' });
  return hour === 24 ? text.replace(/^00/, '24') : text;
}

const rangesText = (ranges: TimeRange[], options: WordingOptions): string => ranges.map((range) => `${wallTime(range.start, options)}–${wallTime(range.end, options)}`).join(', ');

/** "Fri 25 Dec 2026" for '2026-12-25', as the reader's locale writes dates (a calendar date has no zone). */
function dateText(date: string, options: WordingOptions): string {
  const format = new Intl.DateTimeFormat(options.locale ?? 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${date}T12:00:00Z`));
}

/** A closure's hours; a night of the day before that runs into it is said too. */
function closureHours(closure: Closure, nightEnd: string | null, options: WordingOptions): string {
  const until = nightEnd === null ? null : wallTime(nightEnd, options);
  if (closure.ranges.length === 0) return closedAllDayText(until);
  return `open ${until === null ? '' : `until ${until}, `}${rangesText(sortedRanges(closure.ranges), options)} only`;
}

function closureText(change: Change<'closures'>, options: WordingOptions): string {
  const { before, after } = change;
  const date = dateText(change.date, options);
  const name = change.label ? `${change.label}, ${date}` : date;
  if (before === null) return `Closure added: ${name} — ${closureHours(after!, change.nightEnd.after, options)}`;
  if (after === null) return `Closure removed: ${name}`;
  const quoted = (label: string | null): string => (label === null ? 'none' : `“${label}”`);
  const parts: string[] = [];
  if (labelOf(before) !== labelOf(after)) parts.push(`label ${quoted(labelOf(before))}${ARROW}${quoted(labelOf(after))}`);
  if (!sameRanges(sortedRanges(before.ranges), sortedRanges(after.ranges))) {
    parts.push(`${closureHours(before, change.nightEnd.before, options)}${ARROW}${closureHours(after, change.nightEnd.after, options)}`);
  }
  return `Closure changed: ${date} — ${parts.join('; ')}`;
}

const channelNames = { sms: 'SMS number', whatsapp: 'WhatsApp number' } as const;
const contactText = (contact: EmergencyContact): string => `${contact.label}, ${contact.phone}`;
/** Breaks up to this long are said as a duration ("for 30 minutes"); longer ones only by their end. */
const MAX_SAID_DURATION_MINUTES = 12 * 60;

function presenceText(change: PresenceChange, at: string, options: WordingOptions): string {
  if (change.online) return 'went online';
  if (change.offlineUntil === null) return 'went offline';
  // The PC picks the end from its own clock a moment before the server stamps the change.
  const minutes = Math.round((Date.parse(change.offlineUntil) - Date.parse(at)) / 60_000);
  const duration = minutes >= 1 && minutes <= MAX_SAID_DURATION_MINUTES ? ` for ${durationText(minutes)}` : '';
  return `went offline${duration}, back ${relativeTime(change.offlineUntil, { ...options, now: new Date(at) })}`;
}

/**
 * One recorded change in words: "Saturday 09:00–18:00 → 09:00–12:00", "went offline for 30 minutes,
 * back at 14:30". `at` is when it was made; times are on the clinic's clock (`options.timezone`).
 */
export function changeText(change: SettingsChange | PresenceChange, at: string, options: WordingOptions): string {
  switch (change.field) {
    case 'presence':
      return presenceText(change, at, options);
    case 'week': {
      const day = capitalize(change.day);
      if (change.change === 'unticked') return `${day} unticked`;
      if (change.change === 'ticked') return `${day} ticked, ${rangesText(change.after, options)}`;
      return `${day} ${rangesText(change.before, options)}${ARROW}${rangesText(change.after, options)}`;
    }
    case 'closures':
      return closureText(change, options);
    case 'channels': {
      const name = channelNames[change.channel];
      if (change.before === null) return `${name} set: ${change.after}`;
      return change.after === null ? `${name} removed (was ${change.before})` : `${name} ${change.before}${ARROW}${change.after}`;
    }
    case 'emergency':
      if (change.before === null) return `Emergency contact set: ${contactText(change.after!)}`;
      return change.after === null ? `Emergency contact removed (was ${contactText(change.before)})` : `Emergency contact ${contactText(change.before)}${ARROW}${contactText(change.after)}`;
    case 'timezone':
      return `Time zone ${change.before}${ARROW}${change.after}`;
  }
}
