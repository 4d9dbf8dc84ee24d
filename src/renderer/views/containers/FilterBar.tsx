// Filters over the container list: text on name and image, state, isolation rung, boundary, compose project.
import type { ContainerState } from '../../../shared/model/container';
import type { Rung } from '../../../shared/model/isolation';
import { RUNGS } from '../../../shared/model/isolation';
import { ChoiceField } from '../../components/ChoiceField';
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

  const selects = [
    {
      key: 'state',
      label: t('filters.state'),
      value: filters.state,
      choices: STATES.map((state) => ({ value: state, text: t(`state.${state}`) })),
      onChange: (v: string) => setFilter('state', v as ContainerState | 'any'),
      before: <option value={ANY}>{t('filters.anyState')}</option>,
    },
    {
      key: 'rung',
      label: t('filters.isolation'),
      value: filters.rung,
      choices: RUNGS.map((rung) => ({ value: rung, text: t(`rungShort.${rung}`), title: t(`rung.${rung}`) })),
      onChange: (v: string) => setFilter('rung', v as Rung | 'pending' | 'any'),
      before: <option value={ANY}>{t('filters.anyRung')}</option>,
      after: <option value="pending">{t('filters.pendingRung')}</option>,
    },
    {
      key: 'boundary',
      label: t('boundary.filter'),
      value: filters.boundary,
      choices: BOUNDARY_FILTERS.map((f) => ({ value: f, text: t(`boundary.filter.${f}`) })),
      onChange: (v: string) => setFilter('boundary', v as BoundaryFilter | 'any'),
      before: <option value={ANY}>{t('boundary.filter.any')}</option>,
    },
    {
      key: 'project',
      label: t('filters.project'),
      value: filters.project,
      choices: projects.map((name) => ({ value: name, text: name })),
      onChange: (v: string) => setFilter('project', v),
      before: <option value={ANY}>{t('filters.anyProject')}</option>,
      after: hasUngrouped ? <option value={NO_PROJECT}>{t('containers.noProject')}</option> : null,
    },
  ];

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
      {selects.map(({ key, ...select }) => (
        <ChoiceField key={key} className="field" {...select} />
      ))}
      <label className="check">
        <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
        <span>{t('filters.group')}</span>
      </label>
    </div>
  );
}
