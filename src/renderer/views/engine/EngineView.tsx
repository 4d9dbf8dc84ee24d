// The Engine view: what the active engine is, where each runtime sits on the isolation ladder,
// the hardening that stacks on it, how many containers sit on each rung, how many containers'
// boundaries are weakened and by what, and every engine found.
import { PageView } from '../../components/PageView';
import { useMemo } from 'react';
import type { EngineInfo, Hardening, RuntimeInfo } from '../../../shared/model/engine';
import type { Rung } from '../../../shared/model/isolation';
import { RUNGS } from '../../../shared/model/isolation';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/react';
import { useContainers, useEngine } from '../../stores/react';
import { countByRung } from '../../stores/selectors/containers';
import { engineKindName } from '../../format/isolation';
import { RungBadge } from '../../components/IsolationBadge';
import { EndpointList } from './EndpointList';
import { BoundarySum } from './BoundarySum';
import { Facts } from '../../components/Facts';
import { RuntimeAliases } from '../../components/RuntimeAliases';
import { shownRuntimes, type ShownRuntime } from '../../../shared/isolation/runtime-aliases';

export function EngineView() {
  const t = useT();
  const snapshot = useEngine((s) => s.snapshot);
  const byId = useContainers((s) => s.byId);
  const counts = useMemo(() => countByRung(byId.values()), [byId]);
  const info = snapshot?.info ?? null;

  return (
    <PageView name="engine" title={t('nav.engine')}>
      {info ? (
        <>
          <EngineFacts info={info} apiVersion={snapshot?.connection.apiVersion ?? null} t={t} />
          <Ladder info={info} counts={counts} t={t} />
          <BoundarySum />
          <HardeningList hardening={info.hardening} t={t} />
          {info.warnings.length > 0 ? (
            <section className="card" aria-labelledby="warnings-title">
              <h2 id="warnings-title">{t('engine.warnings')}</h2>
              <p className="muted">{t('engine.warningsHint')}</p>
              <ul className="warnings">
                {info.warnings.map((warning, i) => (
                  <li key={i}>
                    <code>{warning}</code>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <section className="card">
          <p className="muted">{t('engine.noInfo')}</p>
        </section>
      )}
      <EndpointList />
    </PageView>
  );
}

function EngineFacts({ info, apiVersion, t }: { info: EngineInfo; apiVersion: string | null; t: Translate }) {
  const windows = info.osType === 'windows';
  const facts: [string, string][] = [
    [t('engine.osType'), t(windows ? 'engine.os.windows' : info.osType === 'linux' ? 'engine.os.linux' : 'engine.os.other', { os: info.osType })],
    [t('engine.kind'), engineKindName(info.kind, t)],
    [t('engine.serverVersion'), info.serverVersion],
    [t('engine.apiVersion'), apiVersion ?? t('common.unknown')],
    windows
      ? [t('engine.defaultIsolation'), info.defaultIsolation ? t(`windowsIsolation.${info.defaultIsolation}`) : t('common.unknown')]
      : [t('engine.defaultRuntime'), info.defaultRuntime ?? t('common.unknown')],
    [t('engine.operatingSystem'), info.operatingSystem],
    [t('engine.kernel'), info.kernelVersion],
    [t('engine.architecture'), info.architecture],
    [
      t('engine.containers'),
      t('engine.containerCounts', {
        count: info.containers.total,
        running: info.containers.running,
        paused: info.containers.paused,
        stopped: info.containers.stopped,
      }),
    ],
    [t('engine.images'), String(info.images)],
  ];
  if (windows && info.hostBuild !== null) facts.push([t('engine.hostBuild'), String(info.hostBuild)]);
  return (
    <section className="card" aria-labelledby="engine-name">
      <h2 id="engine-name">{info.name}</h2>
      <Facts facts={facts} />
    </section>
  );
}

function Ladder({ info, counts, t }: { info: EngineInfo; counts: Record<Rung | 'pending', number>; t: Translate }) {
  const byRung = new Map<Rung, ShownRuntime[]>();
  // One entry per runtime: its other names (io.containerd.runc.v2 is runc) fold under it.
  for (const runtime of shownRuntimes(info.runtimes)) byRung.set(runtime.rung, [...(byRung.get(runtime.rung) ?? []), runtime]);
  const windows = info.osType === 'windows';
  return (
    <section className="card" aria-labelledby="ladder-title">
      <h2 id="ladder-title">{t('ladder.title')}</h2>
      <p className="muted">{t('ladder.intro')}</p>
      <ol className="ladder">
        {RUNGS.map((rung) => {
          const runtimes = byRung.get(rung) ?? [];
          return (
            <li key={rung} className={`rung-row rung-row-${rung}${runtimes.length === 0 ? ' empty' : ''}`}>
              <div className="rung-head">
                <RungBadge rung={rung} />
                <span className="rung-count">{t('ladder.containers', { count: counts[rung] })}</span>
              </div>
              <p className="rung-explain">{explainRung(rung, windows, t)}</p>
              <ul className="runtimes" aria-label={t('ladder.modesOn', { rung: t(`rung.${rung}`) })}>
                {runtimes.length === 0 ? (
                  <li className="muted">
                    {t(!windows ? 'ladder.noRuntime' : rung === 'user-namespaced' || rung === 'user-space-kernel' ? 'ladder.notOnWindows' : 'ladder.noMode')}
                  </li>
                ) : (
                  runtimes.map((runtime) => (
                    <li key={runtime.name}>
                      <code>{runtime.name}</code>
                      {runtime.isDefault ? <span className="tag">{t('ladder.default')}</span> : null}
                      <RuntimeAliases aliases={runtime.aliases} />
                      {runtimeWhere(runtime) ? <span className="muted path">{runtimeWhere(runtime)}</span> : null}
                    </li>
                  ))
                )}
              </ul>
            </li>
          );
        })}
      </ol>
      {counts.pending > 0 ? <p className="muted">{t('ladder.pending', { count: counts.pending })}</p> : null}
    </section>
  );
}

/** A rung in one line; process and Hyper-V isolation are worded for what they are on Windows. */
function explainRung(rung: Rung, windows: boolean, t: Translate): string {
  if (windows && rung === 'shared-kernel') return t('rungExplainWindows.shared-kernel');
  if (windows && rung === 'virtual-machine') return t('rungExplainWindows.virtual-machine');
  return t(`rungExplain.${rung}`);
}

/** The binary or containerd type behind a runtime, when it says more than the name. */
function runtimeWhere(runtime: RuntimeInfo): string | null {
  const where = runtime.path ?? runtime.runtimeType;
  return where && where !== runtime.name ? where : null;
}

function HardeningList({ hardening, t }: { hardening: Hardening; t: Translate }) {
  const yesNo = (on: boolean) => t(on ? 'common.on' : 'common.off');
  const items: [string, string, boolean][] = [
    [t('hardening.rootless'), yesNo(hardening.rootless), hardening.rootless],
    [t('hardening.userns'), yesNo(hardening.userns), hardening.userns],
    [
      t('hardening.seccomp'),
      hardening.seccompProfile === null
        ? t('hardening.seccompOff')
        : hardening.seccompProfile === 'unconfined'
          ? t('hardening.seccompUnconfined')
          : t('hardening.seccompProfile', { profile: hardening.seccompProfile }),
      hardening.seccompProfile !== null && hardening.seccompProfile !== 'unconfined',
    ],
    [t('hardening.apparmor'), yesNo(hardening.apparmor), hardening.apparmor],
    [t('hardening.selinux'), yesNo(hardening.selinux), hardening.selinux],
    [t('hardening.cgroupns'), yesNo(hardening.cgroupns), hardening.cgroupns],
    [t('hardening.noNewPrivileges'), yesNo(hardening.noNewPrivileges), hardening.noNewPrivileges],
    [
      t('hardening.cgroupVersion'),
      hardening.cgroupVersion ? t('hardening.cgroupV', { version: hardening.cgroupVersion }) : t('common.unknown'),
      hardening.cgroupVersion === '2',
    ],
  ];
  return (
    <section className="card" aria-labelledby="hardening-title">
      <h2 id="hardening-title">{t('hardening.title')}</h2>
      <p className="muted">{t('hardening.intro')}</p>
      <dl className="facts hardening">
        {items.map(([term, value, good]) => (
          <div key={term} className="fact">
            <dt>{term}</dt>
            <dd className={good ? 'good' : 'plain'}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
