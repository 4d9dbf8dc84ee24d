/** The dashboard's event names (payloads: DashboardEvents in contract-dashboard.ts). No imports: the preload may bundle it. */
export const DASHBOARD_EVENT_NAMES = ['stream.data', 'stream.end', 'images.changed', 'volumes.changed', 'networks.changed'] as const;
