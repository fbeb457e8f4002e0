// Electron's safeStorage as the store's SecretBox. Call after app 'ready': before it, Linux reports no
// backend and Windows no key. A box that would only obfuscate reports itself unavailable.
import { safeStorage } from 'electron';
import { plainTextReason } from './secret-box.ts';
import type { SecretBox } from './secret-box.ts';

export function safeStorageBox(): { secretBox: SecretBox; plainTextReason: string | null } {
  const reason = plainTextReason({
    platform: process.platform,
    // The synchronous API is deprecated in Electron 45 but still supported; the store is synchronous.
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    ...(process.platform === 'linux' ? { linuxBackend: safeStorage.getSelectedStorageBackend() } : {}),
  });
  const secretBox: SecretBox = {
    isEncryptionAvailable: () => reason === null,
    encrypt: (plainText) => safeStorage.encryptString(plainText).toString('base64'),
    decrypt: (cipherText) => safeStorage.decryptString(Buffer.from(cipherText, 'base64')),
  };
  return { secretBox, plainTextReason: reason };
}
