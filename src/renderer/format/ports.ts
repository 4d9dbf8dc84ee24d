// Published ports, compact: "0.0.0.0:8080→80/tcp", and "80/tcp" for an exposed, unpublished port.
import type { PortMapping } from '../../shared/model/container';
import type { Translate } from '../i18n';

export function describePort(port: PortMapping, t: Translate): string {
  if (port.publicPort === null) return t('ports.exposed', { private: port.privatePort, protocol: port.protocol });
  const host = port.hostIp && port.hostIp !== '0.0.0.0' && port.hostIp !== '::' ? port.hostIp : '';
  return t(host ? 'ports.publishedOn' : 'ports.published', { host, public: port.publicPort, private: port.privatePort, protocol: port.protocol });
}

/** One entry per distinct wording (the engine lists IPv4 and IPv6 bindings separately). */
export function describePorts(ports: readonly PortMapping[], t: Translate): string {
  const words = [...new Set(ports.map((p) => describePort(p, t)))];
  return words.join(t('list.separator'));
}
