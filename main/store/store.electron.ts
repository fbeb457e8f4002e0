// Builds the app store's backing file with electron-store in the Electron main process (conf is used
// under plain Node). Same options, translated to electron-store's spelling.
import ElectronStore from 'electron-store';
import type { Options as ElectronStoreOptions } from 'electron-store';
import type { BackingStoreFactory } from './store.ts';
import type { StoreShape } from './store-schema.ts';

export const createElectronStoreBacking: BackingStoreFactory = (options) => {
  const { configName, projectVersion, ...rest } = options;
  // electron-store names the file with `name`, and its types hide `projectVersion`; at runtime it keeps
  // one given to it (`projectVersion ||= app version`), so migrations follow the store's layout
  // version, not the app's version.
  const electronOptions = { ...rest, name: configName, projectVersion } as ElectronStoreOptions<StoreShape>;
  return new ElectronStore<StoreShape>(electronOptions);
};
