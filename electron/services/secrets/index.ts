export { ODOO_API_KEY, SecretName, SecretStorageError } from './secret-store';
export type { SecretStore, SecretStoreKind } from './secret-store';
export { EncryptedFileSecretStore, encryptedFileSecretStore } from './encrypted-file-secret-store';
export type { EncryptedFileSecretStoreOptions } from './encrypted-file-secret-store';
export { SafeStorageSecretStore } from './safe-storage-secret-store';
export type { SafeStorageLike } from './safe-storage-secret-store';
export { secretKeyDirectory, secretKeyFile } from './key-location';
