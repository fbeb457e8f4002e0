// The timed breaks beside the Online/Offline switch, offered the same in the window and the tray.
// Zod-free, so the renderer's first load can import it. A break is asked for by its length
// (`setOnline({ online: false, offlineForMinutes })`) and main sets its end on the server-corrected
// clock: an end worked out from a PC clock five minutes slow would make "15 minutes" last 10.

/** The break lengths staff can pick, in minutes, shortest first. */
export const timedBreakMinutes = [15, 30, 60] as const;
export type TimedBreakMinutes = (typeof timedBreakMinutes)[number];

/** The longest `offlineForMinutes` the AppApi accepts; a longer absence is a closure or "until I switch back". */
export const MAX_TIMED_BREAK_MINUTES = 24 * 60;
