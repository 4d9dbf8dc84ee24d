// Filters over the container list: text on name and image, state, isolation rung, boundary, compose project.
import type { ContainerState } from '../../../shared/model/container';
import type { Rung } from '../../../shared/model/isolation';
import { RUNGS } from '../../../shared/model/isolation';
import { useT } from '../../i18n/react';
import { useUi } from '../../stores/react';
import { ANY, NO_PROJECT } from '../../stores/selectors/containers';
import { BOUNDARY_FILTERS, type BoundaryFilter } from '../../../shared/place';

const STATES: readonly ContainerState[] = ['running', 'paused', 'restarting', 'created', 'exited', 'dead', 'removing'];

export function FilterBar({ projects, hasUngrouped }: { projects: readonly string[]; hasUngrouped: boolean }) {
  const t = useT();
  const filters = useUi((s) => s.filters);
  const grouped = useUi((s) => s.groupByProject);
  const setFilter = useUi((s) => s.setFilter);
  const setGrouped = useUi((s) => s.setGroupByProject);

  return (
    <div className="filter-bar" role="search" aria-label={t('filters.label')}>
      <input
        type="search"
        className="search"
        value={filters.text}
        placeholder={t('filters.textPlaceholder')}
        aria-label={t('filters.text')}
        onChange={(e) => setFilter('text', e.target.value)}
      />
      <label className="field">
        <span>{t('filters.state')}</span>
        <select value={filters.state} onChange={(e) => setFilter('state', e.target.value as ContainerState | 'any')}>
          <option value={ANY}>{t('filters.anyState')}</option>
          {STATES.map((state) => (
            <option key={state} value={state}>
              {t(`state.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('filters.isolation')}</span>
        <select value={filters.rung} onChange={(e) => setFilter('rung', e.target.value as Rung | 'pending' | 'any')}>
          <option value={ANY}>{t('filters.anyRung')}</option>
          {RUNGS.map((rung) => (
            <option key={rung} value={rung} title={t(`rung.${rung}`)}>
              {t(`rungShort.${rung}`)}
            </option>
          ))}
          <option value="pending">{t('filters.pendingRung')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('boundary.filter')}</span>
        <select value={filters.boundary} onChange={(e) => setFilter('boundary', e.target.value as BoundaryFilter | 'any')}>
          <option value={ANY}>{t('boundary.filter.any')}</option>
          {BOUNDARY_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`boundary.filter.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('filters.project')}</span>
        <select value={filters.project} onChange={(e) => setFilter('project', e.target.value)}>
          <option value={ANY}>{t('filters.anyProject')}</option>
          {projects.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          {hasUngrouped ? <option value={NO_PROJECT}>{t('containers.noProject')}</option> : null}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
        <span>{t('filters.group')}</span>
      </label>
    </div>
  );
}
