// How times are written for the pet owner. The widget's sentences are English, so day names must be
// English too ("Monday at 09:00", never "Montag at 09:00"); the browser's locale decides the clock
// (24-hour for de-DE, 12-hour for en-US) and, for English speakers, the regional style.

type OwnerLocale = { locale: string; hour12: boolean };

const FALLBACK = 'en-GB';

export function ownerLocale(languages: readonly string[]): OwnerLocale {
  const supported = safeSupported(languages);
  const preferred = supported[0] ?? FALLBACK;
  const hour12 = new Intl.DateTimeFormat(preferred, { hour: 'numeric' }).resolvedOptions().hour12 === true;
  const english = supported.find((tag) => /^en(-|$)/i.test(tag));
  return { locale: english ?? FALLBACK, hour12 };
}

function safeSupported(languages: readonly string[]): string[] {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([...languages]);
  } catch {
    return []; // a malformed tag makes supportedLocalesOf throw
  }
}
