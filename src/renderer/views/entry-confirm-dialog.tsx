// Asks before deleting rows, saying what goes with them (a hole's surveys, samples and results; a
// sample's results) and that Ctrl+Z brings them back.
import { useEffect, useRef } from 'react';
import type { DeletePreview } from '../../api/entry-types';
import type { DataTable } from '../../domain/model';
import { useModalFocus } from './modal-focus';

const NOUNS: Record<DataTable, [string, string]> = {
  holes: ['hole', 'holes'],
  surveys: ['survey', 'surveys'],
  samples: ['sample', 'samples'],
  lithology: ['lithology interval', 'lithology intervals'],
};

export function deleteQuestion(table: DataTable, preview: DeletePreview): string {
  const [one, many] = NOUNS[table];
  const named =
    preview.labels.join(', ') +
    (preview.rows > preview.labels.length ? ` and ${preview.rows - preview.labels.length} more` : '');
  const parts: string[] = [];
  const { dependents } = preview;
  if (dependents.surveys) parts.push(`${dependents.surveys} surveys`);
  if (dependents.samples) parts.push(`${dependents.samples} samples`);
  if (dependents.assayResults) parts.push(`${dependents.assayResults} assay results`);
  if (dependents.lithology) parts.push(`${dependents.lithology} lithology intervals`);
  const withThem = parts.length > 0 ? `, with their ${parts.join(', ')}` : '';
  return `Delete ${preview.rows === 1 ? `1 ${one}` : `${preview.rows} ${many}`} (${named})${withThem}?`;
}

export function ConfirmDialog(props: {
  question: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, { onEscape: props.onCancel });
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-text"
        className="dialog"
      >
        <p id="confirm-text">{props.question}</p>
        <p className="hint">Ctrl+Z undoes the delete.</p>
        <div className="dialog-buttons">
          <button type="button" className="danger" disabled={props.busy} onClick={props.onConfirm}>
            Delete
          </button>
          <button type="button" ref={cancel} onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
