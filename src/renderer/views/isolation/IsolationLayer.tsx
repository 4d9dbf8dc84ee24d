// Mounted once under the connection banner: the notices about recoveries and creates, and the
// dialogs (move, new container) that any view may open through the isolation store.
import { Suspense, useEffect } from 'react';
import './isolation.css';
import { useEngine, useIsolation } from '../../stores/react';
import { Create, Move } from '../lazy';
import { CreateNotice, RecoveryNotices } from './Notices';

export function IsolationLayer() {
  const linkOpen = useEngine((s) => s.link.state === 'open');
  const moveRequest = useIsolation((s) => s.moveRequest);
  const creating = useIsolation((s) => s.creating);
  const createImage = useIsolation((s) => s.createImage);
  const recoveries = useIsolation((s) => s.recoveries);
  const dismissed = useIsolation((s) => s.dismissed);
  const notice = useIsolation((s) => s.notice);
  const loadRecoveries = useIsolation((s) => s.loadRecoveries);
  const dismissRecovery = useIsolation((s) => s.dismissRecovery);
  const dismissNotice = useIsolation((s) => s.dismissNotice);
  const closeMove = useIsolation((s) => s.closeMove);
  const closeCreate = useIsolation((s) => s.closeCreate);

  // Recoveries made before this page opened, or while its link to Silo was down, are told too.
  useEffect(() => {
    if (linkOpen) void loadRecoveries();
  }, [linkOpen, loadRecoveries]);

  return (
    <>
      <RecoveryNotices reports={recoveries} dismissed={dismissed} onDismiss={dismissRecovery} />
      {notice ? <CreateNotice result={notice.result} onDismiss={dismissNotice} /> : null}
      {/* Dialogs load with their first opening; nothing shows meanwhile (it is a moment). */}
      <Suspense fallback={null}>
        {moveRequest ? <Move.Component key={JSON.stringify(moveRequest)} request={moveRequest} onClose={closeMove} /> : null}
        {creating ? <Create.Component onClose={closeCreate} image={createImage ?? undefined} /> : null}
      </Suspense>
    </>
  );
}
