// Certificates made by the test with openssl: a CA, a server certificate for 127.0.0.1 and a
// client certificate, as dockerd's --tlsverify and the docker CLI's TLS contexts use them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCerts {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** File paths of the same, for dockerd's flags. */
  files: { ca: string; serverCert: string; serverKey: string };
  cleanup(): void;
}

export function makeCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'silo-certs-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Silo test CA', '-keyout', at('ca-key.pem'), '-out', at('ca.pem'));
  const sign = (name: string, subject: string, ext: string) => {
    writeFileSync(at(`${name}.ext`), ext);
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', at(`${name}-key.pem`), '-out', at(`${name}.csr`));
    openssl(
      'x509',
      '-req',
      '-in',
      at(`${name}.csr`),
      '-CA',
      at('ca.pem'),
      '-CAkey',
      at('ca-key.pem'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      at(`${name}.ext`),
      '-out',
      at(`${name}-cert.pem`),
    );
  };
  sign('server', '/CN=127.0.0.1', 'subjectAltName = IP:127.0.0.1,DNS:localhost\nextendedKeyUsage = serverAuth\n');
  sign('client', '/CN=silo-client', 'extendedKeyUsage = clientAuth\n');
  const read = (name: string) => readFileSync(at(name), 'utf8');
  return {
    dir,
    ca: read('ca.pem'),
    serverCert: read('server-cert.pem'),
    serverKey: read('server-key.pem'),
    clientCert: read('client-cert.pem'),
    clientKey: read('client-key.pem'),
    files: { ca: at('ca.pem'), serverCert: at('server-cert.pem'), serverKey: at('server-key.pem') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
