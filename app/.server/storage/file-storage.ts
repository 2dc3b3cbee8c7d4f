/** Uploaded and generated files (photos, PDFs): one interface, a local folder or S3-compatible storage behind it. */
export interface StoredObject {
  body: Uint8Array;
  contentType: string;
}

export interface FileStorage {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

const keyPattern = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/** Keys come from our own code, but a bad one must never escape the storage root. */
export function assertValidKey(key: string): void {
  if (!keyPattern.test(key) || key.includes('..') || key.includes('//')) {
    throw new Error(`Invalid storage key: ${key}`);
  }
}
