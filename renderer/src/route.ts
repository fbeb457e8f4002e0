// Screens are addressed by the URL hash (#/settings/hours), so a reload or the tray's "Open Business
// Hours…" lands on the right screen and the browser's back button works under the preview host.
import { useSyncExternalStore } from 'react';

export const settingsTabs = [
  { id: 'hours', label: 'Business Hours', editsDraft: true, errorPrefixes: ['week', 'timezone'] },
  { id: 'closures', label: 'Closures', editsDraft: true, errorPrefixes: ['closures'] },
  { id: 'channels', label: 'Channels', editsDraft: true, errorPrefixes: ['channels', 'emergency'] },
  { id: 'preferences', label: 'Preferences', editsDraft: false, errorPrefixes: [] },
  { id: 'history', label: 'History', editsDraft: false, errorPrefixes: [] },
] as const;

export type SettingsTabId = (typeof settingsTabs)[number]['id'];
type Route = { screen: 'now' } | { screen: 'settings'; tab: SettingsTabId };

function parseRoute(hash: string): Route {
  const match = /^#\/settings(?:\/([a-z]+))?$/.exec(hash);
  if (match) {
    const tab = settingsTabs.find((candidate) => candidate.id === (match[1] ?? 'hours'));
    if (tab) return { screen: 'settings', tab: tab.id };
  }
  return { screen: 'now' };
}

export function navigate(route: Route): void {
  window.location.hash = route.screen === 'now' ? '#/now' : `#/settings/${route.tab}`;
}

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
