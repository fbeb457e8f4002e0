// A realistic AppState for adapter tests (tray, gateway): connected, synced, chat accepting.
import { defaultPresence, defaultSettings } from '../../core/schedule-model.ts';
import type { AppState } from '../../core/schemas/app-api.ts';

export const FIXTURE_NOW = new Date('2026-11-25T10:00:00.000Z');

export function appStateFixture(overrides: Partial<AppState> = {}): AppState {
  const settings = defaultSettings('Europe/London');
  const presence = defaultPresence(FIXTURE_NOW);
  return {
    connection: {
      serverUrl: 'https://chat.example-clinic.test',
      clinicId: 'clinic-1',
      clinicName: 'Riverside Vets',
      tokenStorage: 'encrypted',
      tokenStorageNote: null,
    },
    server: { settings, version: 3, presence, receivedAt: FIXTURE_NOW.toISOString() },
    presence,
    availability: null,
    status: { tone: 'accepting', sentence: 'Accepting chats · closes at 18:00', changesAt: '2026-11-25T18:00:00.000Z' },
    sync: { state: 'synced', pending: 0, lastError: null, pendingSettings: null, conflict: null, failingSince: null },
    preferences: { pcName: 'Front desk 2', launchAtLogin: false, notifications: true, offlineReminderMinutes: 30 },
    notices: [],
    managed: { locked: [], note: null },
    reminder: { active: false, message: null, snoozedUntil: null },
    ...overrides,
  };
}

export function withPresence(state: AppState, online: boolean): AppState {
  const presence = state.presence ?? defaultPresence(FIXTURE_NOW);
  return { ...state, presence: { ...presence, online } };
}
