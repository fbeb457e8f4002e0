// Settings → Business Hours: the zone, the week grid, "Copy Monday to all days", and the two-week preview
// (lazy: it needs the zone tables, the grid does not).
import { Suspense, lazy } from 'react';
import { copyDayToAll } from '../draft/draft-edits.ts';
import { useActions } from '../store/store-context.tsx';
import { BusinessHoursGrid } from './BusinessHoursGrid.tsx';
import { TimezoneField } from './TimezoneField.tsx';

const HoursPreview = lazy(() => import('./HoursPreview.tsx').then((module) => ({ default: module.HoursPreview })));

export function BusinessHoursTab() {
  const { edit } = useActions();
  return (
    <div className="tab-body">
      <p className="hint">Tick the days web chat accepts messages and set the hours. Unticking a day turns the chat widget off on your website that day.</p>
      <TimezoneField />
      <BusinessHoursGrid />
      <div className="grid-actions">
        <button type="button" onClick={() => edit((s) => copyDayToAll(s, 'monday'))}>
          Copy Monday to all days
        </button>
      </div>
      <Suspense fallback={<p className="hint">Loading the two-week preview…</p>}>
        <HoursPreview />
      </Suspense>
    </div>
  );
}
