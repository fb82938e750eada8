// The project window: a sidebar of tables and views, the selected view, and a status bar with the
// project file, row counts and problem counts.
import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '../api/types';
import type { DataTable } from '../domain/model';
import { api } from './api/api-client';
import { describeError } from './components/error-text';
import { TableView } from './views/table-view';
import { ValidationView } from './views/validation-view';
import { ImportView } from './views/import-view';
import { ExportView } from './views/export-view';

type ViewId = DataTable | 'validation' | 'import' | 'export';

const VIEWS: { id: ViewId; label: string }[] = [
  { id: 'holes', label: 'Holes' },
  { id: 'surveys', label: 'Surveys' },
  { id: 'samples', label: 'Samples and assays' },
  { id: 'lithology', label: 'Lithology' },
  { id: 'validation', label: 'Validation' },
  { id: 'import', label: 'Import' },
  { id: 'export', label: 'Export' },
];

export function App() {
  const [view, setView] = useState<ViewId>('holes');
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api['project.info']({}).then(setInfo, (failure: unknown) => setError(describeError(failure)));
  }, []);
  useEffect(refresh, [refresh]);

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
            onClick={() => setView(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </nav>
      <main className="content">
        {error && (
          <div role="alert" className="error-banner">
            {error}
          </div>
        )}
        {view === 'import' ? (
          <ImportView info={info} onImported={refresh} />
        ) : view === 'export' ? (
          <ExportView />
        ) : view === 'validation' ? (
          <ValidationView />
        ) : (
          <TableView key={view} table={view} lengthUnit={info?.settings.length_unit ?? 'm'} />
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
