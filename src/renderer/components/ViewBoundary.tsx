// A React error boundary around each view: when a view throws while rendering, the window keeps
// its sidebar and shows "this view failed" with the error and a button that renders the view
// again, instead of going blank. The error also goes to the console for a bug report.
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import type { Translate } from '../i18n';
import { useT } from '../i18n/react';

interface Props {
  t: Translate;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ViewBoundaryOf extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A view failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ViewFailed error={error} t={this.props.t} onReload={() => this.setState({ error: null })} />;
  }
}

export function ViewFailed({ error, t, onReload }: { error: Error; t: Translate; onReload: () => void }) {
  return (
    <section className="view view-failed" role="alert" aria-labelledby="view-failed-title">
      <h1 id="view-failed-title">{t('view.failed.title')}</h1>
      <p>{t('view.failed.body')}</p>
      <pre className="engine-words">{error.message || error.name}</pre>
      <div>
        <button type="button" className="button primary" onClick={onReload}>
          {t('view.failed.reload')}
        </button>
      </div>
    </section>
  );
}

/** The boundary in the person's language; give it a `key` per view so a new view starts clean. */
export function ViewBoundary({ children }: { children: ReactNode }) {
  const t = useT();
  return <ViewBoundaryOf t={t}>{children}</ViewBoundaryOf>;
}
