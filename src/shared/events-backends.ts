/** The backends events (payloads: BackendsEvents in contract-backends.ts). No imports: the preload may bundle it. */
export const BACKENDS_EVENT_NAMES = ['backends.daemon.progress', 'backends.desktop.progress'] as const;
