// The help article's grid: one row per day, Monday to Sunday. The grid subscribes to nothing; each
// row selects its own day (see DayRow).
import { weekdays } from '../../../core/schedule-model.ts';
import { useRenderProbe } from '../components/render-probe.ts';
import { DayRow } from './DayRow.tsx';

export function BusinessHoursGrid() {
  useRenderProbe('BusinessHoursGrid');
  return (
    <ul className="hours-grid" aria-label="Opening hours by day">
      {weekdays.map((day) => (
        <DayRow key={day} day={day} />
      ))}
    </ul>
  );
}
