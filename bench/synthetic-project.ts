// A deterministic generator of a large synthetic project as CSV files, the way a user's export from
// another system would arrive: 10,000 holes, 1,000,000 sample intervals, two analytes.
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticOptions {
  holes: number;
  samplesPerHole: number;
  seed: number;
}

export const FULL_SIZE: SyntheticOptions = { holes: 10_000, samplesPerHole: 100, seed: 42 };

/** Mulberry32: small, fast and good enough for test data; the same seed always gives the same files. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class BufferedWriter {
  private buffer: string[] = [];
  private size = 0;
  constructor(private readonly stream: WriteStream) {}
  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) await this.drain();
  }
  private async drain(): Promise<void> {
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk))
      await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }
  async close(): Promise<void> {
    await this.drain();
    await new Promise<void>((resolve, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

export interface SyntheticFiles {
  collars: string;
  surveys: string;
  assays: string;
  rows: { collars: number; surveys: number; assays: number };
}

/** Writes collar.csv, survey.csv and assay.csv (metres, negative-down dips) into `directory`. */
export async function writeSyntheticProject(
  directory: string,
  options: SyntheticOptions = FULL_SIZE,
): Promise<SyntheticFiles> {
  const random = seededRandom(options.seed);
  const files = {
    collars: join(directory, 'collar.csv'),
    surveys: join(directory, 'survey.csv'),
    assays: join(directory, 'assay.csv'),
  };
  const collars = new BufferedWriter(createWriteStream(files.collars));
  const surveys = new BufferedWriter(createWriteStream(files.surveys));
  const assays = new BufferedWriter(createWriteStream(files.assays));
  await collars.write('hole_id,easting,northing,elevation,azimuth,dip,eoh\n');
  await surveys.write('hole_id,depth,azimuth,dip\n');
  await assays.write('hole_id,depth_from,depth_to,sample_id,Cu_pct,Au_ppm\n');
  const rows = { collars: 0, surveys: 0, assays: 0 };
  let sampleNumber = 1;
  for (let hole = 0; hole < options.holes; hole++) {
    const holeId = `SY${String(hole + 1).padStart(5, '0')}`;
    const azimuth = Math.floor(random() * 360);
    const dip = -45 - Math.floor(random() * 45);
    let depth = Math.round(random() * 50) / 10;
    const lengths: number[] = [];
    for (let i = 0; i < options.samplesPerHole; i++) lengths.push(0.5 + Math.round(random() * 15) / 10);
    const eoh = Math.round((depth + lengths.reduce((a, b) => a + b, 0) + 2) * 10) / 10;
    await collars.write(
      `${holeId},${(500000 + random() * 5000).toFixed(2)},${(6000000 + random() * 5000).toFixed(2)},${(1200 + random() * 100).toFixed(1)},${azimuth},${dip},${eoh}\n`,
    );
    rows.collars++;
    for (let station = 0; station <= eoh; station += 50) {
      const drift = station / 50;
      await surveys.write(
        `${holeId},${station},${(azimuth + drift * 0.8) % 360},${(dip + drift * 0.5).toFixed(1)}\n`,
      );
      rows.surveys++;
    }
    const zone = random() * eoh;
    for (const length of lengths) {
      const from = depth;
      const to = Math.round((depth + length) * 10) / 10;
      const distance = Math.abs(from - zone);
      const cu = Math.max(0, (distance < 20 ? 1.5 : 0.1) * random() * 2);
      const au = Math.max(0, (distance < 20 ? 3 : 0.05) * random() * 2);
      const cuText = cu < 0.01 ? '<0.01' : cu.toFixed(3);
      const auText = au < 0.005 ? '-0.005' : au.toFixed(3);
      await assays.write(
        `${holeId},${from.toFixed(1)},${to.toFixed(1)},S${String(sampleNumber++).padStart(7, '0')},${cuText},${auText}\n`,
      );
      rows.assays++;
      depth = to;
    }
  }
  await Promise.all([collars.close(), surveys.close(), assays.close()]);
  return { ...files, rows };
}
