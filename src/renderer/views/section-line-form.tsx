// The section line in numbers: A and B (easting, northing), or the azimuth and length from A, and the
// half-width of the slab. A value that is not a number stays in its box with a message and changes nothing.
import { useState } from 'react';
import { sectionFrame, type SectionLine } from '../../domain/sections/section-geometry';

const RADIANS = Math.PI / 180;

type Field = 'ax' | 'ay' | 'bx' | 'by' | 'azimuth' | 'length' | 'halfWidth';

const LABELS: Record<Field, string> = {
  ax: 'A easting',
  ay: 'A northing',
  bx: 'B easting',
  by: 'B northing',
  azimuth: 'Azimuth A-B',
  length: 'Length',
  halfWidth: 'Half-width',
};

function texts(line: SectionLine): Record<Field, string> {
  const frame = sectionFrame(line);
  const fixed = (value: number, places: number) => String(Number(value.toFixed(places)));
  return {
    ax: fixed(line.start.x, 2),
    ay: fixed(line.start.y, 2),
    bx: fixed(line.end.x, 2),
    by: fixed(line.end.y, 2),
    azimuth: fixed(frame.azimuth, 1),
    length: fixed(frame.length, 1),
    halfWidth: fixed(line.halfWidth, 2),
  };
}

/** The line the boxes describe after `field` was edited, or a message saying what is wrong. */
function lineFrom(values: Record<Field, string>, field: Field): SectionLine | string {
  const n: Partial<Record<Field, number>> = {};
  for (const key of Object.keys(values) as Field[]) {
    const value = Number(values[key].trim());
    if (values[key].trim() === '' || !Number.isFinite(value)) return `${LABELS[key]} must be a number.`;
    n[key] = value;
  }
  const start = { x: n.ax!, y: n.ay! };
  let end = { x: n.bx!, y: n.by! };
  // Azimuth and length turn and stretch the line about A.
  if (field === 'azimuth' || field === 'length') {
    end = {
      x: start.x + n.length! * Math.sin(n.azimuth! * RADIANS),
      y: start.y + n.length! * Math.cos(n.azimuth! * RADIANS),
    };
  }
  const line = { start, end, halfWidth: n.halfWidth! };
  try {
    sectionFrame(line);
    return line;
  } catch (error) {
    return (error as Error).message;
  }
}

export function SectionLineForm({
  line,
  unit,
  onChange,
}: {
  line: SectionLine;
  unit: string;
  onChange: (line: SectionLine) => void;
}) {
  const [values, setValues] = useState(() => texts(line));
  const [shown, setShown] = useState(line);
  const [message, setMessage] = useState<string | null>(null);
  // A line changed elsewhere (drawn on the plan, chosen from the saved ones) refills the boxes.
  if (shown !== line) {
    setShown(line);
    setValues(texts(line));
    setMessage(null);
  }
  const commit = (field: Field) => {
    const next = lineFrom(values, field);
    if (typeof next === 'string') {
      setMessage(next);
      return;
    }
    setMessage(null);
    onChange(next);
  };
  const box = (field: Field, suffix: string) => (
    <label className="field" key={field}>
      <span>
        {LABELS[field]} <span className="unit">{suffix}</span>
      </span>
      <input
        aria-label={LABELS[field]}
        inputMode="decimal"
        value={values[field]}
        onChange={(event) => setValues({ ...values, [field]: event.target.value })}
        onBlur={() => commit(field)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(field);
        }}
      />
    </label>
  );
  return (
    <fieldset className="section-line-form">
      <legend>Section line</legend>
      <div className="field-row">
        {box('ax', unit)}
        {box('ay', unit)}
        {box('bx', unit)}
        {box('by', unit)}
        {box('azimuth', 'deg')}
        {box('length', unit)}
        {box('halfWidth', unit)}
      </div>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </fieldset>
  );
}
