// The engine's refusals about images, volumes, networks and pulls, as codes. Pure: matches the
// engine's own words (Docker 20.10 and newer moby), then falls back to the container rules.
import { SiloFailure, siloError, type SiloError } from '../../shared/errors';
import { engineMessage, isConnectionError, mapConnectionError, mapEngineError } from '../engine/errors';

interface Rule {
  test: RegExp;
  code: SiloError['code'];
  params?: (match: RegExpMatchArray) => Record<string, string>;
}

// Order matters: the more specific sentence first.
const RULES: Rule[] = [
  // images
  { test: /image is being used by (?:running|stopped) container ([0-9a-f]+)/i, code: 'image-in-use', params: (m) => ({ container: m[1] ?? '' }) },
  { test: /image has dependent child images/i, code: 'image-in-use' },
  { test: /referenced in multiple repositories/i, code: 'image-multiple-tags' },
  { test: /invalid reference format/i, code: 'invalid-reference' },
  { test: /no basic auth credentials/i, code: 'registry-login-needed' },
  { test: /pull access denied|repository does not exist|unauthorized|denied: requested access|authentication required/i, code: 'pull-access-denied' },
  { test: /manifest unknown|manifest for \S+ not found|not found: manifest/i, code: 'manifest-not-found' },
  { test: /no such image:?\s*(\S*)/i, code: 'image-not-found', params: (m): Record<string, string> => (m[1] ? { image: m[1] } : {}) },
  {
    test: /error processing tar file|archive\/tar|invalid tar header|unexpected EOF|does not look like a tar|open \S*manifest\.json|no such file or directory.*repositories/i,
    code: 'invalid-archive',
  },
  // volumes
  { test: /volume is in use/i, code: 'volume-in-use' },
  { test: /no such volume/i, code: 'volume-not-found' },
  // networks
  // dockerd's words, then Podman's (for its `podman` network, which its compatible API also calls `bridge`)
  { test: /is a pre-defined network and cannot be removed|pre-defined network|default network \S+ cannot be removed/i, code: 'network-predefined' },
  { test: /has active endpoints/i, code: 'network-in-use' },
  { test: /network with name (\S+) already exists/i, code: 'network-name-conflict', params: (m) => ({ name: m[1] ?? '' }) },
  { test: /endpoint with name \S+ already exists in network|already exists in network|is already attached to network/i, code: 'already-connected' },
  { test: /is not connected to (?:the )?network/i, code: 'not-connected' },
  {
    test: /cannot be connected to multiple networks with one of the networks in private \(none\) mode|cannot be disconnected from host network|connected to host network|container sharing network namespace|cannot join the network namespace/i,
    code: 'network-not-allowed',
  },
  { test: /network \S+ not found|no such network/i, code: 'network-not-found' },
];

/** Words of a registry that cannot be reached, as the engine passes them on. */
const REGISTRY_UNREACHABLE =
  /connection refused|no such host|i\/o timeout|dial tcp|TLS handshake timeout|Client\.Timeout|context deadline exceeded|server gave HTTP response to HTTPS client|network is unreachable|connection reset by peer|EOF$/i;

export function mapDashboardError(error: unknown, params: Record<string, string> = {}): SiloError {
  if (error instanceof SiloFailure) return error.error;
  if (isConnectionError(error)) return mapConnectionError(error);
  const detail = engineMessage(error);
  for (const rule of RULES) {
    const match = detail.match(rule.test);
    if (match) return siloError(rule.code, { params: { ...params, ...rule.params?.(match) }, detail });
  }
  return mapEngineError(error, params.name);
}

/** A failed pull's words (an HTTP error, or an error line in the progress stream). */
export function mapPullError(message: string, reference: string): SiloError {
  const params = { reference };
  const pullRules = RULES.filter((r) =>
    ['invalid-reference', 'registry-login-needed', 'pull-access-denied', 'manifest-not-found', 'image-not-found'].includes(r.code),
  );
  for (const rule of pullRules) {
    if (rule.test.test(message)) return siloError(rule.code, { params, detail: message });
  }
  if (REGISTRY_UNREACHABLE.test(message)) return siloError('registry-unreachable', { params, detail: message });
  return siloError('engine-error', { params, detail: message });
}

/** A failure as a SiloFailure (for throwing). */
export function dashboardFailure(error: unknown, params: Record<string, string> = {}): SiloFailure {
  return error instanceof SiloFailure ? error : new SiloFailure(mapDashboardError(error, params));
}
