// The message catalogue: every sentence about availability that staff or pet owners read, in one
// place, so the tray, window, notifications and widget say the same thing. Intl only (no luxon), so
// the widget can bundle it and stay a few KB.
import type { Availability, ClockChange } from './availability.ts';
import type { Presence } from './schemas/schedule.ts';

export type WordingOptions = {
  /** The clinic's IANA zone: times are said as the clinic's clocks show them. */
  timezone: string;
  now: Date;
  /** BCP 47 locale for times and day names (default en-GB). */
  locale?: string;
  /** Force the 12- or 24-hour clock; by default the locale's habit. */
  hour12?: boolean;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: WordingOptions, fields: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = options.locale ?? 'en-GB';
  const key = `${locale}|${options.timezone}|${String(options.hour12)}|${JSON.stringify(fields)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { timeZone: options.timezone, ...(options.hour12 === undefined ? {} : { hour12: options.hour12 }), ...fields });
    formatters.set(key, cached);
  }
  return cached;
}

/** "18:00" or "6:00 PM", on the clinic's clock (24-hour times keep their leading zero: "09:00"). */
export function clockTime(instant: Date | string, options: WordingOptions): string {
  const twelveHour = formatter(options, { hour: 'numeric' }).resolvedOptions().hour12 === true;
  return formatter(options, { hour: twelveHour ? 'numeric' : '2-digit', minute: '2-digit' }).format(new Date(instant));
}

function calendarDay(instant: Date, options: WordingOptions): number {
  const parts = formatter({ ...options, locale: 'en-US', hour12: false }, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000;
}

/** "at 18:00" today, "tomorrow at 09:00", "Monday at 09:00" within a week, else "on Sat 3 Jan at 09:00". */
export function relativeTime(instant: Date | string, options: WordingOptions): string {
  const when = new Date(instant);
  const days = calendarDay(when, options) - calendarDay(options.now, options);
  const time = clockTime(when, options);
  if (days <= 0) return `at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  if (days < 7) return `${formatter(options, { weekday: 'long' }).format(when)} at ${time}`;
  return `on ${formatter(options, { weekday: 'short', day: 'numeric', month: 'short' }).format(when)} at ${time}`;
}

/** "12:03" today, "yesterday at 17:40", else "Mon 23 Nov at 17:40": for when something started. */
export function sinceTime(instant: Date | string, options: WordingOptions): string {
  const when = new Date(instant);
  const days = calendarDay(options.now, options) - calendarDay(when, options);
  const time = clockTime(when, options);
  if (days <= 0) return time;
  if (days === 1) return `yesterday at ${time}`;
  return `${formatter(options, { weekday: 'short', day: 'numeric', month: 'short' }).format(when)} at ${time}`;
}

export type StaffSentenceContext = WordingOptions & {
  /** The switch as known, to say since when and who switched it off. */
  presence?: Presence | null;
  /** The label of today's closure ("Christmas Day"), when the reason is a closure. */
  closureLabel?: string | null;
};

/** The status sentence staff see in the window, the tray tooltip and notifications. */
export function staffStatusSentence(availability: Availability, context: StaffSentenceContext): string {
  const presence = context.presence ?? null;
  const switchedOff = presence !== null && !presence.online && !availability.accepting;
  const offlineNote = switchedOff ? ' · the switch is Offline' : '';
  switch (availability.reason) {
    case 'open':
      return availability.closesAt === null
        ? 'Accepting chats · open around the clock'
        : `Accepting chats · closes ${relativeTime(availability.closesAt, context)}`;
    case 'offline': {
      if (presence?.offlineUntil && availability.opensAt) return `Offline · back ${relativeTime(availability.opensAt, context)}`;
      const since = presence ? ` since ${sinceTime(presence.changedAt, context)}` : '';
      const who = presence?.changedBy ? ` (${presence.changedBy})` : '';
      return `Not accepting chats · you're offline${since}${who}`;
    }
    case 'outside-hours':
      return availability.opensAt === null
        ? 'Outside business hours · no opening hours are set'
        : `Outside business hours · opens ${relativeTime(availability.opensAt, context)}`;
    case 'day-off':
      return `Closed today — the chat widget is disabled on your website${offlineNote}`;
    case 'closure': {
      const label = context.closureLabel ? ` (${context.closureLabel})` : '';
      return `Closed today${label} — the chat widget is disabled on your website${offlineNote}`;
    }
  }
}

