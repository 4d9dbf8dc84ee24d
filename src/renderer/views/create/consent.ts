// The create form's consent to root-equivalent choices (src/shared/isolation/root-access.ts): which
// of the form's choices need a tick, and what a host's `consent-needed` refusal adds (the host
// follows symlinks, which a page cannot). Pure, tested without a page.
import { choicesFromSpec, hostPathsOf, rootFindings, type RootFinding, type RootFindingCode } from '../../../shared/isolation/root-access';
import type { CreateContainerSpec } from '../../../shared/model/create';
import type { EngineInfo } from '../../../shared/model/engine';
export { describeFinding } from '../../format/root-access';

/** One finding's box. */
export const findingKey = (f: Pick<RootFinding, 'code' | 'setting'>): string => `${f.code} ${f.setting}`;

/**
 * The choices of the form that give the container root on the host, each needing its own tick:
 * what the rules see in the paths as written, then what the host found when it followed them
 * (a refusal's `code.N`/`setting.N`/`path.N`) while that setting is still in the form.
 */
export function formRootFindings(
  spec: CreateContainerSpec,
  info: Pick<EngineInfo, 'osType' | 'dataRoot' | 'containerdAddress'> | null,
  endpointHost: string | null,
  fromHost: readonly RootFinding[] = [],
): RootFinding[] {
  const os = info?.osType === 'windows' ? 'windows' : info?.osType === 'linux' ? 'linux' : undefined;
  const choices = choicesFromSpec(spec, os);
  const out = rootFindings(choices, hostPathsOf(info, endpointHost));
  const settings = new Set([...(spec.volumes ?? []).map((v) => v.trim()), ...(spec.network ? [`network: ${spec.network}`] : [])]);
  for (const f of fromHost) {
    if (settings.has(f.setting) && !out.some((o) => o.code === f.code && o.setting === f.setting)) out.push(f);
  }
  return out;
}

/** The findings a host's `consent-needed` refusal names. */
export function findingsOfRefusal(params: Readonly<Record<string, string | number>> | undefined): RootFinding[] {
  const out: RootFinding[] = [];
  for (let i = 0; params && typeof params[`code.${i}`] === 'string'; i++) {
    const code = params[`code.${i}`] as RootFindingCode;
    const path = params[`path.${i}`];
    out.push({ code, setting: String(params[`setting.${i}`] ?? ''), path: typeof path === 'string' ? path : null });
  }
  return out;
}
