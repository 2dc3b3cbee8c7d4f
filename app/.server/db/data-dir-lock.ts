import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../errors';

/**
 * PGlite takes no lock on its folder and two writers corrupt it, so the app holds `<dir>.lock`
 * (pid + host) while the folder is open. A lock left by a killed process (pid gone) is taken over.
 */
export function acquireDataDirLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  const owner = JSON.stringify({ pid: process.pid, host: os.hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, owner, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === owner) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.host === os.hostname() && isAlive(holder.pid) && holder.pid !== process.pid) {
        throw new AppError(
          'UNAVAILABLE',
          `Le dossier de données ${dir} est déjà utilisé par le processus ${holder.pid} / data folder in use by pid ${holder.pid}. ` +
            'Arrêtez cet autre processus, ou choisissez un autre PGLITE_DIR.',
        );
      }
      if (holder && holder.host !== os.hostname()) {
        throw new AppError(
          'UNAVAILABLE',
          `Le dossier de données ${dir} est verrouillé par la machine ${holder.host} (pid ${holder.pid}). ` +
            `Supprimez ${lockPath} seulement si ce processus est arrêté.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('UNAVAILABLE', `Impossible de verrouiller ${dir} / could not lock the data folder.`);
}

function readHolder(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
