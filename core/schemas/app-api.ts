// The AppApi, the one contract between the staff UI (renderer) and main: input schemas and result
// shapes live only here, so preload, the IPC gateway, the preview host and the renderer agree.
import { z } from 'zod';
import { appApiChannels } from '../app-channels.ts';
import { MAX_HISTORY_PAGE_SIZE } from './history.ts';
import type { HistoryResponse } from './history.ts';
import { MAX_CLOSURES, MAX_PC_NAME_LENGTH, MAX_RANGES_PER_DAY, weekdays } from '../schedule-model.ts';
import { isoInstantSchema } from './schedule.ts';
import type { FieldError, Weekday } from './schedule.ts';
import { MAX_TIMED_BREAK_MINUTES } from '../timed-breaks.ts';
import type { Availability } from '../availability.ts';
import type { ChatSettings, Presence } from './schedule.ts';

// ---- Inputs (validated in main; everything from the renderer is `unknown` until these accept it) ----

const httpUrl = z.url({ protocol: /^https?$/, error: 'Enter the server address, starting with https://' });

export const connectInputSchema = z.strictObject({
  serverUrl: httpUrl.max(2048),
  clinicId: z.string().trim().min(1, 'Enter the clinic ID').max(200),
  token: z.string().trim().min(1, 'Enter the access token').max(4096),
});
export type ConnectInput = z.infer<typeof connectInputSchema>;

/**
 * A timed break is given by its end (`offlineUntil`) or, better, by its length (`offlineForMinutes`):
 * main then sets the end on its server-corrected clock, so a PC whose own clock is wrong still gets a
 * break of the length chosen (core/timed-breaks.ts). Only one of the two, and only when going offline.
 */
export const setOnlineInputSchema = z
  .strictObject({
    online: z.boolean(),
    offlineUntil: isoInstantSchema.optional(),
    offlineForMinutes: z.int().min(1).max(MAX_TIMED_BREAK_MINUTES).optional(),
  })
  .refine((input) => !(input.online && input.offlineUntil), { message: 'A timed break only applies when going offline', path: ['offlineUntil'] })
  .refine((input) => !(input.online && input.offlineForMinutes !== undefined), { message: 'A timed break only applies when going offline', path: ['offlineForMinutes'] })
  .refine((input) => input.offlineUntil === undefined || input.offlineForMinutes === undefined, { message: 'Give a timed break its end or its length, not both', path: ['offlineForMinutes'] });
export type SetOnlineInput = z.infer<typeof setOnlineInputSchema>;

// The settings as the renderer edits them: the shape of ChatSettings with any text in the fields, since
// a half-typed draft is kept too. parseSettings judges the values when the draft is saved.
const draftText = z.string().max(1000);
const draftRanges = z.array(z.strictObject({ start: draftText, end: draftText })).max(MAX_RANGES_PER_DAY * 4);
const draftDay = z.strictObject({ open: z.boolean(), ranges: draftRanges });

const settingsDraftSchema = z.strictObject({
  timezone: draftText,
  week: z.strictObject(Object.fromEntries(weekdays.map((day) => [day, draftDay])) as Record<Weekday, typeof draftDay>),
  closures: z.array(z.strictObject({ date: draftText, ranges: draftRanges, label: draftText.optional() })).max(MAX_CLOSURES * 2),
  channels: z.strictObject({ sms: draftText.nullable(), whatsapp: draftText.nullable() }),
  emergency: z.strictObject({ phone: draftText, label: draftText }).nullable(),
});

/** A draft and the server version it was based on (sent as If-Match, so another PC's save is never overwritten silently). */
export const draftInputSchema = z.strictObject({ settings: settingsDraftSchema, baseVersion: z.int().min(0) });
export type Draft = z.infer<typeof draftInputSchema>;

const conflictChoiceSchema = z.enum(['keep-mine', 'use-theirs']);
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;

/** 0 turns the "you are still offline" reminder off. */
export const MAX_REMINDER_MINUTES = 8 * 60;

export const preferenceInputSchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('pcName'), value: z.string().trim().min(1, 'Enter a name for this PC').max(MAX_PC_NAME_LENGTH) }),
  z.strictObject({ key: z.literal('launchAtLogin'), value: z.boolean() }),
  z.strictObject({ key: z.literal('notifications'), value: z.boolean() }),
  z.strictObject({ key: z.literal('offlineReminderMinutes'), value: z.int().min(0).max(MAX_REMINDER_MINUTES) }),
]);
export type PreferenceInput = z.infer<typeof preferenceInputSchema>;

