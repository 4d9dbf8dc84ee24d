// The keys dockerd (20.10 and later) accepts in daemon.json, with the type of each value.
// dockerd refuses to start, and a reload fails, on a key that matches none of its options
// ("the following directives don't match any configuration option"), so Silo refuses it first.
// Sources: moby cmd/dockerd/config.go, config_unix.go, config_windows.go, options.go, and
// `dockerd --help` of the Debian 20.10.24 engine; keys removed later (cluster-*, graph) are kept
// so that an older engine's file is not refused.

export type KeyType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'string-list'
  /** An object whose values are strings (log-opts). */
  | 'string-map'
  /** An object whose values are booleans (features). */
  | 'boolean-map'
  | 'object'
  | 'runtimes'
  | 'address-pools'
  /** Anything: dockerd does not check it (builder) or Silo has no rule for it. */
  | 'any';

export type KeyPlatform = 'all' | 'linux';

export interface KeyRule {
  type: KeyType;
  platform: KeyPlatform;
}

const all = (type: KeyType): KeyRule => ({ type, platform: 'all' });
const linux = (type: KeyType): KeyRule => ({ type, platform: 'linux' });

export const DAEMON_KEYS: Readonly<Record<string, KeyRule>> = {
  'allow-nondistributable-artifacts': all('string-list'),
  'api-cors-header': all('string'),
  'authorization-plugins': all('string-list'),
  bridge: all('string'),
  builder: all('any'),
  'cdi-spec-dirs': all('string-list'),
  'cluster-advertise': all('string'),
  'cluster-store': all('string'),
  'cluster-store-opts': all('string-map'),
  containerd: all('string'),
  'containerd-namespace': all('string'),
  'containerd-plugins-namespace': all('string'),
  'cri-containerd': all('boolean'),
  'data-root': all('string'),
  debug: all('boolean'),
  'default-network-opts': all('object'),
  'default-runtime': all('string'),
  dns: all('string-list'),
  'dns-opts': all('string-list'),
  'dns-search': all('string-list'),
  'exec-opts': all('string-list'),
  'exec-root': all('string'),
  experimental: all('boolean'),
  features: all('boolean-map'),
  'firewall-backend': all('string'),
  'fixed-cidr': all('string'),
  graph: all('string'),
  group: all('string'),
  'host-gateway-ip': all('string'),
  'host-gateway-ips': all('string-list'),
  hosts: all('string-list'),
  'http-proxy': all('string'),
  'https-proxy': all('string'),
  'insecure-registries': all('string-list'),
  labels: all('string-list'),
  'log-driver': all('string'),
  'log-format': all('string'),
  'log-level': all('string'),
  'log-opts': all('string-map'),
  'max-concurrent-downloads': all('integer'),
  'max-concurrent-uploads': all('integer'),
  'max-download-attempts': all('integer'),
  'metrics-addr': all('string'),
  mtu: all('integer'),
  'network-control-plane-mtu': all('integer'),
  'network-diagnostic-port': all('integer'),
  'no-proxy': all('string'),
  'node-generic-resources': all('string-list'),
  pidfile: all('string'),
  proxies: all('object'),
  'raw-logs': all('boolean'),
  'registry-mirrors': all('string-list'),
  'shutdown-timeout': all('integer'),
  'storage-driver': all('string'),
  'storage-opts': all('string-list'),
  'swarm-default-advertise-addr': all('string'),
  tls: all('boolean'),
  tlscacert: all('string'),
  tlscert: all('string'),
  tlskey: all('string'),
  tlsverify: all('boolean'),

  'allow-direct-routing': linux('boolean'),
  bip: linux('string'),
  bip6: linux('string'),
  'bridge-accept-fwmark': linux('string'),
  'cgroup-parent': linux('string'),
  'cpu-rt-period': linux('integer'),
  'cpu-rt-runtime': linux('integer'),
  'default-address-pools': linux('address-pools'),
  'default-cgroupns-mode': linux('string'),
  'default-gateway': linux('string'),
  'default-gateway-v6': linux('string'),
  'default-ipc-mode': linux('string'),
  'default-shm-size': linux('string'),
  'default-ulimits': linux('object'),
  'fixed-cidr-v6': linux('string'),
  icc: linux('boolean'),
  init: linux('boolean'),
  'init-path': linux('string'),
  ip: linux('string'),
  'ip-forward': linux('boolean'),
  'ip-forward-no-drop': linux('boolean'),
  'ip-masq': linux('boolean'),
  ip6tables: linux('boolean'),
  iptables: linux('boolean'),
  ipv6: linux('boolean'),
  'live-restore': linux('boolean'),
  'no-new-privileges': linux('boolean'),
  'oom-score-adjust': linux('integer'),
  rootless: linux('boolean'),
  runtimes: linux('runtimes'),
  'seccomp-profile': linux('string'),
  'selinux-enabled': linux('boolean'),
  'userland-proxy': linux('boolean'),
  'userland-proxy-path': linux('string'),
  'userns-remap': linux('string'),
};

/** Runtimes every Linux dockerd has; a daemon.json may not redefine them. */
export const BUILTIN_RUNTIMES: readonly string[] = ['runc', 'io.containerd.runc.v2', 'io.containerd.runtime.v1.linux'];

/** Values dockerd accepts for log-level. */
export const LOG_LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error', 'fatal'];

/**
 * Command-line flags whose daemon.json key has another name (moby's NamedOption), and the
 * short flags. Any other flag's key is its long name.
 */
export const FLAG_TO_KEY: Readonly<Record<string, string>> = {
  'add-runtime': 'runtimes',
  'authorization-plugin': 'authorization-plugins',
  'cdi-spec-dir': 'cdi-spec-dirs',
  'cluster-store-opt': 'cluster-store-opts',
  'default-address-pool': 'default-address-pools',
  'default-network-opt': 'default-network-opts',
  'default-ulimit': 'default-ulimits',
  'dns-opt': 'dns-opts',
  'exec-opt': 'exec-opts',
  host: 'hosts',
  'insecure-registry': 'insecure-registries',
  label: 'labels',
  'log-opt': 'log-opts',
  'node-generic-resource': 'node-generic-resources',
  'registry-mirror': 'registry-mirrors',
  'storage-opt': 'storage-opts',
  H: 'hosts',
  G: 'group',
  D: 'debug',
  l: 'log-level',
  p: 'pidfile',
  s: 'storage-driver',
  b: 'bridge',
  g: 'graph',
};

/** Keys that may be both a flag and in the file (moby's skipDuplicates). */
export const FLAG_AND_FILE_ALLOWED: readonly string[] = ['runtimes'];

/**
 * Keys a SIGHUP reloads (Docker's "configuration reload behavior"); any other change takes
 * effect only when the engine restarts.
 */
export const RELOADABLE_KEYS: readonly string[] = [
  'allow-nondistributable-artifacts',
  'authorization-plugins',
  'builder',
  'cluster-advertise',
  'cluster-store',
  'cluster-store-opts',
  'debug',
  'default-runtime',
  'features',
  'insecure-registries',
  'labels',
  'live-restore',
  'max-concurrent-downloads',
  'max-concurrent-uploads',
  'max-download-attempts',
  'registry-mirrors',
  'runtimes',
  'shutdown-timeout',
];
