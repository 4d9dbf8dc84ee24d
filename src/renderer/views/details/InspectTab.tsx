// The Inspect tab: the container's whole configuration, readable (the isolation on its rung, then
// state, config, host config, mounts and networks, fields named as the Engine API names them) or
// as the raw JSON, with a search over both. Read when shown and when the container's state changes.
import { useMemo, useState, type ReactNode } from 'react';
import type { ContainerSummary } from '../../../shared/model/container';
import { makeMatcher } from '../../../shared/logs/search';
import { useT } from '../../i18n/react';
import { LoadFailed, useLoadWhenShown } from '../../components/LoadableTab';
import { describeIsolationSource } from '../../format/isolation';
import { RungBadge } from '../../components/IsolationBadge';
import { useDetails } from './hooks';
import { filterFields, filterMounts, inspectSections, mountRows, rawJson, type InspectField, type InspectSectionId } from './logic/inspect';
import { TableHead } from '../../components/TableHead';
import { SearchBox } from '../../components/SearchBox';

/** Text with each occurrence of the query marked. */
function Marked({ text, query }: { text: string; query: string }) {
  const pieces = useMemo(() => {
    const matcher = makeMatcher(query.trim());
    if (!matcher.ok || query.trim() === '') return [{ text, match: false }];
    const out: { text: string; match: boolean }[] = [];
    let at = 0;
    for (const range of matcher.find(text)) {
      if (range.start > at) out.push({ text: text.slice(at, range.start), match: false });
      out.push({ text: text.slice(range.start, range.end), match: true });
      at = range.end;
    }
    if (at < text.length) out.push({ text: text.slice(at), match: false });
    return out;
  }, [text, query]);
  return (
    <>
      {pieces.map((p, i) =>
        p.match ? (
          <mark key={i} className="inspect-match">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export function InspectTab({ container, live }: { container: ContainerSummary; live: boolean }) {
  const t = useT();
  const { id } = container;
  const inspect = useDetails((s) => s.inspect);
  const loadInspect = useDetails((s) => s.loadInspect);
  const [query, setQuery] = useState('');
  const [raw, setRaw] = useState(false);
  const [showEmpty, setShowEmpty] = useState(false);

  useLoadWhenShown(loadInspect, id, live, container.state);

  const mine = inspect?.id === id ? inspect : null;
  const value = mine?.value ?? null;
  const sections = useMemo(() => (value ? inspectSections(value) : []), [value]);
  const mounts = useMemo(() => (value ? mountRows(value) : []), [value]);
  const json = useMemo(() => (value && raw ? rawJson(value) : ''), [value, raw]);

  const isolationField: InspectField | null = container.isolation
    ? {
        key: t('column.isolation'),
        value: `${t(`rung.${container.isolation.rung}`)} ${container.isolation.mode} ${describeIsolationSource(container.isolation, t)}`,
        empty: false,
      }
    : null;
  const showIsolation = isolationField !== null && filterFields([isolationField], query, true).length > 0;

  let shown = 0;
  const readable = sections.map((section) => {
    if (section.id === 'mounts') {
      const rows = filterMounts(mounts, query);
      shown += rows.length;
      return { id: section.id, fields: [] as InspectField[], mounts: rows, hidden: 0 };
    }
    const fields = filterFields(section.fields, query, showEmpty);
    shown += fields.length;
    return { id: section.id, fields, mounts: [], hidden: showEmpty ? 0 : filterFields(section.fields, query, true).filter((f) => f.empty).length };
  });
  const jsonLines = raw ? json.split('\n') : [];
  const needle = query.trim().toLowerCase();
  const jsonShown = raw && needle ? jsonLines.filter((l) => l.toLowerCase().includes(needle)).length : jsonLines.length;

  return (
    <div className="inspect-tab">
      <div className="toolbar">
        <SearchBox label={t('details.inspect.search')} placeholder={t('details.inspect.searchPlaceholder')} value={query} onChange={setQuery} />
        <span className="muted" aria-live="polite">
          {needle
            ? raw
              ? t('details.inspect.linesFound', { count: jsonShown })
              : t('details.inspect.fieldsFound', { count: shown + (showIsolation ? 1 : 0) })
            : ''}
        </span>
        <span className="spacer" />
        {!raw ? (
          <label className="check">
            <input type="checkbox" checked={showEmpty} onChange={(e) => setShowEmpty(e.target.checked)} />
            {t('details.inspect.showEmpty')}
          </label>
        ) : null}
        <div className="segmented" role="group" aria-label={t('details.inspect.viewAs')}>
          <button type="button" className={raw ? 'segment' : 'segment current'} aria-pressed={!raw} onClick={() => setRaw(false)}>
            {t('details.inspect.readable')}
          </button>
          <button type="button" className={raw ? 'segment current' : 'segment'} aria-pressed={raw} onClick={() => setRaw(true)}>
            {t('details.inspect.raw')}
          </button>
        </div>
      </div>
      <LoadFailed error={mine?.status === 'failed' ? mine.error : null} />
      {!value ? (
        <p className="muted">{mine?.status === 'failed' ? null : t('details.loading')}</p>
      ) : raw ? (
        <div className="inspect-json" tabIndex={0} role="region" aria-label={t('details.inspect.raw')}>
          {jsonLines.map((line, i) => (
            <div key={i} className={needle && line.toLowerCase().includes(needle) ? 'json-line hit' : 'json-line'}>
              <Marked text={line} query={query} />
            </div>
          ))}
        </div>
      ) : (
        <div className="inspect-sections" tabIndex={0}>
          {showIsolation && container.isolation ? (
            <section className="inspect-section" aria-labelledby="inspect-isolation">
              <h2 id="inspect-isolation">{t('column.isolation')}</h2>
              <p className="isolation-line">
                <RungBadge rung={container.isolation.rung} />
                <code>{container.isolation.mode}</code>
                <span className="muted">{describeIsolationSource(container.isolation, t)}</span>
              </p>
            </section>
          ) : null}
          {readable.map((section) =>
            section.fields.length === 0 && section.mounts.length === 0 && (needle !== '' || section.id !== 'mounts') ? null : (
              <Section
                key={section.id}
                id={section.id}
                title={t(`details.inspect.section.${section.id}`)}
                hidden={section.hidden}
                hiddenLabel={t('details.inspect.emptyHidden', { count: section.hidden })}
              >
                {section.id === 'mounts' ? (
                  section.mounts.length === 0 ? (
                    <p className="muted">{t('details.inspect.noMounts')}</p>
                  ) : (
                    <table className="data-table mounts">
                      <TableHead
                        columns={[
                          t('details.inspect.mount.type'),
                          t('details.inspect.mount.source'),
                          t('details.inspect.mount.destination'),
                          t('details.inspect.mount.mode'),
                          t('details.inspect.mount.access'),
                        ]}
                      />
                      <tbody>
                        {section.mounts.map((m, i) => (
                          <tr key={i}>
                            <td>
                              <Marked text={m.type} query={query} />
                            </td>
                            <td className="mono">
                              <Marked text={m.source} query={query} />
                            </td>
                            <td className="mono">
                              <Marked text={m.destination} query={query} />
                            </td>
                            <td className="mono">
                              <Marked text={m.mode} query={query} />
                            </td>
                            <td>{m.writable ? t('details.inspect.mount.readWrite') : t('details.inspect.mount.readOnly')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )
                ) : (
                  <table className="kv-table">
                    <tbody>
                      {section.fields.map((field) => (
                        <tr key={field.key} className={field.empty ? 'empty' : undefined}>
                          <th scope="row">
                            <Marked text={field.key} query={query} />
                          </th>
                          <td>
                            <Marked text={field.value} query={query} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </Section>
            ),
          )}
          {needle && shown === 0 && !showIsolation ? <p className="muted">{t('details.inspect.nothingFound')}</p> : null}
        </div>
      )}
    </div>
  );
}

function Section({
  id,
  title,
  hidden,
  hiddenLabel,
  children,
}: {
  id: InspectSectionId;
  title: string;
  hidden: number;
  hiddenLabel: string;
  children: ReactNode;
}) {
  return (
    <section className="inspect-section" aria-labelledby={`inspect-${id}`}>
      <h2 id={`inspect-${id}`}>{title}</h2>
      {children}
      {hidden > 0 ? <p className="muted hidden-note">{hiddenLabel}</p> : null}
    </section>
  );
}
