// Where this PC looks for updates, and whether it looks at all. No Electron import: the composition
// root passes in what it read (app.isPackaged, the app-update.yml that electron-builder wrote beside
// app.asar), so every rule here is tested under plain Node.
import { z } from 'zod';
import type { Fleet } from '../fleet/fleet.ts';

// Update feeds carry the code PCs will run: plain HTTP would let anyone on the network path swap it.
export const updateFeedSchema = z.url({ protocol: /^https$/, error: 'The update feed must be an https:// address' }).max(2048);

/**
 * Built into a package made without CHATDESK_UPDATE_FEED (scripts/dist.ts): `.invalid` never resolves
 * (RFC 2606), and any such host counts as "no feed".
 */
export const placeholderUpdateFeed = 'https://updates.invalid/clinic-chat-desk/';

export type UpdateFeedChoice =
  | { enabled: true; url: string; source: 'flag' | 'file' | 'environment' | 'build' }
  | { enabled: false; reason: string };

export type UpdateFeedInputs = {
  fleet: Fleet;
  env: Record<string, string | undefined>;
  isPackaged: boolean;
  /** Text of resources/app-update.yml, or null when the file is not there. */
  builtInConfig: string | null;
};

/** The `url:` electron-builder writes into app-update.yml (a flat YAML map we produce ourselves). */
export function builtInFeedUrl(appUpdateYml: string): string | null {
  const match = /^url:\s*(['"]?)(.+?)\1\s*$/m.exec(appUpdateYml);
  return match?.[2] ?? null;
}

function usableFeed(url: string | null | undefined): string | null {
  if (!url) return null;
  const result = updateFeedSchema.safeParse(url.trim());
  if (!result.success || new URL(result.data).hostname.endsWith('.invalid')) return null;
  return result.data;
}

/** Precedence: fleet flag > fleet.json > CHATDESK_UPDATE_FEED > the feed built into the package. */
export function chooseUpdateFeed({ fleet, env, isPackaged, builtInConfig }: UpdateFeedInputs): UpdateFeedChoice {
  if (fleet.values.autoUpdate === false) return { enabled: false, reason: 'Automatic updates are turned off by the administrator (autoUpdate: false).' };
  // electron-updater only works in an installed app; a development run would just log a skip.
  if (!isPackaged) return { enabled: false, reason: 'Not an installed app: updates are checked only in packaged builds.' };

  const fromFleet = fleet.values.updateFeed;
  if (fromFleet !== undefined) return { enabled: true, url: fromFleet, source: fleet.from.updateFeed ?? 'file' };
  const environment = env.CHATDESK_UPDATE_FEED?.trim();
  if (environment) {
    const fromEnvironment = usableFeed(environment);
    if (fromEnvironment === null) return { enabled: false, reason: 'CHATDESK_UPDATE_FEED is not a usable https:// address.' };
    return { enabled: true, url: fromEnvironment, source: 'environment' };
  }
  const builtIn = usableFeed(builtInConfig === null ? null : builtInFeedUrl(builtInConfig));
  if (builtIn !== null) return { enabled: true, url: builtIn, source: 'build' };
  return { enabled: false, reason: 'No update feed is configured (set updateFeed in fleet.json).' };
}
