// The Logs tab: the container's log followed live (the last LOG_CAP lines, then new ones), with
// ANSI colours, timestamps on demand, a search that highlights every match and steps between them,
// and a download of the whole log. The stream is open only while this tab is shown.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ContainerSummary } from '../../../shared/model/container';
import { useLanguage, useT } from '../../i18n/react';
import { describeError } from '../../format/errors';
import { LOG_CAP } from '../../stores/details';
import { LogView, type LogRow } from '../../components/LogView';
import { useDetails } from './hooks';
import { AnsiCarry } from './logic/ansi-carry';
import { endLine, firstLine, formatLogTime, lineReader } from './logic/log-lines';
import { LogSearch, MAX_MATCHES } from './logic/log-search';
import { formatCount, formatSize } from './logic/stats';
import { saveTextFile } from '../../components/save-file';
import { logFileName } from './logic/log-file-name';
import { Check } from '../../components/Check';
import { SearchBox } from '../../components/SearchBox';

export function LogsTab({ container, live }: { container: ContainerSummary; live: boolean }) {
  const t = useT();
  const language = useLanguage();
  const { id, name } = container;
  const running = container.state === 'running';
  const logs = useDetails((s) => s.logs);
  const followLogs = useDetails((s) => s.followLogs);
  const download = useDetails((s) => s.download);
  const downloadLogs = useDetails((s) => s.downloadLogs);

  // Open while shown; again when the container starts or stops (a stopped one's log ends) or
  // when Silo reaches the engine again.
  useEffect(() => (live ? followLogs(id) : undefined), [id, live, running, followLogs]);

  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [regex, setRegex] = useState(false);
  const [showTimestamps, setShowTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [follow, setFollow] = useState(true);
  const [reveal, setReveal] = useState<{ line: number; token: number } | null>(null);
  const [, setStepped] = useState(0);
  const revealed = useRef<LogSearch | null>(null);

  const search = useMemo(() => {
    const s = new LogSearch();
    s.setQuery(query, { caseSensitive, regex });
    return s;
  }, [query, caseSensitive, regex]);
  const carry = useMemo(() => new AnsiCarry(), []);
  // Both only read lines they have not read yet: cheap on every batch, idempotent on re-render.
  search.sync(logs.lines, logs.generation);
  carry.sync(logs.lines, logs.generation);

  const showMatch = useCallback((line: number | undefined) => {
    if (line === undefined) return;
    setFollow(false);
    setReveal((r) => ({ line, token: (r?.token ?? 0) + 1 }));
  }, []);

  // A new search goes to its first match as soon as there is one (the newest while following).
  useEffect(() => {
    if (revealed.current === search || !search.active || search.count === 0) return;
    revealed.current = search;
    const match = follow ? search.step(-1) : search.step(1);
    showMatch(match?.line);
  });

  const step = (direction: 1 | -1): void => {
    const match = search.step(direction);
    setStepped((n) => n + 1);
    showMatch(match?.line);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };

  const read = lineReader(logs.lines);
  const current = search.current();
  const row = (n: number): LogRow | undefined => {
    const line = read(n);
    if (!line) return undefined;
    return {
      line,
      startStyle: carry.startOf(n),
      ranges: search.active ? search.ranges(line.text) : [],
      current: current && current.line === n ? current.occurrence : -1,
    };
  };

  const abortDownload = useRef<AbortController | null>(null);
  const downloading = download?.id === id && download.status === 'running';
  const onDownload = (): void => {
    if (downloading) {
      abortDownload.current?.abort();
      return;
    }
    const abort = new AbortController();
    abortDownload.current = abort;
    void downloadLogs(id, showTimestamps, abort.signal).then((parts) => {
      if (parts) saveTextFile(parts, logFileName(name, new Date()));
    });
  };
  useEffect(() => () => abortDownload.current?.abort(), []);

  const total = logs.lines.length;
  const counter = search.error
    ? t('details.logs.badRegex')
    : !search.active
      ? ''
      : search.count === 0
        ? t('details.logs.noMatches')
        : search.truncated
          ? t('details.logs.matchOfMany', { index: formatCount(search.index + 1, language), max: formatCount(MAX_MATCHES, language) })
          : t('details.logs.matchOf', { index: formatCount(search.index + 1, language), total: formatCount(search.count, language) });

  const status =
    logs.status === 'failed'
      ? describeError(logs.error, t)
      : logs.status === 'opening' || logs.status === 'idle'
        ? t('details.logs.opening')
        : logs.status === 'ended'
          ? t('details.logs.ended', { count: total, lines: formatCount(total, language) })
          : t('details.logs.following', { count: total, lines: formatCount(total, language) });

  return (
    <div className="logs-tab">
      <div className="toolbar" role="toolbar" aria-label={t('details.logs.toolbar')}>
        <SearchBox
          className="search log-search"
          label={t('details.logs.search')}
          placeholder={t('details.logs.searchPlaceholder')}
          value={query}
          invalid={Boolean(search.error)}
          onChange={setQuery}
          onKeyDown={onSearchKey}
        />
        {([-1, 1] as const).map((by) => (
          <button
            key={by}
            type="button"
            className="icon-button"
            aria-label={t(by < 0 ? 'details.logs.previous' : 'details.logs.next')}
            title={t(by < 0 ? 'details.logs.previous' : 'details.logs.next')}
            disabled={search.count === 0}
            onClick={() => step(by)}
          >
            <ArrowIcon direction={by < 0 ? 'up' : 'down'} />
          </button>
        ))}
        <span className={search.error ? 'match-count bad' : 'match-count'} aria-live="polite">
          {counter}
        </span>
        <Check checked={caseSensitive} onChange={setCaseSensitive} label={t('details.logs.matchCase')} />
        <Check checked={regex} onChange={setRegex} label={t('details.logs.regex')} />
        <span className="spacer" />
        <Check checked={showTimestamps} onChange={setShowTimestamps} label={t('details.logs.timestamps')} />
        <Check checked={wrap} onChange={setWrap} label={t('details.logs.wrap')} />
        <button type="button" className="button" aria-pressed={follow} onClick={() => setFollow(!follow)}>
          {t('details.logs.follow')}
        </button>
        <button type="button" className="button" onClick={onDownload} disabled={!live && !downloading}>
          {downloading ? t('details.logs.cancelDownload', { size: formatSize(download.received, language, 'decimal') }) : t('details.logs.download')}
        </button>
      </div>
      {download?.id === id && download.status === 'failed' ? (
        <p className="note warn" role="alert">
          {t('details.logs.downloadFailed', { reason: describeError(download.error, t) })}
        </p>
      ) : null}
      {logs.lines.dropped > 0 ? (
        <p className="note">
          {t('details.logs.dropped', { count: logs.lines.dropped, dropped: formatCount(logs.lines.dropped, language), cap: formatCount(LOG_CAP, language) })}
        </p>
      ) : total >= LOG_CAP ? (
        <p className="note">{t('details.logs.capped', { cap: formatCount(LOG_CAP, language) })}</p>
      ) : null}
      {logs.skipped > 0 ? (
        <p className="note warn" role="status">
          {t('details.logs.skipped', { count: logs.skipped, skipped: formatCount(logs.skipped, language) })}
        </p>
      ) : null}
      <LogView
        first={firstLine(logs.lines)}
        end={endLine(logs.lines)}
        row={row}
        follow={follow}
        onFollowChange={setFollow}
        reveal={reveal}
        showTimestamps={showTimestamps}
        wrap={wrap}
        formatTime={formatLogTime}
        label={t('details.logs.label', { name })}
        empty={logs.status === 'ended' || logs.status === 'open' ? t('details.logs.empty') : null}
      />
      <p className={logs.status === 'failed' ? 'log-status bad' : 'log-status muted'} role={logs.status === 'failed' ? 'alert' : undefined}>
        {status}
      </p>
    </div>
  );
}

function ArrowIcon({ direction }: { direction: 'up' | 'down' }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={direction === 'up' ? 'M8 4l5 5-1 1-4-4-4 4-1-1z' : 'M8 12l5-5-1-1-4 4-4-4-1 1z'} fill="currentColor" />
    </svg>
  );
}
