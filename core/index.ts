// The availability core: pure TypeScript (luxon and zod only), shared by the app, the server and the widget.
export * from './schedule.ts';
export * from './availability.ts';
export * from './wording.ts';
export { isValidTimeZone } from './zone-clock.ts';
export * from './offline-reminder.ts';
export * from './hours-preview.ts';
export * from './settings-diff.ts';
