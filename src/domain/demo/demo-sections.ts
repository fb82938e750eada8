// The section line the demo ships with: a long section through the Lower E zone along the fans of the
// seven stations, wide enough to hold every intercept of the 2011 release. Drawn from the north-west (A)
// to the south-east (B), it is seen looking north-north-east, with the horizon rising towards B at its
// apparent dip of about 27 degrees (28.5 deg to 315 seen on a section at 115).
import type { SectionLine } from '../sections/section-geometry';

export interface NamedSectionLine {
  name: string;
  line: SectionLine;
}

export const DEMO_SECTION_LINES: readonly NamedSectionLine[] = [
  {
    name: 'Lower E zone 2011',
    line: { start: { x: 368140, y: 5729590 }, end: { x: 368860, y: 5729250 }, halfWidth: 75 },
  },
];
