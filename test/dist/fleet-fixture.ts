// A fleet configuration built the way loadFleet builds it, from fleet.json values and flags, without
// touching the disk (the loader's file handling is tested in fleet-config.test.ts).
import { mergeFleet, parseFleetFile, parseFleetFlags } from '../../main/fleet/fleet.ts';
import type { Fleet } from '../../main/fleet/fleet.ts';

export const fixtureFleetPath = '/etc/clinic-chat-desk/fleet.json';

export function fleetFrom(file: Record<string, unknown> = {}, argv: string[] = []): Fleet {
  return mergeFleet(parseFleetFile(JSON.stringify(file), fixtureFleetPath), parseFleetFlags(argv), { path: fixtureFleetPath, state: 'read' });
}
