// The two-week preview's rows: core's hoursPreview on the draft, said in words per day, with the bars.
// Kept per settings object (edits make new objects), clinic day and locale, as it reruns on every edit.
import { hoursPreview } from '../../../core/hours-preview.ts';
import type { PreviewDay } from '../../../core/hours-preview.ts';
import { capitalize } from '../../../core/schedule-model.ts';
import type { ChatSettings } from '../../../core/schemas/schedule.ts';
import { clockChangeText, clockTime, closedAllDayText } from '../../../core/wording.ts';
import type { WordingOptions } from '../../../core/wording.ts';
import { dateText, todayIn, uiLocale, wordingOptions } from '../format.ts';

export const PREVIEW_DAYS = 14;

export type PreviewRow = {
  date: string;
  /** "Sat 28 Mar" */
  dateLabel: string;
  today: boolean;
  /** "09:00–13:00, 14:00–18:00", or "closed" when web chat accepts nothing that day. */
  hoursText: string;
  /** Why the day differs from a plain weekday, and clock changes: "Christmas Day (closure)", "Clocks go forward 1 hour on Sun 29 Mar". */
  notes: string[];
  kind: 'open' | 'closed' | 'closure' | 'day-off';
  clockChange: boolean;
  /** Fractions of the day. */
  bars: { from: number; to: number }[];
};

const cache = new WeakMap<ChatSettings, { key: string; rows: PreviewRow[] | null }>();

function rowOf(day: PreviewDay, wording: WordingOptions, today: string): PreviewRow {
  const hoursText =
    day.segments.length === 0
      ? 'closed'
      : // A bar that runs to the end of the day ends at "midnight", not at the next day's 00:00.
        day.segments.map((segment) => `${clockTime(segment.start, wording)}–${segment.to >= 1 ? 'midnight' : clockTime(segment.end, wording)}`).join(', ');
  const notes: string[] = [];
  const name = capitalize(day.weekday);
  if (day.closure) {
    const label = day.closure.label ? `${day.closure.label} — ` : '';
    const { allDay, closedFrom } = day.closure;
    notes.push(allDay ? `${label}closure, ${closedAllDayText(closedFrom === null ? null : clockTime(closedFrom, wording))}` : `${label}closure, special hours`);
  } else if (day.dayOff) {
    notes.push(`${name} is unticked`);
  }
  if (day.clockChange) notes.push(clockChangeText(day.clockChange, wording));
  return {
    date: day.date,
    dateLabel: dateText(day.date, { withYear: false }),
    today: day.date === today,
    hoursText,
    notes,
    kind: day.closure ? 'closure' : day.dayOff ? 'day-off' : day.segments.length === 0 ? 'closed' : 'open',
    clockChange: day.clockChange !== null,
    bars: day.segments.map((segment) => ({ from: segment.from, to: segment.to })),
  };
}

/** The next 14 days on the clinic's calendar for settings that passed parseSettings; null if unusable after all. */
export function hoursPreviewRows(settings: ChatSettings, now: Date): PreviewRow[] | null {
  const today = todayIn(settings.timezone, now);
  const key = `${today}|${uiLocale()}`;
  const cached = cache.get(settings);
  if (cached?.key === key) return cached.rows;
  let rows: PreviewRow[] | null;
  try {
    const wording = wordingOptions(settings.timezone, now);
    rows = hoursPreview(settings, now, PREVIEW_DAYS).map((day) => rowOf(day, wording, today));
  } catch {
    rows = null;
  }
  cache.set(settings, { key, rows });
  return rows;
}
