// What the weakening rules (weakenings.ts, and the runtime binaries on disk) report, as plain data
// for the UI and the contract: a code and params for the translated sentence, an id to acknowledge.

export type WeakeningCode =
  | 'tcp-plain' // a tcp:// address without TLS, reachable from other machines
  | 'tcp-plain-local' // a tcp:// address without TLS on loopback: every local user and program
  | 'tls-no-verify' // TLS without checking client certificates: anyone who reaches the port
  | 'cors-any' // api-cors-header "*": any web page may call the API from a browser
  | 'cors-origin' // api-cors-header naming an origin
  | 'seccomp-unconfined' // seccomp-profile "unconfined"
  | 'insecure-registries-all' // an insecure-registries entry that covers (nearly) every address
  | 'insecure-registry' // one registry reached without TLS
  | 'userns-remap-removed'
  | 'no-new-privileges-removed'
  | 'selinux-disabled'
  | 'authorization-plugin-removed'
  | 'default-runtime-weaker' // the default runtime stands on a lower rung than before
  | 'windows-isolation-weaker' // hyperv → process
  | 'runtime-world-writable' // a runtime binary (or a folder above it) anyone may change
  | 'runtime-foreign-owner'; // a runtime binary (or a folder above it) owned by another user

export interface DaemonWeakening {
  /** Stable for the same weakening of the same file: what `acknowledged` lists. */
  id: string;
  code: WeakeningCode;
  /** The daemon.json key it comes from. */
  key: string;
  /** What a translated sentence needs (an address, a runtime, an origin). */
  params: Record<string, string>;
  /** The English words, for logs. */
  message: string;
}
