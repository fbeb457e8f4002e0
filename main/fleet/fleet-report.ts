// Fleet configuration in words: one line per problem for the window and the log, and a summary of
// what was pre-set for the log, with the token never written out.
import type { FleetConfig, FleetError } from './fleet-schema.ts';
import { fleetKeys } from './fleet-schema.ts';

/** `C:\ProgramData\…\fleet.json, serverUrl: Enter the server address…` */
export function fleetErrorLine(error: FleetError): string {
  const where = error.path === '' ? error.source : `${error.source}, ${error.path}`;
  return `${where}: ${error.message}`;
}

/** The notice text for staff (and IT looking over their shoulder), or null when all is well. */
export function fleetErrorNotice(config: FleetConfig): string | null {
  if (config.errors.length === 0) return null;
  const lines = config.errors.map((error) => `• ${fleetErrorLine(error)}`);
  return `Some settings pre-set by your IT administrator could not be used; tell them:\n${lines.join('\n')}`;
}

/** For the log at start: what was pre-set, from where, and what is locked. */
export function fleetLogSummary(config: FleetConfig): string {
  const parts = fleetKeys.flatMap((key) => {
    const value = config.values[key];
    if (value === undefined) return [];
    const shown = key === 'token' ? '(set)' : JSON.stringify(value);
    const source = config.sources[key];
    const from = source?.kind === 'flag' ? 'flag' : 'file';
    return [`${key}=${shown} [${from}${config.locked.includes(key) ? ', locked' : ''}]`];
  });
  const preset = parts.length > 0 ? parts.join(' ') : 'nothing pre-set';
  return `Fleet configuration (${config.file.path}: ${config.file.state}): ${preset}; ${config.errors.length} problem(s)`;
}
