// QA/QC setup: the standards table as an editable lookup (certified value and SD per standard and
// analyte), imported from a CSV or Excel file, and the blank and duplicate factors. Every change
// re-judges the project and brings the QA/QC warnings up to date.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { QaqcOverview, StandardRow, StandardsImportSummary } from '../../api/qaqc-types';
import { api } from '../api/api-client';
import { uploadFile } from '../api/file-upload';
import { describeError } from '../components/error-text';

interface Draft {
  id?: number;
  code: string;
  analyte: string;
  value: string;
  sd: string;
  unit: string;
  source: string;
}

const EMPTY: Draft = { code: '', analyte: '', value: '', sd: '', unit: '', source: '' };

function draftOf(row: StandardRow): Draft {
  return {
    id: row.id,
    code: row.code,
    analyte: row.analyte,
    value: String(row.certifiedValue),
    sd: String(row.sd),
    unit: row.unit,
    source: row.source ?? '',
  };
}

function importText(summary: StandardsImportSummary): string {
  if (summary.problems.length > 0)
    return `Nothing was imported: ${summary.problems
      .map(
        (p) => `${p.line === null ? '' : `line ${p.line}`}${p.column ? ` (${p.column})` : ''}: ${p.message}`,
      )
      .join(' ')}`;
  return `Imported: ${summary.added.length} added, ${summary.updated.length} changed, ${summary.unchanged} unchanged.`;
}

export function QaqcStandardsPanel({
  overview,
  onChanged,
}: {
  overview: QaqcOverview;
  onChanged: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [blankFactor, setBlankFactor] = useState(String(overview.settings.blankFactor));
  const [duplicateFactor, setDuplicateFactor] = useState(String(overview.settings.duplicateFactor));
  const fail = (error: unknown) => setNotice({ kind: 'error', text: describeError(error) });
  const field = (key: keyof Omit<Draft, 'id'>) => (event: ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [key]: event.target.value });

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await api['qaqc.saveStandard']({
        id: draft.id,
        code: draft.code,
        analyte: draft.analyte,
        value: draft.value,
        sd: draft.sd,
        unit: draft.unit,
        source: draft.source || null,
      });
      setNotice({ kind: 'info', text: `Saved ${draft.code.trim()} ${draft.analyte.trim()}.` });
      setDraft(EMPTY);
      onChanged();
    } catch (error) {
      fail(error);
    }
  }

  async function remove(row: StandardRow) {
    if (!window.confirm(`Delete ${row.code} ${row.analyte} from the standards table?`)) return;
    try {
      await api['qaqc.deleteStandard']({ id: row.id });
      setNotice({ kind: 'info', text: `Deleted ${row.code} ${row.analyte}.` });
      onChanged();
    } catch (error) {
      fail(error);
    }
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const uploaded = await uploadFile(file);
      const summary = await api['qaqc.importStandards']({ path: uploaded.path });
      setNotice({ kind: summary.problems.length > 0 ? 'error' : 'info', text: importText(summary) });
      if (summary.committed) onChanged();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function saveFactors(event: FormEvent) {
    event.preventDefault();
    try {
      const state = await api['qaqc.setSettings']({
        blankFactor: Number(blankFactor),
        duplicateFactor: Number(duplicateFactor),
      });
      setNotice({ kind: 'info', text: `Saved. ${state.failures} QA/QC failures, ${state.stored} warnings.` });
      onChanged();
    } catch (error) {
      fail(error);
    }
  }

  return (
    <section className="qaqc-setup" aria-label="QA/QC setup">
      <h2>Standards table</h2>
      <p className="hint">
        The certified value and one standard deviation of each reference material per analyte, as on its
        certificate. Import a CSV or Excel file with the columns code, analyte, value, sd (and optionally unit
        and source), or add lines here.
      </p>
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={notice.kind === 'error' ? 'error-text' : 'hint'}
        >
          {notice.text}
        </p>
      )}
      <table className="report-table" aria-label="Standards table">
        <thead>
          <tr>
            <th>Standard</th>
            <th>Analyte</th>
            <th>Certified</th>
            <th>SD</th>
            <th>Unit</th>
            <th>Source</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {overview.standardsTable.map((row) => (
            <tr key={row.id}>
              <td>{row.code}</td>
              <td>{row.analyte}</td>
              <td>{row.certifiedValue}</td>
              <td>{row.sd}</td>
              <td>{row.unit}</td>
              <td>{row.source ?? ''}</td>
              <td>
                <button type="button" onClick={() => setDraft(draftOf(row))}>
                  Edit
                </button>{' '}
                <button type="button" onClick={() => void remove(row)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="qaqc-standard-form" onSubmit={(event) => void save(event)}>
        <label>
          Standard code <input value={draft.code} onChange={field('code')} placeholder="CDN-ME-4" />
        </label>
        <label>
          Analyte <input value={draft.analyte} onChange={field('analyte')} placeholder="Zn" size={6} />
        </label>
        <label>
          Certified value <input value={draft.value} onChange={field('value')} inputMode="decimal" size={8} />
        </label>
        <label>
          SD <input value={draft.sd} onChange={field('sd')} inputMode="decimal" size={8} />
        </label>
        <label>
          Unit <input value={draft.unit} onChange={field('unit')} placeholder="as the analyte" size={6} />
        </label>
        <label>
          Source <input value={draft.source} onChange={field('source')} />
        </label>
        <button type="submit">{draft.id === undefined ? 'Add' : 'Save'}</button>
        {draft.id !== undefined && (
          <button type="button" onClick={() => setDraft(EMPTY)}>
            Cancel
          </button>
        )}
        <label className="qaqc-file">
          Import file{' '}
          <input
            type="file"
            accept=".csv,.tsv,.txt,.xlsx"
            disabled={busy}
            onChange={(event) => void importFile(event)}
          />
        </label>
      </form>
      <form className="qaqc-standard-form" onSubmit={(event) => void saveFactors(event)}>
        <label>
          Blanks fail above{' '}
          <input
            value={blankFactor}
            onChange={(e) => setBlankFactor(e.target.value)}
            inputMode="decimal"
            size={4}
          />{' '}
          x the detection limit
        </label>
        <label>
          Duplicates under{' '}
          <input
            value={duplicateFactor}
            onChange={(e) => setDuplicateFactor(e.target.value)}
            inputMode="decimal"
            size={4}
          />{' '}
          x the detection limit are not counted
        </label>
        <button type="submit">Save factors</button>
      </form>
    </section>
  );
}
