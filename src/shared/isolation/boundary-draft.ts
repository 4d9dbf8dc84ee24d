// A finding before it is judged on the container's rung (boundary-reach.ts).
import type { BoundaryCode, BoundarySeverity, BoundarySource } from '../model/boundary';
import type { WeakeningKind } from './boundary-reach';

export type Draft =
  | { effect: 'weakens'; code: BoundaryCode; kind: WeakeningKind; severity: BoundarySeverity; setting: string; detail: string | null; source: BoundarySource }
  | { effect: 'strengthens' | 'unknown'; code: BoundaryCode; setting: string; detail: string | null; source: BoundarySource };

export const weakens = (
  code: BoundaryCode,
  kind: WeakeningKind,
  severity: BoundarySeverity,
  setting: string,
  source: BoundarySource,
  detail: string | null = null,
): Draft => ({ effect: 'weakens', code, kind, severity, setting, detail, source });

export const strengthens = (code: BoundaryCode, setting: string, source: BoundarySource): Draft => ({
  effect: 'strengthens',
  code,
  setting,
  detail: null,
  source,
});

export const unknown = (code: BoundaryCode, setting: string, source: BoundarySource): Draft => ({ effect: 'unknown', code, setting, detail: null, source });
