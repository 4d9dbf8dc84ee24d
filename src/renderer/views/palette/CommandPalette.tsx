// The command palette (Ctrl+K, ⌘K): one field over a virtualized list of every view, every
// container by name and the main actions. Keyboard only: type to narrow, Up/Down (PageUp/PageDown)
// to choose, Enter to run, Escape to close. The WAI-ARIA combobox pattern: the field owns the
// list and names the chosen option (aria-activedescendant); focus never leaves the field.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useT } from '../../i18n/react';
import { useContainers, useEngine, useIsolation, usePreferences, useUi } from '../../stores/react';
import { isLive } from '../../stores/selectors/engine';
import { ModalDialog, focusViewHeading } from '../../components/ModalDialog';
import { matchEntries, paletteEntries, type Command, type Entry } from './model';
import './palette.css';

const OPTION_HEIGHT = 34;
const PAGE = 8;

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const t = useT();
  const byId = useContainers((s) => s.byId);
  const live = useEngine((s) => isLive(s.link, s.snapshot));
  const run = useRunCommand();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);

  const entries = useMemo(() => paletteEntries(t, [...byId.values()], live), [t, byId, live]);
  const shown = useMemo(() => matchEntries(entries, query), [entries, query]);
  const at = Math.min(active, Math.max(0, shown.length - 1));

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => OPTION_HEIGHT,
    getItemKey: (index) => shown[index]!.key,
    overscan: 6,
    initialRect: { width: 0, height: 320 },
  });

  const choose = (index: number): void => {
    if (shown.length === 0) return;
    const next = Math.max(0, Math.min(shown.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const runEntry = (entry: Entry | undefined): void => {
    if (!entry) return;
    onClose();
    run(entry.command);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + PAGE, PageUp: at - PAGE };
    if (event.key in moves) {
      event.preventDefault();
      choose(moves[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      runEntry(shown[at]);
    }
  };
  const optionId = (index: number): string => `${listId}-${index}`;

  return (
    <ModalDialog onCancel={onClose} className="palette">
      {(titleId) => (
        <>
          <h2 id={titleId} className="visually-hidden">
            {t('palette.title')}
          </h2>
          <input
            type="text"
            className="palette-field"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={shown.length > 0 ? optionId(at) : undefined}
            aria-label={t('palette.title')}
            placeholder={t('palette.placeholder')}
            value={query}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              virtualizer.scrollToOffset(0);
            }}
            onKeyDown={onKeyDown}
          />
          <div ref={scrollRef} className="palette-scroll">
            {shown.length === 0 ? (
              <p className="palette-empty" role="status">
                {t('palette.empty')}
              </p>
            ) : (
              <div id={listId} role="listbox" aria-label={t('palette.title')} className="palette-list" style={{ height: virtualizer.getTotalSize() }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const entry = shown[item.index]!;
                  return (
                    <div
                      key={item.key}
                      id={optionId(item.index)}
                      role="option"
                      aria-selected={item.index === at}
                      aria-setsize={shown.length}
                      aria-posinset={item.index + 1}
                      className={item.index === at ? 'palette-option active' : 'palette-option'}
                      style={{ transform: `translateY(${item.start}px)` }}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => runEntry(entry)}
                    >
                      <span className="palette-label">{entry.label}</span>
                      <span className="palette-detail">{entry.detail}</span>
                    </div>
                  );
                })}
              </div>
            )}
          </div>
          <p className="palette-hint">{t('palette.hint')}</p>
        </>
      )}
    </ModalDialog>
  );
}

/** What an entry does. A view or a container puts the focus on its heading. */
function useRunCommand(): (command: Command) => void {
  const setView = useUi((s) => s.setView);
  const openDetails = useUi((s) => s.openDetails);
  const openCreate = useIsolation((s) => s.openCreate);
  const setTheme = usePreferences((s) => s.setTheme);
  const setDensity = usePreferences((s) => s.setDensity);
  const setLanguage = usePreferences((s) => s.setLanguage);
  return (command) => {
    switch (command.kind) {
      case 'view':
        setView(command.view);
        requestAnimationFrame(focusViewHeading);
        return;
      case 'container':
        openDetails(command.id);
        return;
      case 'create':
        openCreate();
        return;
      case 'theme':
        void setTheme(command.theme);
        return;
      case 'density':
        void setDensity(command.density);
        return;
      case 'language':
        void setLanguage(command.language);
        return;
    }
  };
}
