// dockerd's command line, read for what the daemon.json rules need: which options are set as
// flags (a key set in both places is refused), where its config file and pid file are, and
// which runtimes --add-runtime registers. Pure.

export interface DaemonArgs {
  /** Flags given, by long name (or short letter when given short), without dashes. */
  flags: string[];
  configFile: string | null;
  pidFile: string | null;
  addedRuntimes: string[];
  /** -H / --host values (dockerd's default, unix:///var/run/docker.sock, when none is given). */
  hosts: string[];
}

/** Flags of dockerd that take no value (booleans); every other flag takes one. */
const BOOLEAN_FLAGS = new Set([
  'debug',
  'D',
  'experimental',
  'icc',
  'init',
  'ip-forward',
  'ip-forward-no-drop',
  'ip-masq',
  'ip6tables',
  'iptables',
  'ipv6',
  'live-restore',
  'no-new-privileges',
  'raw-logs',
  'rootless',
  'selinux-enabled',
  'tls',
  'tlsverify',
  'userland-proxy',
  'cri-containerd',
  'validate',
  'allow-direct-routing',
]);

export function parseDaemonArgs(argv: readonly string[]): DaemonArgs {
  const flags: string[] = [];
  const values = new Map<string, string[]>();
  const remember = (name: string, value: string | null): void => {
    flags.push(name);
    if (value !== null) values.set(name, [...(values.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (long) {
      const name = long[1] as string;
      if (long[2] !== undefined || BOOLEAN_FLAGS.has(name)) remember(name, long[2] ?? null);
      else remember(name, argv[++i] ?? '');
      continue;
    }
    const short = /^-([A-Za-z])(.*)$/s.exec(arg);
    if (short) {
      const name = short[1] as string;
      const rest = (short[2] as string).replace(/^=/, '');
      if (BOOLEAN_FLAGS.has(name)) remember(name, null);
      else remember(name, rest || (argv[++i] ?? ''));
    }
  }
  const last = (...names: string[]): string | null => names.flatMap((n) => values.get(n) ?? []).pop() ?? null;
  const addedRuntimes = (values.get('add-runtime') ?? []).map((v) => v.split('=')[0] as string).filter(Boolean);
  const hosts = ['H', 'host'].flatMap((n) => values.get(n) ?? []);
  return {
    flags: [...new Set(flags)],
    configFile: last('config-file'),
    pidFile: last('pidfile', 'p'),
    addedRuntimes,
    hosts: hosts.length ? hosts : ['unix:///var/run/docker.sock'],
  };
}

/** Split /proc/<pid>/cmdline (NUL-separated) into argv. */
export function splitCmdline(raw: string): string[] {
  return raw.split('\0').filter((part, index, all) => part !== '' || index < all.length - 1);
}
