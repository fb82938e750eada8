// The project window: a sidebar of tables and views, the selected view, and a status bar with the
// project file, row counts and problem counts.
import { useCallback, useEffect, useState } from 'react';
import type { ProjectStatus } from '../api/entry-types';
import type { ProjectInfo } from '../api/types';
import type { DataTable } from '../domain/model';
import { api } from './api/api-client';
import { describeError } from './components/error-text';
import { useDesktopIntegration } from './views/desktop-integration';
import { DesktopNotice } from './views/desktop-notice';
import { CompositesView } from './views/composites-view';
import { DesurveyView } from './views/desurvey-view';
import { InterceptsView } from './views/intercepts-view';
import { LookupListsView } from './views/lookup-lists-view';
import { TableView, type RowTarget } from './views/table-view';
import { ValidationView } from './views/validation-view';
import { QaqcView } from './views/qaqc-view';
import { ImportView } from './views/import-view';
import { ExportView } from './views/export-view';
import { HoleSearch } from './views/hole-search';
import { HoleView, type HoleTarget } from './views/hole-view';
import { PlanView } from './views/plan-view';
import { SectionView } from './views/section-view';
import { ProjectSettingsView } from './views/project-settings-view';
import { describeCrs } from '../domain/coordinate-systems';
import { plural } from '../domain/report/plural';

type ViewId =
  | DataTable
  | 'lookups'
  | 'validation'
  | 'qaqc'
  | 'intercepts'
  | 'composites'
  | 'desurvey'
  | 'plan'
  | 'section'
  | 'import'
  | 'export'
  | 'hole'
  | 'settings';

const VIEWS: { id: ViewId; label: string }[] = [
  { id: 'holes', label: 'Holes' },
  { id: 'surveys', label: 'Surveys' },
  { id: 'samples', label: 'Samples and assays' },
  { id: 'lithology', label: 'Lithology' },
  { id: 'lookups', label: 'Lookup lists' },
  { id: 'validation', label: 'Validation' },
  { id: 'qaqc', label: 'QA/QC' },
  { id: 'intercepts', label: 'Intercepts' },
  { id: 'composites', label: 'Composites' },
  { id: 'desurvey', label: 'Desurvey' },
  { id: 'plan', label: 'Plan' },
  { id: 'section', label: 'Section' },
  { id: 'import', label: 'Import' },
  { id: 'export', label: 'Export' },
  { id: 'settings', label: 'Project settings' },
];

export function App() {
  const [view, setView] = useState<ViewId>('holes');
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<RowTarget | null>(null);
  const [hole, setHole] = useState<HoleTarget | null>(null);

  const refresh = useCallback(() => {
    api['project.info']({}).then(setInfo, (failure: unknown) => setError(describeError(failure)));
  }, []);
  useEffect(refresh, [refresh]);
  // Every write returns the status bar's figures.
  const onStatus = useCallback((status: ProjectStatus) => {
    setInfo((current) =>
      current ? { ...current, counts: status.counts, problems: status.problems } : current,
    );
  }, []);
  const open = useCallback((row: RowTarget) => {
    setTarget(row);
    setView(row.table);
  }, []);
  // A hole's one-page view (issue 11), from the search box, a Hole ID or an intercept row.
  const openHole = useCallback((next: HoleTarget) => {
    setHole({ ...next });
    setView('hole');
  }, []);
  const openHoleById = useCallback((holeId: string) => openHole({ holeId }), [openHole]);
  // The desktop menu's Import and Export, and files dropped on the window (issue 6).
  const desktop = useDesktopIntegration((targetView) => {
    const known = VIEWS.find((entry) => (entry.id as string) === targetView);
    if (known) setView(known.id);
    else setError(`The ${targetView} view is not part of this build of drillbench yet.`);
  });

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Tables and views">
        <div className="brand">drillbench</div>
        <HoleSearch onOpen={openHoleById} />
        {VIEWS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            className={entry.id === view ? 'nav-item active' : 'nav-item'}
            aria-current={entry.id === view ? 'page' : undefined}
            onClick={() => {
              setTarget(null);
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
        {view === 'hole' ? (
          hole && <HoleView target={hole} onOpen={open} />
        ) : view === 'import' ? (
          <ImportView info={info} onImported={refresh} />
        ) : view === 'export' ? (
          <ExportView lengthUnit={info?.settings.length_unit ?? 'm'} />
        ) : view === 'validation' ? (
          <ValidationView onOpen={open} onOpenSettings={() => setView('settings')} />
        ) : view === 'settings' ? (
          <ProjectSettingsView info={info} onChanged={refresh} />
        ) : view === 'plan' ? (
          <PlanView onOpenSection={() => setView('section')} />
        ) : view === 'section' ? (
          <SectionView />
        ) : view === 'qaqc' ? (
          <QaqcView onOpen={open} onStatus={onStatus} />
        ) : view === 'lookups' ? (
          <LookupListsView onStatus={onStatus} />
        ) : view === 'intercepts' ? (
          <InterceptsView
            lengthUnit={info?.settings.length_unit ?? 'm'}
            onOpenHole={(holeId) => open({ table: 'samples', holeId, rowId: null, column: null })}
            onOpenStripLog={openHole}
          />
        ) : view === 'composites' ? (
          <CompositesView
            lengthUnit={info?.settings.length_unit ?? 'm'}
            onOpenHole={(holeId) => open({ table: 'samples', holeId, rowId: null, column: null })}
            onOpenStripLog={openHole}
            onOpenSection={() => setView('section')}
          />
        ) : view === 'desurvey' ? (
          <DesurveyView
            lengthUnit={info?.settings.length_unit ?? 'm'}
            onOpenHole={(holeId) => open({ table: 'surveys', holeId, rowId: null, column: null })}
          />
        ) : (
          <TableView
            key={view}
            table={view}
            lengthUnit={info?.settings.length_unit ?? 'm'}
            target={target?.table === view ? target : null}
            onStatus={onStatus}
            onOpenHole={openHoleById}
          />
        )}
      </main>
      <footer className="status-bar" aria-label="Project status">
        {info ? (
          <>
            <span title={info.path}>{info.settings.name}</span>
            <span>{info.path}</span>
            <button
              type="button"
              className="status-crs"
              data-testid="status-crs"
              title="Coordinate system: open Project settings"
              onClick={() => setView('settings')}
            >
              {describeCrs(info.settings.coordinate_system)}
            </button>
            <span>
              {plural(info.counts.holes, 'hole')}, {plural(info.counts.surveys, 'survey')},{' '}
              {plural(info.counts.samples, 'sample')}, {info.counts.lithology.toLocaleString('en')} lithology
            </span>
            <span className={info.problems.errors > 0 ? 'status-errors' : undefined}>
              {plural(info.problems.errors, 'error')}, {plural(info.problems.warnings, 'warning')}
            </span>
          </>
        ) : (
          <span>Opening project...</span>
        )}
      </footer>
    </div>
  );
}