const dismissNoticeInputSchema = z.strictObject({ id: z.string().min(1).max(200) });

/** A page of the change history: the first without `before`, the next with the last page's `nextBefore`. */
const historyInputSchema = z.strictObject({ before: z.int().min(1).max(Number.MAX_SAFE_INTEGER).optional(), limit: z.int().min(1).max(MAX_HISTORY_PAGE_SIZE).optional() });
export type HistoryInput = z.infer<typeof historyInputSchema>;

// ---- Results: errors are values, with field paths the UI can show beside the field ----

export type AppErrorCode =
  | 'invalid-input' // the call's arguments did not match the contract
  | 'untrusted-sender' // the call did not come from our own window
  | 'not-connected'
  | 'unreachable'
  | 'unauthorized'
  | 'unknown-clinic'
  | 'invalid-settings' // the draft does not pass parseSettings
  | 'nothing-to-save'
  | 'no-conflict'
  | 'conflict' // a save waits for "Keep mine" / "Use theirs"; saving again is refused until then
  | 'storage' // the settings file could not be written
  | 'locked' // the value is set by the clinic's IT administrator (fleet configuration) and cannot be changed here
  | 'internal';

export type AppError = { code: AppErrorCode; message: string; fields?: FieldError[] };

/** A change answers with the snapshot after it (the window, which gets every snapshot pushed in order, needs only the first). */
export type AppResult = { ok: true; state: AppState } | { ok: false; error: AppError };

/** getHistory answers with the server's page (core/schemas/history.ts); reading changes no state. */
export type HistoryResult = { ok: true; history: HistoryResponse } | { ok: false; error: AppError };

/** restoreDraft answers the draft stashed by the last window, if it left unsaved changes. */
export type DraftResult = { ok: true; draft: Draft | null } | { ok: false; error: AppError };

// ---- State pushed to the renderer (main → renderer is trusted, so these are types, not schemas) ----

export type SyncState = 'not-connected' | 'connecting' | 'synced' | 'saving' | 'offline' | 'conflict' | 'error';

/** How the token sits on disk. `plain-text` is said out loud, never hidden (see `tokenStorageNote`). */
export type TokenStorage = 'encrypted' | 'plain-text';

export type ConnectionInfo = {
  serverUrl: string;
  clinicId: string;
  clinicName: string | null;
  tokenStorage: TokenStorage;
  /** Why the token is not encrypted, when it is not (e.g. no secret store on this Linux desktop). */
  tokenStorageNote: string | null;
};

export type SettingsVersion = number;

export type ServerCopy = {
  settings: ChatSettings;
  version: SettingsVersion;
  presence: Presence;
  /** When this PC last heard from the server (ISO instant). */
  receivedAt: string;
};

/** What the tray icon and the status line show; derived by main from availability and sync. */
export type StatusTone = 'accepting' | 'offline-by-switch' | 'outside-hours' | 'not-connected';

export type StatusInfo = {
  tone: StatusTone;
  /** The status sentence from core's message catalogue. */
  sentence: string;
  /** The next instant the status changes by itself (ISO), if known. */
  changesAt: string | null;
};

export type SyncInfo = {
  state: SyncState;
  pending: number;
  lastError: { code: AppErrorCode; message: string; at: string } | null;
  /** The newest save of ours the server has not confirmed yet; null when none, or while it is in conflict. */
  pendingSettings: ChatSettings | null;
  conflict: { mine: ChatSettings; theirs: { settings: ChatSettings; version: SettingsVersion } } | null;
  /** Since when (ISO) the server has not been reached or has refused; null while sync works. */
  failingSince: string | null;
};

export type Preferences = { pcName: string; launchAtLogin: boolean; notifications: boolean; offlineReminderMinutes: number };

/** `fleet-config`: a problem in the IT administrator's fleet configuration (fleet.json or command-line flags). */
export type NoticeKind = 'store-recovered' | 'store-data-dropped' | 'token-unreadable' | 'token-plain-text' | 'fleet-config';
export type Notice = { id: string; kind: NoticeKind; message: string };

