// The journal of a move in progress: one small JSON file per group (a container, or a compose
// project) in Silo's config folder, written atomically (a temporary file, flushed, then renamed)
// before and after every step. If Silo or the engine stops mid-way, the next connection to that
// engine reads it and finishes or undoes the move (recovery.ts).
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, renameSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RecreatePlan } from '../../shared/isolation/recreate-plan';

export type JournalPhase = 'moving' | 'rolling-back' | 'committed';

export interface JournalMember {
  plan: RecreatePlan;
  /** Steps done, in order. */
  completed: number;
  /** The new container, once created. */
  newId: string | null;
}

export interface JournalEntry {
  version: 1;
  /** `<operationId>.<group>`: the file's name. */
  key: string;
  operationId: string;
  /** The engine endpoint (its host URL): recovery runs only against the same engine. */
  endpoint: string;
  startedAt: number;
  phase: JournalPhase;
  members: JournalMember[];
}

const SAFE_KEY = /^[A-Za-z0-9_.-]{1,128}$/;

export class Journal {
  constructor(readonly dir: string) {}

  save(entry: JournalEntry): void {
    if (!SAFE_KEY.test(entry.key)) throw new Error(`bad journal key ${entry.key}`);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, `${entry.key}.json`);
    const temporary = `${path}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(entry));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  }

  remove(key: string): void {
    if (SAFE_KEY.test(key)) rmSync(join(this.dir, `${key}.json`), { force: true });
  }

  /** Every readable entry (for one endpoint, when given), oldest first. Unreadable files are reported, not thrown. */
  list(endpoint?: string, onProblem: (line: string) => void = () => undefined): JournalEntry[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const entries: JournalEntry[] = [];
    for (const name of names) {
      try {
        const entry = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as JournalEntry;
        if (entry.version !== 1 || !Array.isArray(entry.members)) throw new Error('not a journal entry');
        if (endpoint === undefined || entry.endpoint === endpoint) entries.push(entry);
      } catch (error) {
        onProblem(`journal ${name}: ${(error as Error).message}`);
      }
    }
    return entries.sort((a, b) => a.startedAt - b.startedAt);
  }
}
