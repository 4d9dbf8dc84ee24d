// The Engine view's sum of container boundaries: how many are weakened and by what, how many can
// reach the engine, how many are privileged.
import { useMemo } from 'react';
import { useT } from '../../i18n/react';
import { useContainers } from '../../stores/react';
import { countBoundaries } from '../../stores/selectors/boundary';
import { groupName, groupOf } from '../../format/boundary';

export function BoundarySum() {
  const t = useT();
  const byId = useContainers((s) => s.byId);
  const counts = useMemo(() => countBoundaries(byId.values(), groupOf), [byId]);
  return (
    <section className="card boundary-sum" aria-labelledby="boundary-sum-title">
      <h2 id="boundary-sum-title">{t('boundary.engine.title')}</h2>
      {counts.weakened === 0 && counts.engine === 0 ? (
        <p className="muted">{t('boundary.engine.none')}</p>
      ) : (
        <>
          <p>
            {t('boundary.engine.weakened', { count: counts.weakened })} · {t('boundary.engine.engine', { count: counts.engine })} ·{' '}
            {t('boundary.engine.privileged', { count: counts.privileged })}
          </p>
          <ul>
            {counts.byCode.map(({ code, count }) => (
              <li key={code}>{t('boundary.engine.byCode', { what: groupName(groupOf(code), t), count })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
