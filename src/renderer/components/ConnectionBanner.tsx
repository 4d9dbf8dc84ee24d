// The state of the link to Silo and of Silo's link to the engine, in one live status line.
import { useT } from '../i18n/react';
import { useEngine } from '../stores/react';
import { bannerMessage } from '../format/connection';

export function ConnectionBanner() {
  const t = useT();
  const link = useEngine((s) => s.link);
  const snapshot = useEngine((s) => s.snapshot);
  const { tone, text } = bannerMessage(link, snapshot, t);
  return (
    <div role="status" className={`banner banner-${tone}`}>
      <span className={`dot dot-${tone}`} aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