export type OwnerBanner = {
  /**
   * The clinic's emergency line (issue 7), to be shown first and most prominently, as a tap-to-call
   * link: `label` is the clinic's own words, `callText` the link's action ("Call +447700900123").
   */
  emergency: { label: string; phone: string; callText: string } | null;
  /** One line, e.g. "We're offline right now". */
  title: string;
  /** When chat opens again, if known, e.g. "Chat is back tomorrow at 09:00". */
  detail: string | null;
  /** The other ways to reach the clinic, or null when web chat is the only one. */
  otherChannels: string | null;
};

/** What the website widget says to pet owners when web chat is not accepting. */
export function ownerBanner(availability: Availability, options: WordingOptions): OwnerBanner {
  const title =
    availability.reason === 'offline'
      ? 'We’re offline right now'
      : availability.reason === 'outside-hours'
        ? 'We’re outside our chat hours'
        : 'Chat is closed today';
  const detail = availability.opensAt === null ? null : `Chat is back ${relativeTime(availability.opensAt, options)}`;
  const { sms, whatsapp } = availability.channels;
  const otherChannels =
    sms && whatsapp
      ? 'You can still text us or message us on WhatsApp.'
      : sms
        ? 'You can still text us.'
        : whatsapp
          ? 'You can still message us on WhatsApp.'
          : null;
  const emergency = availability.emergency === null ? null : { ...availability.emergency, callText: `Call ${availability.emergency.phone}` };
  return { emergency, title, detail, otherChannels };
}

/** What going offline means for owners, asked before the switch goes off. */
export function goingOfflineWarning(channels: Availability['channels']): { needsConfirmation: boolean; message: string } {
  if (channels.sms || channels.whatsapp) {
    const which = channels.sms && channels.whatsapp ? 'SMS and WhatsApp' : channels.sms ? 'SMS' : 'WhatsApp';
    return { needsConfirmation: false, message: `Web chat will stop accepting messages; pet owners can still reach you by ${which}.` };
  }
  return { needsConfirmation: true, message: 'Pet owners won’t be able to reach you until you go back online.' };
}

/**
 * A whole number of minutes as people say it: "30 minutes", "1 hour", "1 hour 30 minutes". Every
 * duration staff read (break lengths, the reminder and its threshold, clock changes) is said this way.
 */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

/**
 * An all-day closure in words: "closed all day", or "closed from 02:00" when a range of the day before
 * runs past midnight into it (it belongs to that day, so chat stays open until `nightEnd`, a time the
 * caller has formatted). Said the same in the two-week preview and the change history.
 */
export function closedAllDayText(nightEnd: string | null): string {
  return nightEnd === null ? 'closed all day' : `closed from ${nightEnd}`;
}

/** "Clocks go forward 1 hour on Sun 29 Mar", the day as the clinic's calendar has it (two-week preview). */
export function clockChangeText(change: ClockChange, options: WordingOptions): string {
  const amount = durationText(Math.abs(change.offsetAfter - change.offsetBefore));
  const day = formatter(options, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(change.at));
  return `Clocks go ${change.forward ? 'forward' : 'back'} ${amount} on ${day}`;
}

/**
 * When a change was made, for the change history: "Today 14:02", "Yesterday 17:40", "Wed 14:02" within
 * the week, else "Mon 23 Nov 14:02" (with the year when it is not this year).
 */
export function changeTime(instant: Date | string, options: WordingOptions): string {
  const when = new Date(instant);
  const days = calendarDay(options.now, options) - calendarDay(when, options);
  const time = clockTime(when, options);
  if (days <= 0) return `Today ${time}`;
  if (days === 1) return `Yesterday ${time}`;
  if (days < 7) return `${formatter(options, { weekday: 'short' }).format(when)} ${time}`;
  const year = (date: Date): string => formatter(options, { year: 'numeric' }).format(date);
  const sameYear = year(when) === year(options.now);
  return `${formatter(options, { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(when)} ${time}`;
}
