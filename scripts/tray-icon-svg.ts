// The tray icons, on a 16-unit grid so 16 and 32 px land on whole pixels; each state has its own glyph in the
// same bubble, so it reads without colour: for colour-blind staff, and on macOS where template images are monochrome.
import type { TrayIconKind } from '../main/tray/tray-menu.ts';

/** Every kind the desktop app asks for; the `satisfies` below fails to compile if one is missing. */
export const trayIconKinds = ['accepting', 'offline', 'closed', 'attention'] as const satisfies readonly TrayIconKind[];
type EveryKindListed = [TrayIconKind] extends [(typeof trayIconKinds)[number]] ? true : never;
const _everyKindListed: EveryKindListed = true;

/** `colour` for Windows and Linux task bars; `template` for the macOS menu bar (black + alpha only). */
export type TrayIconVariant = 'colour' | 'template';

// Fills chosen for at least 4.5:1 contrast with the white glyph, and dark enough to stand out on a
// light task bar; the white rim around the bubble separates it from a dark task bar.
const fills: Record<TrayIconKind, string> = {
  accepting: '#15803d',
  offline: '#b45309',
  closed: '#475569',
  attention: '#b91c1c',
};

// A rounded bubble with a tail at the lower left; the glyphs sit in its 4..12 x 3..10 middle.
const bubble = 'M4 1.5h8a2.5 2.5 0 0 1 2.5 2.5v5a2.5 2.5 0 0 1-2.5 2.5H7.5L4 14.5v-3A2.5 2.5 0 0 1 1.5 9V4A2.5 2.5 0 0 1 4 1.5Z';

function glyph(kind: TrayIconKind, ink: string): string {
  switch (kind) {
    case 'accepting': // a tick: chat is taking messages
      return `<path d="M5 6.6l2 2L11 4.6" fill="none" stroke="${ink}" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'offline': // pause bars: switched off by staff
      return `<rect x="5.5" y="3.5" width="1.8" height="5.5" rx="0.5" fill="${ink}"/><rect x="8.7" y="3.5" width="1.8" height="5.5" rx="0.5" fill="${ink}"/>`;
    case 'closed': // a crescent moon: outside business hours or closed today
      return `<path d="M9.6 3.4a3.1 3.1 0 1 0 1.6 5.3A3.6 3.6 0 0 1 9.6 3.4Z" fill="${ink}"/>`;
    case 'attention': // exclamation mark: not connected or changes not reaching the server
      return `<rect x="7.1" y="3" width="1.8" height="4.2" rx="0.6" fill="${ink}"/><circle cx="8" cy="8.9" r="1" fill="${ink}"/>`;
  }
}

/** The SVG source of one tray icon. */
export function trayIconSvg(kind: TrayIconKind, variant: TrayIconVariant): string {
  const body =
    variant === 'colour'
      ? `<path d="${bubble}" fill="${fills[kind]}" stroke="#ffffff" stroke-opacity="0.92" stroke-width="1"/>${glyph(kind, '#ffffff')}`
      : // macOS tints template images by their alpha: an outlined bubble and a solid glyph, black only.
        `<path d="${bubble}" fill="none" stroke="#000000" stroke-width="1.1"/>${glyph(kind, '#000000')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${body}</svg>`;
}
