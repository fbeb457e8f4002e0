// The two-week preview's rows: core's hoursPreview on the draft, said in words for each day (the text
// the timeline shows and screen readers read) with the bars' positions. It recomputes on every edit of
// the grid, so the answer is kept per settings object (drafts are immutable: a new edit is a new
// object) and per clinic day and PC locale, the only other things it depends on.
import { hoursPreview } from '../../../core/hours-preview.ts';
import type { PreviewDay } from '../../../core/hours-preview.ts';
import { capitalize } from '../../../core/schedule-model.ts';
import type { ChatSettings } from '../../../core/schemas/schedule.ts';
import { clockChangeText, clockTime, closedAllDayText } from '../../../core/wording.ts';
import type { WordingOptions } from '../../../core/wording.ts';
import { dateText, todayIn, uiLocale, wordingOptions } from '../format.ts';

export const PREVIEW_DAYS = 14;

export type PreviewBar = { from: number; to: number };

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
  bars: PreviewBar[];
};

export type HoursPreviewResult = { ok: true; rows: PreviewRow[] } | { ok: false };

type Cached = { key: string; result: HoursPreviewResult };
const cache = new WeakMap<ChatSettings, Cached>();

/** The end of a bar that runs to the end of the day is said as "midnight", not as the next day's 00:00. */
const MIDNIGHT = 'midnight';

function rowOf(day: PreviewDay, wording: WordingOptions, today: string): PreviewRow {
  const hoursText =
    day.segments.length === 0
      ? 'closed'
      : day.segments.map((segment) => `${clockTime(segment.start, wording)}–${segment.to >= 1 ? MIDNIGHT : clockTime(segment.end, wording)}`).join(', ');
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

/**
 * The next 14 days on the clinic's calendar for `settings`, which must have passed parseSettings (an
 * invalid draft has no meaningful hours; `{ ok: false }` if it is not usable after all).
 */
export function hoursPreviewRows(settings: ChatSettings, now: Date): HoursPreviewResult {
  let today: string;
  try {
    today = todayIn(settings.timezone, now);
  } catch {
    return { ok: false };
  }
  const key = `${today}|${uiLocale()}`;
  const cached = cache.get(settings);
  if (cached?.key === key) return cached.result;
  let result: HoursPreviewResult;
  try {
    const wording = wordingOptions(settings.timezone, now);
    result = { ok: true, rows: hoursPreview(settings, now, PREVIEW_DAYS).map((day) => rowOf(day, wording, today)) };
  } catch {
    result = { ok: false };
  }
  cache.set(settings, { key, result });
  return result;
}

/** "Sat 28 Mar: 09:00–13:00 · Staff training — closure, special hours": one day as one sentence. */
export function rowSentence(row: PreviewRow): string {
  return [`${row.dateLabel}: ${row.hoursText}`, ...row.notes].join(' · ');
}
