// Window bounds, remembered between runs. A file that cannot be read just means default bounds.
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const Bounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof Bounds>;

export const DEFAULT_BOUNDS: WindowBounds = { width: 1200, height: 780, maximized: false };

export function readBounds(file: string): WindowBounds {
  try {
    return Bounds.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { ...DEFAULT_BOUNDS };
  }
}

export function writeBounds(file: string, bounds: WindowBounds): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(bounds) + '\n', { mode: 0o600 });
  renameSync(temporary, file);
}
