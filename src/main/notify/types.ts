// What the notifications are made of: incidents seen on containers, the person's choice of which
// kinds to be told about, and the notices decided from them. Plain data, times in epoch ms.

export const INCIDENT_KINDS = ['died', 'oom', 'unhealthy'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface ContainerIncident {
  kind: IncidentKind;
  at: number;
  id: string;
  name: string;
  /** The exit code, for `died`. */
  exitCode: number | null;
}

/** Each kind can be turned off in Silo's preferences. */
export type NotifyPreferences = Record<IncidentKind, boolean>;
export const DEFAULT_NOTIFY_PREFERENCES: NotifyPreferences = { died: true, oom: true, unhealthy: true };

export interface Notice {
  /** Increasing; a summary names the notices it stands for in `replaces`. */
  id: number;
  /** The incidents' kind, or `mixed` for a summary of several kinds. */
  kind: IncidentKind | 'mixed';
  summary: boolean;
  incidents: ContainerIncident[];
  /** Notices shown before that this summary stands for: the glue closes them. */
  replaces: number[];
}
