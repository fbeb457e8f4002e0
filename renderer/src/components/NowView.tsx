// The first screen: what pet owners see right now and today's hours, one click from changing them.
import { weekdays } from '../../../core/schedule-model.ts';
import { dayHoursText, todayIn } from '../format.ts';
import { selectClinicTimezone } from '../store/selectors.ts';
import { useUi } from '../store/store-context.tsx';
import { OwnerPreview } from './OwnerPreview.tsx';

/** Monday = 0 … Sunday = 6, on the clinic's calendar. */
function weekdayIndexIn(timezone: string, now: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'long' }).format(now).toLowerCase();
  return Math.max(0, weekdays.indexOf(name as (typeof weekdays)[number]));
}

function TodaysHours() {
  const timezone = useUi(selectClinicTimezone);
  const settings = useUi((s) => s.app?.server?.settings ?? null);
  const now = useUi((s) => s.now)();
  if (settings === null || timezone === null) return null;
  const closure = settings.closures.find((candidate) => candidate.date === todayIn(timezone, now));
  const hours = closure ? { open: closure.ranges.length > 0, ranges: closure.ranges } : settings.week[weekdays[weekdayIndexIn(timezone, now)]!];
  return (
    <section className="card" aria-labelledby="today-title">
      <h2 id="today-title">Today’s business hours</h2>
      <p>
        {dayHoursText(hours)}
        {closure && ` — closure${closure.label ? `: ${closure.label}` : ''}`}
      </p>
      <p className="hint">
        Clinic time zone: {timezone}. <a href="#/settings/hours">Change business hours</a>
      </p>
    </section>
  );
}

export function NowView() {
  return (
    <div className="now">
      <h2 className="screen-title">Now</h2>
      <div className="cards">
        <OwnerPreview />
        <TodaysHours />
      </div>
    </div>
  );
}
