// What the UI sees of a change of isolation: the advice before it, progress during it, the report
// after it, and what Silo did on its own after an interruption. Plain data, codes not sentences.
import type { SiloError } from '../errors';
import type { GvisorLimit, MoveTarget } from '../isolation/gvisor-limits';
import type { PlanIssue, RecreateStep } from '../isolation/recreate-plan';
import type { OptionsNote } from '../isolation/recreate-options';
import type { WindowsCompat } from '../isolation/windows-compat';
import type { Rung } from './isolation';

/** The person's answer about a writable layer that holds changes. */
export const WRITABLE_LAYER_CHOICES = ['keep', 'discard'] as const;
export type WritableLayerDecision = (typeof WRITABLE_LAYER_CHOICES)[number];

export interface LadderPosition {
  /** A runtime name (Linux) or a Windows isolation mode. */
  mode: string;
  rung: Rung;
}

export interface LayerChange {
  path: string;
  kind: 'modified' | 'added' | 'deleted';
}

export interface WritableLayerReport {
  /** The person's changes, without the mount points the engine created. */
  changed: boolean;
  count: number;
  /** The first few, for the dialog. */
  sample: LayerChange[];
  /** The container runs on gVisor: its changes list can miss files. */
  mayBeIncomplete: boolean;
  /** Changes exist and no choice was given: the move waits for the person. */
  choiceRequired: boolean;
  choice: WritableLayerDecision | null;
}

/** What the new container keeps, in short, for the dialog. */
export interface KeptSettings {
  image: string;
  /** `same-image`, or the reference moved to another image (the id is used), or it is gone. */
  imageReason: 'same-image' | 'reference-moved' | 'reference-missing' | 'commit';
  volumes: Array<{ name: string; destination: string; anonymous: boolean; readOnly: boolean }>;
  binds: string[];
  networks: string[];
  ports: string[];
  restartPolicy: string;
  env: number;
  labels: number;
  running: boolean;
  notes: OptionsNote[];
}

export interface MoveAdvice {
  containerId: string;
  name: string;
  before: LadderPosition;
  after: LadderPosition;
  /** The runtimes or modes the engine really offers for a move, without the current one. */
  targets: MoveTarget[];
  /** It already runs under the target: a move of several leaves it as it is (no blockers then). */
  alreadyThere: boolean;
  /** Anything here: the move will be refused. */
  blockers: PlanIssue[];
  warnings: PlanIssue[];
  gvisorLimits: GvisorLimit[];
  /**
   * What will not work as before under the target (the `warns` limits, e.g. a runtime registered
   * with --network=none cutting the container's network): the person must acknowledge it.
   */
  mustAcknowledge: GvisorLimit['code'][];
  /** How long the stop step waits for the container to end before the engine kills it, in s. */
  graceSeconds: number;
  writableLayer: WritableLayerReport;
  keeps: KeptSettings;
  /** The steps, in order, for the choice given (or `keep` while the choice is still open). */
  steps: RecreateStep[];
  /** Windows: the image against this host, per isolation mode; null on Linux. */
  windows: WindowsCompat | null;
  composeProject: string | null;
}

export interface IsolationTargets {
  containerId: string;
  current: LadderPosition;
  targets: MoveTarget[];
}

export type ProgressPhase = 'step' | 'undo' | 'recover' | 'finish';
export type ProgressStatus = 'running' | 'done' | 'failed';

/**
 * One step of a move, as it happens. `step` is a RecreateStep, UndoAction or RecoveryAction kind;
 * with phase `finish` (one per container, last) it is the container's MoveOutcome.
 */
export interface MoveProgress {
  operationId: string;
  /** The original container's id. */
  containerId: string;
  containerName: string;
  step: string;
  phase: ProgressPhase;
  status: ProgressStatus;
  /** Position among the container's steps (or undo actions), from 0, and how many there are. */
  index: number;
  total: number;
  error: SiloError | null;
}

/**
 * What became of one container. `moved`: it runs under the new isolation; `restored`: a step
 * failed and the original is back; `unchanged`: nothing was done to it; `unrecovered`: the
 * rollback failed too (Silo finishes it when the engine is back, from its journal);
 * `already-there`: it already ran under the target and stays as it is.
 */
export type MoveOutcome = 'moved' | 'restored' | 'unchanged' | 'unrecovered' | 'already-there';

export interface RollbackReport {
  ok: boolean;
  /** The undo action that failed, if one did. */
  failedAction: string | null;
  error: SiloError | null;
}

export interface ContainerMoveReport {
  id: string;
  name: string;
  outcome: MoveOutcome;
  /** The container that now holds the name after a move. */
  newId: string | null;
  failedStep: string | null;
  error: SiloError | null;
  rollback: RollbackReport | null;
  /** The image the writable layer was committed to, when the person kept it. */
  keptImage: string | null;
  /** The old container could not be removed after the move: it waits under this name. */
  leftover: string | null;
  warnings: PlanIssue[];
}

/** One compose project (all or nothing), or one container on its own. */
export interface MoveGroupReport {
  project: string | null;
  ok: boolean;
  containers: ContainerMoveReport[];
}

export interface MoveReport {
  operationId: string;
  target: string;
  ok: boolean;
  groups: MoveGroupReport[];
}

/** Silo found an interrupted move on connecting and finished or undid it. */
export interface RecoveryReport {
  operationId: string;
  at: number;
  /** True when every container ended up whole under its name. */
  ok: boolean;
  containers: Array<{
    name: string;
    outcome: 'original' | 'moved';
    actions: string[];
    ok: boolean;
    error: SiloError | null;
  }>;
}
