import fs from 'node:fs/promises';
import path from 'node:path';
import { assertValidKey, type FileStorage } from './file-storage';

/** Files under a folder; the content type is kept in a sidecar so reads return what was written. */
export function localFileStorage(root: string): FileStorage {
  const locate = (key: string) => {
    assertValidKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, body, contentType) {
      const file = locate(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, body);
      await fs.writeFile(`${file}.type`, contentType);
      await fs.rename(temp, file);
    },
    async get(key) {
      const file = locate(key);
      try {
        const [body, contentType] = await Promise.all([fs.readFile(file), fs.readFile(`${file}.type`, 'utf8')]);
        return { body: new Uint8Array(body), contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      const file = locate(key);
      await fs.rm(file, { force: true });
      await fs.rm(`${file}.type`, { force: true });
    },
  };
}
