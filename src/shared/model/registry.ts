// A registry login as the docker CLI keeps it in its config.json (or a credential helper).

export interface RegistryLogin {
  /** `host[:port]`, or Docker Hub's `https://index.docker.io/v1/`, as config.json keys it. */
  registry: string;
  /** The user name, when the file says it (a helper keeps it to itself). */
  username: string | null;
  /** `docker-credential-<helper>` holds the secret; null: config.json itself (base64, not encrypted). */
  helper: string | null;
}
