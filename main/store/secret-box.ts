// How the access token is protected at rest. Electron's safeStorage implements this in store.electron.ts;
// anywhere else (the preview host, tests) there is no OS secret store, and we say so rather than pretend.
import { storeMessages } from '../controller/app-messages.ts';

export interface SecretBox {
  isEncryptionAvailable(): boolean;
  /** Returns ciphertext as a string safe to keep in JSON (e.g. base64). */
  encrypt(plainText: string): string;
  decrypt(cipherText: string): string;
}

/** The box used outside Electron: it never encrypts, so the store keeps the token as plain text. */
export const noSecretBox: SecretBox = {
  isEncryptionAvailable: () => false,
  encrypt: () => {
    throw new Error('No secret store is available in this process.');
  },
  decrypt: () => {
    throw new Error('No secret store is available in this process.');
  },
};

type LinuxSecretBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/**
 * Why a token would be stored as plain text on this system, or null when the OS really protects it.
 * On Linux without a keyring, safeStorage "encrypts" with a key hard-coded in Chromium (`basic_text`):
 * that is obfuscation, not protection, so we count it as unavailable and say so.
 */
export function plainTextReason(system: {
  platform: NodeJS.Platform;
  encryptionAvailable: boolean;
  linuxBackend?: LinuxSecretBackend;
}): string | null {
  if (!system.encryptionAvailable) return storeMessages.noSecretStore;
  if (system.platform === 'linux' && (system.linuxBackend === 'basic_text' || system.linuxBackend === 'unknown')) {
    return storeMessages.noLinuxKeyring;
  }
  return null;
}
