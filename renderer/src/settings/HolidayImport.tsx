// One-click import of the public holidays of the clinic's country (and region) for the coming year,
// each added as an all-day closure the staff member can then edit or remove.
import { useEffect, useState } from 'react';
import { mergeClosures } from '../draft/draft-edits.ts';
import { addDays, todayIn, uiLocale } from '../format.ts';
import { holidaysAddedText } from '../messages.ts';
import { useActions, useUi } from '../store/store-context.tsx';
import { loadHolidayCatalogue, localeCountry } from './holidays.ts';
import type { HolidayCatalogue } from './holidays.ts';

const language = (): string => uiLocale().split('-')[0] ?? 'en';

type PickerProps = { label: string; value: string; none: string; entries: { code: string; name: string }[]; onChange(code: string): void };

function Picker({ label, value, none, entries, onChange }: PickerProps) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{none}</option>
        {entries.map((entry) => (
          <option key={entry.code} value={entry.code}>
            {entry.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function HolidayImport() {
  const timezone = useUi((s) => s.draft?.timezone ?? 'UTC');
  const now = useUi((s) => s.now);
  const { edit } = useActions();
  const [catalogue, setCatalogue] = useState<HolidayCatalogue | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [country, setCountry] = useState(() => localeCountry(uiLocale()));
  const [region, setRegion] = useState('');
  const [outcome, setOutcome] = useState('');

  useEffect(() => {
    let current = true;
    loadHolidayCatalogue().then(
      (loaded) => current && setCatalogue(loaded),
      (error: unknown) => current && setLoadError(`The holiday list could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      current = false;
    };
  }, []);

  if (loadError) return <p className="field-error">{loadError}</p>;
  if (catalogue === null) return <p className="hint">Loading the public holiday list…</p>;

  const countries = catalogue.countries(language());
  const regions = country ? catalogue.regions(country, language()) : [];

  function importHolidays(): void {
    if (catalogue === null || !country) return;
    const today = todayIn(timezone, now());
    const holidays = catalogue.publicHolidays({ country, region: region || null }, today, addDays(today, 365), language());
    let added = 0;
    edit((settings) => {
      const merged = mergeClosures(settings, holidays);
      added = merged.added;
      return merged.settings;
    });
    setOutcome(holidaysAddedText(added, holidays.length - added));
  }

  return (
    <fieldset className="holiday-import">
      <legend>Import public holidays for the coming year</legend>
      <div className="inline-controls">
        <Picker label="Country" value={country} none="Choose a country" entries={countries} onChange={(code) => { setCountry(code); setRegion(''); }} />
        {regions.length > 0 && <Picker label="Region" value={region} none="Whole country" entries={regions} onChange={setRegion} />}
        <button type="button" disabled={!country} onClick={importHolidays}>
          Import public holidays
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {outcome}
      </p>
    </fieldset>
  );
}
