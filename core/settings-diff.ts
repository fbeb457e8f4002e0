// What changed, in words a front desk reads: the change history (issue 7) shows these entries, one
// line each ("Saturday 09:00–13:00 → 09:00–12:00", "went offline for 30 minutes, back at 14:30").
// Pure and zod-free (Intl only), so the server records them and the staff UI can show or preview them.
// Only what changes what owners get counts: the hidden hours of an unticked day and the order in
// which ranges or closures were typed are not changes.
import { capitalize, nightBeforeEnd, rangeMinutes, weekdays } from './schedule-model.ts';
import type { ChatSettings, Closure, EmergencyContact, Presence, TimeRange, Weekday } from './schemas/schedule.ts';
import { closedAllDayText, durationText, relativeTime } from './wording.ts';

export type DayChange = {
  field: 'week';
  day: Weekday;
  change: 'ticked' | 'unticked' | 'hours';
  /** The hours in force before and after, earliest first; empty while the day is unticked. */
  before: TimeRange[];
  after: TimeRange[];
  text: string;
};
export type ClosureChange = {
  field: 'closures';
  change: 'added' | 'removed' | 'changed';
  date: string;
  /** The closure's label as it is now (as it was, when removed). */
  label: string | null;
  before: Closure | null;
  after: Closure | null;
  text: string;
};
export type ChannelChange = { field: 'channels'; channel: 'sms' | 'whatsapp'; before: string | null; after: string | null; text: string };
export type EmergencyChange = { field: 'emergency'; before: EmergencyContact | null; after: EmergencyContact | null; text: string };
export type TimezoneChange = { field: 'timezone'; before: string; after: string; text: string };
export type SettingsChange = DayChange | ClosureChange | ChannelChange | EmergencyChange | TimezoneChange;

/** The switch after the change; `offlineUntil` is the end of a timed break (ISO), if any. */
export type PresenceChange = { field: 'presence'; online: boolean; offlineUntil: string | null; text: string };

export type ChangeEntry = SettingsChange | PresenceChange;
export type ChangeField = ChangeEntry['field'];

const ARROW = ' → ';

/** The differences between two valid settings, in reading order: days, closures, channels, emergency, zone. */
export function settingsChanges(before: ChatSettings, after: ChatSettings): SettingsChange[] {
  return [
    ...weekdays.flatMap((day) => dayChange(day, before.week[day], after.week[day])),
    ...closureChanges(before, after),
    ...channelChanges(before.channels, after.channels),
    ...emergencyChanges(before.emergency, after.emergency),
    ...(before.timezone === after.timezone ? [] : [{ field: 'timezone' as const, before: before.timezone, after: after.timezone, text: `Time zone ${before.timezone}${ARROW}${after.timezone}` }]),
  ];
}

// ---- Days ----

function inForce(hours: { open: boolean; ranges: TimeRange[] }): TimeRange[] {
  return hours.open ? sortedRanges(hours.ranges) : [];
}

function sortedRanges(ranges: TimeRange[]): TimeRange[] {
  return ranges
    .map((range) => ({ range, minutes: rangeMinutes(range) }))
    .sort((a, b) => a.minutes.start - b.minutes.start || a.minutes.end - b.minutes.end)
    .map(({ range }) => ({ start: range.start, end: range.end }));
}

function sameRanges(a: TimeRange[], b: TimeRange[]): boolean {
  return a.length === b.length && a.every((range, index) => range.start === b[index]!.start && range.end === b[index]!.end);
}

/** "09:00–13:00, 14:00–18:00", times as stored. */
export function rangesText(ranges: TimeRange[]): string {
  return ranges.map((range) => `${range.start}–${range.end}`).join(', ');
}

function dayChange(day: Weekday, before: { open: boolean; ranges: TimeRange[] }, after: { open: boolean; ranges: TimeRange[] }): DayChange[] {
  const was = inForce(before);
  const now = inForce(after);
  const name = capitalize(day);
  if (before.open && !after.open) return [{ field: 'week', day, change: 'unticked', before: was, after: now, text: `${name} unticked` }];
  if (!before.open && after.open) return [{ field: 'week', day, change: 'ticked', before: was, after: now, text: `${name} ticked, ${rangesText(now)}` }];
  if (sameRanges(was, now)) return [];
  return [{ field: 'week', day, change: 'hours', before: was, after: now, text: `${name} ${rangesText(was)}${ARROW}${rangesText(now)}` }];
}

// ---- Closures ----

const dateFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Fri 25 Dec 2026" for '2026-12-25' (a calendar date: no time zone is involved). */
export function closureDateText(date: string): string {
  const parts = dateFormat.formatToParts(new Date(`${date}T12:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

function closureName(closure: Closure): string {
  return closure.label ? `${closure.label}, ${closureDateText(closure.date)}` : closureDateText(closure.date);
}

/** A closure's hours as they are with `settings`: a night of the day before that runs into it is said too. */
function closureHoursText(closure: Closure, settings: ChatSettings): string {
  const nightEnd = nightBeforeEnd(settings, closure.date);
  if (closure.ranges.length === 0) return closedAllDayText(nightEnd);
  return `open ${nightEnd === null ? '' : `until ${nightEnd}, `}${rangesText(sortedRanges(closure.ranges))} only`;
}

const labelOf = (closure: Closure): string | null => closure.label || null;

function closureChanges(before: ChatSettings, after: ChatSettings): ClosureChange[] {
  const was = new Map(before.closures.map((closure) => [closure.date, closure]));
  const now = new Map(after.closures.map((closure) => [closure.date, closure]));
  const dates = [...new Set([...was.keys(), ...now.keys()])].sort();
  return dates.flatMap((date): ClosureChange[] => {
    const old = was.get(date) ?? null;
    const current = now.get(date) ?? null;
    if (old === null && current !== null) {
      return [{ field: 'closures', change: 'added', date, label: labelOf(current), before: null, after: current, text: `Closure added: ${closureName(current)} — ${closureHoursText(current, after)}` }];
    }
    if (old !== null && current === null) {
      return [{ field: 'closures', change: 'removed', date, label: labelOf(old), before: old, after: null, text: `Closure removed: ${closureName(old)}` }];
    }
    if (old === null || current === null) return [];
    const parts: string[] = [];
    if (labelOf(old) !== labelOf(current)) parts.push(`label ${quoted(labelOf(old))}${ARROW}${quoted(labelOf(current))}`);
    if (!sameRanges(sortedRanges(old.ranges), sortedRanges(current.ranges))) parts.push(`${closureHoursText(old, before)}${ARROW}${closureHoursText(current, after)}`);
    if (parts.length === 0) return [];
    const text = `Closure changed: ${closureDateText(date)} — ${parts.join('; ')}`;
    return [{ field: 'closures', change: 'changed', date, label: labelOf(current), before: old, after: current, text }];
  });
}

const quoted = (label: string | null): string => (label === null ? 'none' : `“${label}”`);

// ---- Channels, emergency contact ----

const channelNames = { sms: 'SMS number', whatsapp: 'WhatsApp number' } as const;

function channelChanges(before: ChatSettings['channels'], after: ChatSettings['channels']): ChannelChange[] {
  return (['sms', 'whatsapp'] as const).flatMap((channel): ChannelChange[] => {
    const was = before[channel];
    const now = after[channel];
    if (was === now) return [];
    const name = channelNames[channel];
    const text = was === null ? `${name} set: ${now}` : now === null ? `${name} removed (was ${was})` : `${name} ${was}${ARROW}${now}`;
    return [{ field: 'channels', channel, before: was, after: now, text }];
  });
}

const contactText = (contact: EmergencyContact): string => `${contact.label}, ${contact.phone}`;

function emergencyChanges(before: EmergencyContact | null, after: EmergencyContact | null): EmergencyChange[] {
  if (before?.label === after?.label && before?.phone === after?.phone) return [];
  const text =
    before === null
      ? `Emergency contact set: ${contactText(after!)}`
      : after === null
        ? `Emergency contact removed (was ${contactText(before)})`
        : `Emergency contact ${contactText(before)}${ARROW}${contactText(after)}`;
  return [{ field: 'emergency', before, after, text }];
}

// ---- Presence ----

/** Breaks up to this long are said as a duration ("for 30 minutes"); longer ones only by their end. */
const MAX_SAID_DURATION_MINUTES = 12 * 60;

/**
 * What a presence change did, said from when it happened on the clinic's clock: "went online",
 * "went offline", "went offline for 30 minutes, back at 14:30", "went offline, back Monday at 09:00".
 * Null when the switch is as it was (the same state sent again, by a retry or a second PC).
 */
export function presenceChange(before: Presence, after: Presence, timezone: string): PresenceChange | null {
  if (before.online === after.online && before.offlineUntil === after.offlineUntil) return null;
  const entry = { field: 'presence' as const, online: after.online, offlineUntil: after.offlineUntil };
  if (after.online) return { ...entry, text: 'went online' };
  if (after.offlineUntil === null) return { ...entry, text: 'went offline' };
  const changedAt = new Date(after.changedAt);
  // The PC picks the end from its own clock a moment before the server stamps the change.
  const minutes = Math.round((Date.parse(after.offlineUntil) - changedAt.getTime()) / 60_000);
  const back = relativeTime(after.offlineUntil, { timezone, now: changedAt, locale: 'en-GB', hour12: false });
  const duration = minutes >= 1 && minutes <= MAX_SAID_DURATION_MINUTES ? ` for ${durationText(minutes)}` : '';
  return { ...entry, text: `went offline${duration}, back ${back}` };
}
