// A fleet configuration built the way loadFleetConfig builds it, from fleet.json values and flags,
// without touching the disk (the loader's file handling is tested in fleet-config.test.ts).
import { mergeFleetLayers, parseFleetFile, parseFleetFlags } from '../../main/fleet/fleet-config.ts';
import type { FleetConfig } from '../../main/fleet/fleet-schema.ts';

export const fixtureFleetPath = '/etc/clinic-chat-desk/fleet.json';

export function fleetFrom(file: Record<string, unknown> = {}, argv: string[] = []): FleetConfig {
  const merged = mergeFleetLayers(parseFleetFile(JSON.stringify(file), fixtureFleetPath), parseFleetFlags(argv), fixtureFleetPath);
  return { ...merged, file: { path: fixtureFleetPath, state: 'read' } };
}
