import { useEffect, useState } from 'react';
import { defaultPresence, defaultSettings, evaluateAvailability, staffStatusSentence } from '../../core/index.ts';

const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const settings = defaultSettings(timezone);

/** Placeholder screen until the Staff UI lands: shows the default hours' status in the PC's time zone. */
export function App() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const availability = evaluateAvailability(settings, defaultPresence(now), now);
  return (
    <main>
      <h1>Clinic Chat Desk</h1>
      <p role="status" className="status">
        {staffStatusSentence(availability, { timezone, now })}
      </p>
      <p className="muted">Default business hours (every day 09:00–18:00) in {timezone}.</p>
    </main>
  );
}
