// The person's settings, in one JSON file. Written atomically; a file Silo cannot read is set
// aside (never deleted) and the defaults are used.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PREFERENCES, DENSITIES, LANGUAGES, THEMES, type Preferences } from '../../shared/model/preferences';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, securePrivateFolder } from './private-folder';

// A value Silo does not know (a newer Silo's, a hand edit) falls back to its default alone.
const PreferencesFile = z
  .object({
    language: z.enum(LANGUAGES).nullable().catch(null),
    theme: z.enum(THEMES).catch(DEFAULT_PREFERENCES.theme),
    density: z.enum(DENSITIES).catch(DEFAULT_PREFERENCES.density),
  })
  .partial();

export class PreferencesStore {
  private value: Preferences;
  private readonly listeners = new Set<(s: Preferences) => void>();
  readonly file: string;

  constructor(
    dir: string,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.file = join(dir, 'settings.json');
    // The config folder is the person's alone: 0700, its files 0600 (an older one is tightened).
    securePrivateFolder(dir, warn);
    this.value = this.read();
  }

  get(): Preferences {
    return { ...this.value };
  }

  update(change: Partial<Preferences>): Preferences {
    const next: Preferences = { ...this.value };
    if (change.language !== undefined) next.language = change.language;
    if (change.theme !== undefined) next.theme = change.theme;
    if (change.density !== undefined) next.density = change.density;
    this.value = next;
    this.write();
    for (const listener of this.listeners) listener(this.get());
    return this.get();
  }

  on(listener: (s: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): Preferences {
    if (!existsSync(this.file)) return { ...DEFAULT_PREFERENCES };
    try {
      const parsed = PreferencesFile.parse(JSON.parse(readFileSync(this.file, 'utf8')));
      return { ...DEFAULT_PREFERENCES, ...parsed };
    } catch (error) {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      this.warn(`settings file could not be read (${(error as Error).message}); kept as ${aside}`);
      return { ...DEFAULT_PREFERENCES };
    }
  }

  private write(): void {
    mkdirSync(join(this.file, '..'), { recursive: true, mode: PRIVATE_DIR_MODE });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.value, null, 2) + '\n', { mode: PRIVATE_FILE_MODE });
    renameSync(temporary, this.file);
  }
}
