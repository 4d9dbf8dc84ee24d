import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Silo keeps its files: SILO_CONFIG_DIR, else the platform's per-user config folder. */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SILO_CONFIG_DIR) return env.SILO_CONFIG_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Silo');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Silo');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Silo');
}
