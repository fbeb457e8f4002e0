// Turning the draft main holds (typed `unknown` in the contract, since it may be half-edited) into the
// settings shape the screens edit, and adopting a new copy without breaking object identity where
// nothing changed (narrow zustand selectors depend on it).
import { sameJson } from '../../../core/same-json.ts';
import { weekdays } from '../../../core/schedule-model.ts';
import type { ChatSettings, DayHours, TimeRange, Weekday } from '../../../core/schemas/schedule.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isRange = (value: unknown): value is TimeRange => isRecord(value) && typeof value.start === 'string' && typeof value.end === 'string';

const isDay = (value: unknown): value is DayHours => isRecord(value) && typeof value.open === 'boolean' && Array.isArray(value.ranges) && value.ranges.every(isRange);

/**
 * Whether a draft has the shape the editors can show. Only the shape: values (times, numbers, zone)
 * may be invalid while being edited, and core's parseSettings reports those beside the fields.
 */
export function isEditableSettings(value: unknown): value is ChatSettings {
  if (!isRecord(value) || typeof value.timezone !== 'string') return false;
  const { week, closures, channels } = value;
  if (!isRecord(week) || !weekdays.every((day) => isDay(week[day]))) return false;
  if (!Array.isArray(closures) || !closures.every((c) => isRecord(c) && typeof c.date === 'string' && Array.isArray(c.ranges) && c.ranges.every(isRange))) return false;
  if (!isRecord(channels) || ![channels.sms, channels.whatsapp].every((n) => n === null || typeof n === 'string')) return false;
  // A draft kept from before the emergency line existed has no such key (parseSettings reads it as none).
  const { emergency } = value;
  return emergency === undefined || emergency === null || (isRecord(emergency) && typeof emergency.phone === 'string' && typeof emergency.label === 'string');
}

/**
 * `incoming`, but reusing `current`'s objects wherever they are equal: the days, closures list and
 * channels that did not change keep their identity, so only the rows that changed re-render.
 */
export function shareUnchanged(current: ChatSettings | null, incoming: ChatSettings): ChatSettings {
  if (current === null) return incoming;
  if (sameJson(current, incoming)) return current;
  const week = Object.fromEntries(
    weekdays.map((day) => [day, sameJson(current.week[day], incoming.week[day]) ? current.week[day] : incoming.week[day]]),
  ) as Record<Weekday, DayHours>;
  return {
    ...incoming,
    week,
    closures: sameJson(current.closures, incoming.closures) ? current.closures : incoming.closures,
    channels: sameJson(current.channels, incoming.channels) ? current.channels : incoming.channels,
    emergency: sameJson(current.emergency, incoming.emergency) ? current.emergency : (incoming.emergency ?? null),
  };
}
