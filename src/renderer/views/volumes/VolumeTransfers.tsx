// Beside a volume's files: import a tar (or .tar.gz) into this volume or a new one, and clone the
// volume into a new one. Into this volume when it holds files, the person must choose replace or
// merge, and is told a backup clone is made first; the outcome names that backup.
import { useEffect, useId, useRef, useState } from 'react';
import { formatBytes } from '../../format/bytes';
import { useLanguage, useT } from '../../i18n/react';
import { ErrorNote } from '../../components/ResourceParts';
import { useStores } from '../../stores/react';
import { useVolumeImport } from '../../stores/resources-react';
import { volumeNameProblem } from './model';

type Into = 'this' | 'new';

export function VolumeTransfers({ volume, holdsFiles, live, onDone }: { volume: string; holdsFiles: boolean; live: boolean; onDone: () => void }) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const store = useStores().volumeImport;
  const run = useVolumeImport((s) => s.run);
  const clone = useVolumeImport((s) => s.clone);
  const [file, setFile] = useState<File | null>(null);
  const [into, setInto] = useState<Into>('new');
  const [newName, setNewName] = useState('');
  const [mode, setMode] = useState<'replace' | 'merge' | null>(null);
  const [cloneName, setCloneName] = useState('');

  useEffect(() => () => store.getState().reset(), [store]);
  // Once per finished import into this volume, the folder shown is read again.
  const refreshed = useRef<number | null>(null);
  useEffect(() => {
    if (run?.phase !== 'done' || run.target !== volume || refreshed.current === run.id) return;
    refreshed.current = run.id;
    onDone();
  }, [run, volume, onDone]);

  const importing = run?.phase === 'running' || run?.phase === 'finishing';
  const target = into === 'this' ? volume : newName.trim();
  const needsChoice = into === 'this' && holdsFiles;
  const nameBad = into === 'new' && (target === '' || volumeNameProblem(target) !== null);
  const canImport = live && !importing && file !== null && !nameBad && (!needsChoice || mode !== null);
  const cloneBad = cloneName.trim() === '' || volumeNameProblem(cloneName.trim()) !== null;

  return (
    <div className="volume-transfers">
      <fieldset>
        <legend>{t('volumeImport.title')}</legend>
        <label>
          {t('volumeImport.file')}{' '}
          <input type="file" accept=".tar,.tar.gz,.tgz,application/x-tar,application/gzip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          <input type="radio" name={`${id}-into`} checked={into === 'new'} onChange={() => setInto('new')} /> {t('volumeImport.intoNew')}
        </label>
        <input
          type="text"
          aria-label={t('volumeImport.newName')}
          value={newName}
          spellCheck={false}
          disabled={into !== 'new'}
          onChange={(e) => setNewName(e.target.value)}
        />
        <label>
          <input type="radio" name={`${id}-into`} checked={into === 'this'} onChange={() => setInto('this')} /> {t('volumeImport.intoThis', { name: volume })}
        </label>
        {needsChoice ? (
          <div role="radiogroup" aria-label={t('volumeImport.choice')}>
            <p className="warn-box">{t('volumeImport.holdsFiles', { name: volume })}</p>
            <label>
              <input type="radio" name={`${id}-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('volumeImport.merge')}
            </label>
            <label>
              <input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('volumeImport.replace')}
            </label>
          </div>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={!canImport}
          onClick={() =>
            file && void store.getState().start(file, { name: target, into: into === 'this' ? 'existing' : 'new', ...(needsChoice && mode ? { mode } : {}) })
          }
        >
          {t('volumeImport.start')}
        </button>
        {run ? (
          <div role="status" aria-label={t('volumeImport.status')} className="volume-save">
            {importing ? <progress max={run.size} value={run.sent} /> : null}
            <span>
              {t(`volumeImport.phase.${run.phase}` as const, {
                name: run.target,
                sent: formatBytes(run.sent, language),
                size: formatBytes(run.size, language),
                files: run.result?.files ?? 0,
              })}
              {run.result?.backup ? ` ${t('volumeImport.backup', { backup: run.result.backup })}` : ''}
            </span>
            {importing ? (
              <button type="button" className="button" onClick={() => store.getState().cancel()}>
                {t('common.cancel')}
              </button>
            ) : null}
            {run.error ? <ErrorNote error={run.error} /> : null}
          </div>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('volumeClone.title')}</legend>
        <input type="text" aria-label={t('volumeClone.name')} value={cloneName} spellCheck={false} onChange={(e) => setCloneName(e.target.value)} />
        <button
          type="button"
          className="button"
          disabled={!live || cloneBad || clone?.phase === 'running'}
          onClick={() => void store.getState().cloneVolume(volume, cloneName.trim())}
        >
          {t('volumeClone.start')}
        </button>
        {clone ? (
          <div role="status" aria-label={t('volumeClone.status')}>
            <span>{t(`volumeClone.phase.${clone.phase}` as const, { name: clone.target })}</span>
            {clone.error ? <ErrorNote error={clone.error} /> : null}
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
