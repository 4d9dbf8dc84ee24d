// A value the engine would refuse, found before it is sent: which field, which rule, the values
// the sentence needs. The renderer words `validate.<rule>`; the main side refuses with the same.

export type ValidationRule =
  | 'required'
  | 'container-name' // [a-zA-Z0-9][a-zA-Z0-9_.-]+
  | 'image-reference' // not a reference the engine parses
  | 'image-uppercase' // a repository name must be lowercase
  | 'image-too-long' // a repository name is at most 255 characters
  | 'port-spec' // not [ip:][hostPort:]containerPort[/proto]
  | 'port-ip' // the address is not an IP address
  | 'port-number' // not a port number (0-65535; a container port from 1)
  | 'port-range' // start after end, or host and container ranges of different sizes
  | 'port-protocol' // not tcp, udp or sctp
  | 'env-line' // not KEY=value
  | 'env-key' // empty key, or whitespace in it
  | 'label-line' // empty key
  | 'reserved-key' // a key JavaScript keeps for itself (__proto__): it would be lost on the way
  | 'nul-character'
  | 'volume-spec' // not [source:]destination[:options]
  | 'volume-destination' // not an absolute path, or the root
  | 'volume-name' // [a-zA-Z0-9][a-zA-Z0-9_.-]+
  | 'volume-mode' // an unknown or repeated option
  | 'volume-duplicate' // two mounts on one destination
  | 'engine-socket' // the engine's socket or pipe, without the person's explicit consent
  | 'network-name'
  | 'restart-retries' // a retry count with a policy other than on-failure, or below 0
  | 'memory-format' // not a size (512m, 1g)
  | 'memory-minimum' // below the engine's minimum of 6 MiB
  | 'cpus-format' // not a decimal number
  | 'cpus-range' // below 0.01, or above the engine's CPUs
  | 'isolation'; // not a runtime or mode this engine offers

export interface FieldProblem {
  /** `name`, `ports.1`, `restart.maxRetries`. */
  field: string;
  rule: ValidationRule;
  params?: Record<string, string | number>;
}

export const problem = (field: string, rule: ValidationRule, params?: Record<string, string | number>): FieldProblem =>
  params ? { field, rule, params } : { field, rule };
