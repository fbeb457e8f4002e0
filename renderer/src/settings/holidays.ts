// Public holidays from `date-holidays` as closures for the coming year. It carries every country's rules
// (hundreds of KB), so it is imported only when the Closures tab opens.
import type { Closure } from '../../../core/schemas/schedule.ts';
import { MAX_LABEL_LENGTH } from '../../../core/schedule-model.ts';

export type HolidayCatalogue = {
  countries(language: string): { code: string; name: string }[];
  regions(country: string, language: string): { code: string; name: string }[];
  /** Public holidays from `from` (inclusive) to `to` (exclusive), ISO dates, as all-day closures. */
  publicHolidays(place: { country: string; region: string | null }, from: string, to: string, language: string): Closure[];
};

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
const entries = (record: Record<string, string> | undefined): { code: string; name: string }[] =>
  Object.entries(record ?? {})
    .map(([code, name]) => ({ code, name }))
    .sort(byName);

export async function loadHolidayCatalogue(): Promise<HolidayCatalogue> {
  const { default: Holidays } = await import('date-holidays');
  const catalogue = new Holidays();
  return {
    countries: (language) => entries(catalogue.getCountries(language)),
    regions: (country, language) => entries(catalogue.getStates(country, language)),
    publicHolidays({ country, region }, from, to, language) {
      const calendar = region ? new Holidays(country, region) : new Holidays(country);
      const firstYear = Number(from.slice(0, 4));
      const lastYear = Number(to.slice(0, 4));
      const closures = new Map<string, Closure>();
      for (let year = firstYear; year <= lastYear; year++) {
        for (const holiday of calendar.getHolidays(year, language)) {
          // `date` is "YYYY-MM-DD hh:mm:ss" on the country's own calendar, which is the clinic's.
          const date = holiday.date.slice(0, 10);
          if (holiday.type !== 'public' || date < from || date >= to || closures.has(date)) continue;
          closures.set(date, { date, ranges: [], label: holiday.name.slice(0, MAX_LABEL_LENGTH) });
        }
      }
      return [...closures.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    },
  };
}

/** The country of this PC's locale ("en-GB" → "GB"), to preselect; empty when the locale has none. */
export function localeCountry(locale: string): string {
  try {
    return new Intl.Locale(locale).maximize().region ?? '';
  } catch {
    return '';
  }
}
