// "also known as io.containerd.runc.v2, …": the other names of a runtime, beside its name.
import type { RuntimeInfo } from '../../shared/model/engine';
import { useT } from '../i18n/react';

/** The runtimes listed as another name of `name`. */
export function aliasesOf(name: string, runtimes: readonly Pick<RuntimeInfo, 'name' | 'aliasOf'>[]): string[] {
  return runtimes.filter((r) => r.aliasOf === name).map((r) => r.name);
}

export function RuntimeAliases({ aliases }: { aliases: readonly string[] }) {
  const t = useT();
  if (aliases.length === 0) return null;
  return <span className="muted runtime-aliases">{t('ladder.aliases', { names: aliases.join(', ') })}</span>;
}
