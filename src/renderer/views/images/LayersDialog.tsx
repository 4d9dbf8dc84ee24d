// What an image is: its facts, and its layers oldest first (as a Dockerfile reads), each with the
// command that made it, what it added and when.
import { useEffect, useMemo, useState } from 'react';
import type { SiloError } from '../../../shared/errors';
import type { ImageLayer, ImageListItem } from '../../../shared/model/image-list';
import { errorOf } from '../../api';
import { formatBytes, formatDate } from '../../format/bytes';
import { humanDuration } from '../../format/duration';
import { useLanguage, useT } from '../../i18n/react';
import { InfoDialog } from '../../components/InfoDialog';
import { ErrorNote } from '../../components/ResourceParts';
import { useImages } from '../../stores/resources-react';
import { platformOf, readableCommand, summarizeLayers, wrapCommand } from './model';

type Loaded = { state: 'loading' } | { state: 'done'; layers: ImageLayer[] } | { state: 'failed'; error: SiloError };

export function LayersDialog({ image, name, onClose }: { image: ImageListItem; name: string; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const history = useImages((s) => s.history);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    history(image.id).then(
      (layers) => live && setLoaded({ state: 'done', layers }),
      (reason: unknown) => live && setLoaded({ state: 'failed', error: errorOf(reason) }),
    );
    return () => {
      live = false;
    };
  }, [history, image.id]);

  const oldestFirst = useMemo(() => (loaded.state === 'done' ? [...loaded.layers].reverse() : []), [loaded]);
  const summary = loaded.state === 'done' ? summarizeLayers(loaded.layers) : null;
  const now = Date.now();
  const facts: Array<[string, string]> = [
    [t('images.fact.id'), image.id],
    [t('images.fact.tags'), image.tags.join(t('list.separator')) || t('images.noTags')],
    [t('images.fact.size'), formatBytes(image.size, language)],
    [t('images.fact.created'), formatDate(image.createdAt, language)],
    [t('images.fact.platform'), platformOf(image) || t('common.unknown')],
  ];
  if (image.osVersion) facts.push([t('images.fact.osVersion'), image.osVersion]);
  if (image.containers >= 0) facts.push([t('images.fact.containers'), String(image.containers)]);
  if (image.digests.length > 0) facts.push([t('images.fact.digests'), image.digests.join('\n')]);

  return (
    <InfoDialog className="wide-dialog layers-dialog" title={t('images.layersTitle', { name })} onClose={onClose}>
      <dl className="res-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {loaded.state === 'loading' ? (
        <p className="muted" role="status">
          {t('images.layersLoading')}
        </p>
      ) : null}
      {loaded.state === 'failed' ? <ErrorNote error={loaded.error} prefix={(reason) => t('images.layersFailed', { reason })} /> : null}
      {summary ? (
        <p className="muted">{t('images.layersSummary', { count: summary.fileLayers, steps: summary.steps, size: formatBytes(summary.size, language) })}</p>
      ) : null}
      {loaded.state === 'done' ? (
        <div className="layers-scroll">
          <table className="layers-table" aria-label={t('images.layersTable', { name })}>
            <thead>
              <tr>
                <th scope="col">{t('layers.step')}</th>
                <th scope="col">{t('layers.command')}</th>
                <th scope="col" className="num">
                  {t('layers.size')}
                </th>
                <th scope="col">{t('layers.created')}</th>
              </tr>
            </thead>
            <tbody>
              {oldestFirst.map((layer, i) => {
                const command = readableCommand(layer.createdBy);
                const lines = command.text ? wrapCommand(command.text) : [];
                return (
                  <tr key={i} className={layer.empty ? 'layer-empty' : undefined}>
                    <td className="num">{i + 1}</td>
                    <td className="layer-command" title={layer.createdBy || undefined}>
                      {command.instruction ? <span className="tag instruction">{command.instruction}</span> : null}
                      {lines.length > 0 ? <code>{lines.join('\n')}</code> : <span className="muted">{layer.comment || t('layers.noCommand')}</span>}
                      {layer.comment && lines.length > 0 ? <span className="layer-comment muted">{layer.comment}</span> : null}
                    </td>
                    <td className="num">
                      {layer.empty || layer.size === 0 ? <span className="muted">{t('layers.noFiles')}</span> : formatBytes(layer.size, language)}
                    </td>
                    <td title={formatDate(layer.createdAt, language)}>
                      {layer.createdAt > 0 ? t('resources.ago', { duration: humanDuration(now - layer.createdAt, t) }) : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="note">{t('images.layersOrder')}</p>
    </InfoDialog>
  );
}
