// The project window: a sidebar of tables and views, the selected view, and a status bar with the
// project file, row counts and problem counts.
import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '../api/types';
import type { DataTable } from '../domain/model';
import { api } from './api/api-client';
import { describeError } from './components/error-text';
import { useDesktopIntegration } from './views/desktop-integration';
import { DesktopNotice } from './views/desktop-notice';
import { InterceptsView } from './views/intercepts-view';
import { TableView } from './views/table-view';
import { ValidationView } from './views/validation-view';

type ViewId = DataTable | 'validation' | 'intercepts';

const VIEWS: { id: ViewId; label: string }[] = [
  { id: 'holes', label: 'Holes' },
  { id: 'surveys', label: 'Surveys' },
  { id: 'samples', label: 'Samples and assays' },
  { id: 'lithology', label: 'Lithology' },
  { id: 'validation', label: 'Validation' },
  { id: 'intercepts', label: 'Intercepts' },
];

export function App() {
  const [view, setView] = useState<ViewId>('holes');
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A hole another view asked to open (an intercept row opens its samples); cleared by the sidebar.
  const [holeFilter, setHoleFilter] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api['project.info']({}).then(setInfo, (failure: unknown) => setError(describeError(failure)));
  }, []);
  useEffect(refresh, [refresh]);
  // The desktop menu's Import and Export, and files dropped on the window (issue 6).
  const desktop = useDesktopIntegration((target) => {
    const known = VIEWS.find((entry) => (entry.id as string) === target);
    if (known) setView(known.id);
    else setError(`The ${target} view is not part of this build of drillbench yet.`);
  });

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Tables and views">
        <div className="brand">drillbench</div>
        {VIEWS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            className={entry.id === view ? 'nav-item active' : 'nav-item'}
            aria-current={entry.id === view ? 'page' : undefined}
            onClick={() => {
              setHoleFilter(null);
              setView(entry.id);
            }}
          >
            {entry.label}
          </button>
        ))}
      </nav>
      <main className="content">
        {desktop.notice && <DesktopNotice notice={desktop.notice} onDismiss={desktop.dismiss} />}
        {error && (
          <div role="alert" className="error-banner">
            {error}
          </div>
        )}
        {view === 'validation' ? (
          <ValidationView />
        ) : view === 'intercepts' ? (
          <InterceptsView
            lengthUnit={info?.settings.length_unit ?? 'm'}
            onOpenHole={(holeId) => {
              setHoleFilter(holeId);
              setView('samples');
            }}
          />
        ) : (
          <>
            {holeFilter && (
              <div className="hole-filter-note">
                Hole {holeFilter} only; choose the table in the sidebar to see every hole.
              </div>
            )}
            <TableView
              key={`${view}:${holeFilter ?? ''}`}
              table={view}
              lengthUnit={info?.settings.length_unit ?? 'm'}
              holeId={holeFilter ?? undefined}
            />
          </>
        )}
      </main>
      <footer className="status-bar" aria-label="Project status">
        {info ? (
          <>
            <span title={info.path}>{info.settings.name}</span>
            <span>{info.path}</span>
            <span>
              {info.counts.holes} holes, {info.counts.surveys} surveys, {info.counts.samples} samples,{' '}
              {info.counts.lithology} lithology
            </span>
            <span className={info.problems.errors > 0 ? 'status-errors' : undefined}>
              {info.problems.errors} errors, {info.problems.warnings} warnings
            </span>
          </>
        ) : (
          <span>Opening project...</span>
        )}
      </footer>
    </div>
  );
}
