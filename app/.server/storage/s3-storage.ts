import { AwsClient } from 'aws4fetch';
import { assertValidKey, type FileStorage } from './file-storage';

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Any S3-compatible object storage (path-style URLs work with MinIO, Garage, Scaleway, OVH…). */
export function s3FileStorage(config: S3Config, fetchImpl: typeof fetch = fetch): FileStorage {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: 's3',
  });
  const base = `${config.endpoint.replace(/\/$/, '')}/${encodeURIComponent(config.bucket)}`;
  const url = (key: string) => {
    assertValidKey(key);
    return `${base}/${key.split('/').map(encodeURIComponent).join('/')}`;
  };
  const send = async (request: Request) => fetchImpl(await client.sign(request));

  return {
    async put(key, body, contentType) {
      const response = await send(
        new Request(url(key), { method: 'PUT', body: new Uint8Array(body), headers: { 'content-type': contentType } }),
      );
      if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${await response.text()}`);
    },
    async get(key) {
      const response = await send(new Request(url(key), { method: 'GET' }));
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`S3 GET ${key} failed: ${response.status}`);
      return {
        body: new Uint8Array(await response.arrayBuffer()),
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      };
    },
    async delete(key) {
      const response = await send(new Request(url(key), { method: 'DELETE' }));
      if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${response.status}`);
    },
  };
}