/** The forgotten-offline reminder (core/offline-reminder.ts) as this PC applies it. */
export type ReminderInfo = {
  /** The switch has been Offline through `offlineReminderMinutes` of opening hours: say so, offer "Go online" and a snooze. */
  active: boolean;
  /** "Chat has been offline for 30 minutes during opening hours" while active, else null. */
  message: string | null;
  /** "Remind me in 15 minutes" was chosen for this offline episode: quiet until then (ISO), else null. */
  snoozedUntil: string | null;
};

/** Values an IT administrator can pre-set and lock for this PC (fleet configuration). */
export type ManagedSetting = 'serverUrl' | 'clinicId' | 'token' | 'pcName';

export type ManagedInfo = {
  /** Values staff cannot change on this PC: their fields are shown read-only, and main refuses changes. */
  locked: ManagedSetting[];
  /** Who manages them, to show beside those fields; null when nothing is locked. */
  note: string | null;
  /** The server address and clinic ID pre-set, for the connection form to start from (never the token). */
  prefill?: { serverUrl?: string; clinicId?: string };
};

export type AppState = {
  connection: ConnectionInfo | null;
  server: ServerCopy | null;
  /** The switch as this PC intends it: the server's presence with any unsent toggle of ours applied. */
  presence: Presence | null;
  availability: Availability | null;
  status: StatusInfo;
  sync: SyncInfo;
  preferences: Preferences;
  notices: Notice[];
  managed: ManagedInfo;
  reminder: ReminderInfo;
};

// ---- The API and its channels ----

export interface AppApi {
  getState(): Promise<AppResult>;
  connect(input: ConnectInput): Promise<AppResult>;
  disconnect(): Promise<AppResult>;
  setOnline(input: SetOnlineInput): Promise<AppResult>;
  /** Queues the draft for the server; field errors come back as values when parseSettings refuses it. */
  saveSettings(draft: Draft): Promise<AppResult>;
  /** Keeps unsaved changes on this PC (null: there are none), for the next window to restore. */
  stashDraft(draft: Draft | null): Promise<AppResult>;
  restoreDraft(): Promise<DraftResult>;
  resolveConflict(choice: ConflictChoice): Promise<AppResult>;
  setPreference(input: PreferenceInput): Promise<AppResult>;
  dismissNotice(input: { id: string }): Promise<AppResult>;
  /** "Remind me in 15 minutes": silences an active forgotten-offline reminder for this offline episode. */
  snoozeReminder(): Promise<AppResult>;
  /** The clinic's change history from the server, newest first, a page at a time (needs the server). */
  getHistory(input: HistoryInput): Promise<HistoryResult>;
  /** State snapshots pushed by main; returns the unsubscribe function. */
  subscribe(listener: (state: AppState) => void): () => void;
}

/** The request/response operations: every AppApi method except the push subscription. */
export type AppApiOperation = Exclude<keyof AppApi, 'subscribe'>;

/** What an operation answers: an AppResult, or a HistoryResult / DraftResult for the two reads. */
export type AppApiResult<K extends AppApiOperation> = Awaited<ReturnType<AppApi[K]>>;

/** Argument list of each operation, as tuples, so the gateway validates exactly what invoke sends. */
export const appApiArguments = {
  getState: z.tuple([]),
  connect: z.tuple([connectInputSchema]),
  disconnect: z.tuple([]),
  setOnline: z.tuple([setOnlineInputSchema]),
  saveSettings: z.tuple([draftInputSchema]),
  stashDraft: z.tuple([draftInputSchema.nullable()]),
  restoreDraft: z.tuple([]),
  resolveConflict: z.tuple([conflictChoiceSchema]),
  setPreference: z.tuple([preferenceInputSchema]),
  dismissNotice: z.tuple([dismissNoticeInputSchema]),
  snoozeReminder: z.tuple([]),
  getHistory: z.tuple([historyInputSchema]),
} as const satisfies Record<AppApiOperation, z.ZodType<unknown[]>>;

export type AppApiArguments<K extends AppApiOperation> = z.infer<(typeof appApiArguments)[K]>;

// The channel names live in app-channels.ts (importable by the sandboxed preload); this checks they
// name exactly the AppApi operations, no more and no fewer.
type ChannelKeysMatchApi = [keyof typeof appApiChannels, AppApiOperation] extends [AppApiOperation, keyof typeof appApiChannels] ? true : never;
const _channelKeysMatchApi: ChannelKeysMatchApi = true;

export const appApiOperations = Object.keys(appApiChannels) as AppApiOperation[];
