// The few file operations discovery needs, behind an interface so tests can lay out a home
// directory (or fake a Windows pipe) without touching the real one.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export interface HostFs {
  /** The file's text, or null when it does not exist. Other errors throw. */
  readText(path: string): string | null;
  /** Names in a folder, or [] when it does not exist. */
  list(path: string): string[];
  /** True when something (a file, a socket, a pipe) exists at the path. */
  exists(path: string): boolean;
}

export const nodeHostFs: HostFs = {
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  list(path) {
    try {
      return readdirSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw error;
    }
  },
  exists(path) {
    return existsSync(path);
  },
};
