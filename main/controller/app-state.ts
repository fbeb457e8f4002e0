// The AppState snapshot, a pure function of what the controller holds. The status is core's availability
// on the local copy (so it works while disconnected) with the switch as this PC intends it.
import { DateTime } from 'luxon';
import { evaluateAvailability, isSwitchedOff, nextAvailabilityChange } from '../../core/availability.ts';
import { staffStatusSentence } from '../../core/wording.ts';
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';
import type { AppState, ManagedInfo, Notice, Preferences, ServerCopy, StatusInfo, SyncInfo } from '../../core/schemas/app-api.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import { appMessages } from './app-messages.ts';
import type { Outbox } from '../sync/outbox.ts';
import type { ConnectionRecord } from '../store/store.ts';
import type { SyncProblem } from '../sync/sync-health.ts';

/** Everything but the forgotten-offline reminder, which is judged from this. */
export type BaseAppState = Omit<AppState, 'reminder'>;

export type Conflict = { opId: string; mine: ChatSettings; theirs: SettingsResponse };

type SnapshotInput = {
  connection: ConnectionRecord | null;
  tokenStorageNote: string | null;
  serverCopy: ServerCopy | null;
  outbox: Outbox;
  conflict: Conflict | null;
  connecting: boolean;
  problem: SyncProblem | null;
  failingSince: Date | null;
  preferences: Preferences;
  notices: readonly Notice[];
  managed: ManagedInfo;
  /** The server's idea of now (this PC's clock corrected by the measured skew). */
  now: Date;
  locale?: string;
};

export function appStateSnapshot(input: SnapshotInput): BaseAppState {
  const { connection, serverCopy, now } = input;
  const intended = connection && serverCopy ? effectivePresence(intendedPresence(serverCopy.presence, input.outbox), now) : null;
  const availability = serverCopy && intended ? evaluateAvailability(serverCopy.settings, intended, now) : null;
  return {
    connection: connection && { ...connection, tokenStorageNote: input.tokenStorageNote },
    server: serverCopy,
    presence: intended,
    availability,
    status: serverCopy && intended ? statusInfo(serverCopy.settings, intended, now, input.locale) : notConnectedStatus,
    sync: syncInfo(input),
    preferences: input.preferences,
    notices: [...input.notices],
    managed: input.managed,
  };
}

const notConnectedStatus: StatusInfo = { tone: 'not-connected', sentence: appMessages.notConnected, changesAt: null };

/** The server's switch with this PC's unsent toggle applied: staff see their change at once. */
function intendedPresence(server: Presence, outbox: Outbox): Presence {
  const latest = outbox.findLast((op) => op.kind === 'presence');
  if (latest?.kind !== 'presence') return server;
  return { online: latest.online, offlineUntil: latest.offlineUntil, changedAt: latest.createdAt, changedBy: latest.changedBy };
}

/** A timed break that has ended reads as the switch back on, since the moment it ended. */
function effectivePresence(presence: Presence, now: Date): Presence {
  if (presence.online || presence.offlineUntil === null || isSwitchedOff(presence, now)) return presence;
  return { online: true, offlineUntil: null, changedAt: presence.offlineUntil, changedBy: presence.changedBy };
}

function statusInfo(settings: ChatSettings, presence: Presence, now: Date, locale?: string): StatusInfo {
  const availability = evaluateAvailability(settings, presence, now);
  const tone = availability.accepting ? 'accepting' : availability.reason === 'offline' ? 'offline-by-switch' : 'outside-hours';
  const today = DateTime.fromJSDate(now, { zone: settings.timezone }).toISODate();
  const closureLabel = availability.reason === 'closure' ? (settings.closures.find((closure) => closure.date === today)?.label ?? null) : null;
  return {
    tone,
    sentence: staffStatusSentence(availability, { timezone: settings.timezone, now, presence, closureLabel, ...(locale ? { locale } : {}) }),
    changesAt: nextAvailabilityChange(settings, presence, now).toISOString(),
  };
}

function syncInfo(input: SnapshotInput): SyncInfo {
  const { problem } = input;
  return {
    state: syncState(input),
    pending: input.outbox.length,
    lastError: problem && { code: problem.code, message: problem.message, at: problem.at },
    pendingSettings: input.conflict ? null : (input.outbox.findLast((op) => op.kind === 'settings')?.settings ?? null),
    conflict: input.conflict && { mine: input.conflict.mine, theirs: input.conflict.theirs },
    failingSince: input.failingSince?.toISOString() ?? null,
  };
}

function syncState(input: SnapshotInput): SyncInfo['state'] {
  if (input.connection === null) return input.connecting ? 'connecting' : 'not-connected';
  if (input.connecting) return 'connecting';
  if (input.conflict) return 'conflict';
  if (input.problem?.kind === 'refused' || input.problem?.kind === 'error') return 'error';
  if (input.problem?.kind === 'unreachable') return 'offline';
  if (input.outbox.length > 0) return 'saving';
  return input.serverCopy === null ? 'connecting' : 'synced';
}
