// The files' dip convention is decided per hole (issue 9, item 4): a hole is an up-hole or a down-hole as
// a whole, its collar dip counting with its surveys, and the convention is the one most holes point
// down with. When holes disagree too much to tell, the import refuses and names them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, runImport } from '../../src/services/import/import-engine';
import type { Project } from '../../src/storage/project-db';
import { tempFolder, tempProject } from '../helpers/temp-project';

const who = { osUser: 'tester', source: 'cli' } as const;

function files(collars: string, surveys: string) {
  const folder = tempFolder();
  const collarPath = join(folder, 'collar.csv');
  const surveyPath = join(folder, 'survey.csv');
  writeFileSync(collarPath, collars);
  writeFileSync(surveyPath, surveys);
  return [
    { kind: 'collars' as const, path: collarPath },
    { kind: 'surveys' as const, path: surveyPath },
  ];
}

const dips = (project: Project, hole: string) =>
  project.db
    .prepare('SELECT s.dip FROM surveys s JOIN holes h ON h.id = s.hole WHERE h.hole_id = ? ORDER BY s.depth')
    .pluck()
    .all(hole) as number[];

/** One up-hole with 50 gyro stations, five down-holes with a survey or two each, negative down. */
function gyroAndDownHoles() {
  const collars = ['hole_id,x,y,z,eoh,azimuth,dip'];
  const surveys = ['hole_id,depth,azimuth,dip'];
  collars.push('UP1,100,100,500,150,90,30');
  for (let k = 0; k < 50; k++) surveys.push(`UP1,${k * 3},90,${(30 + k * 0.1).toFixed(1)}`);
  for (let h = 1; h <= 5; h++) {
    collars.push(`DH${h},${100 + h * 10},200,500,200,45,-60`);
    surveys.push(`DH${h},50,45,-58`, `DH${h},150,46,-55`);
  }
  return files(collars.join('\n'), surveys.join('\n'));
}

describe('dip convention from holes, not readings', () => {
  it('keeps five down-holes down when one up-hole has 50 gyro stations', () => {
    const project = tempProject();
    const summary = runImport(project.db, project.settings, { files: gyroAndDownHoles() }, who);
    expect(summary.dipConvention).toMatchObject({ files: 'negative-down', how: 'detected' });
    expect(summary.dipConvention.reason).toBe(
      '5 holes with negative dips, 1 hole with positive dips: most holes point down, so negative-down; UP1 is read as an up-hole',
    );
    expect(dips(project, 'DH1')).toEqual([-58, -55]);
    expect(dips(project, 'UP1')[0]).toBe(30);
    expect(project.db.prepare("SELECT dip FROM holes WHERE hole_id = 'DH3'").pluck().get()).toBe(-60);
  });

  it('counts the collar dip with the surveys: holes without surveys still vote', () => {
    const project = tempProject({ dip_convention: 'negative-down' });
    const summary = runImport(
      project.db,
      project.settings,
      {
        files: files(
          'hole_id,x,y,z,dip\nA,1,1,1,60\nB,2,2,2,70\nC,3,3,3,80\nD,4,4,4,55\n',
          'hole_id,depth,azimuth,dip\nA,10,0,61\nA,20,0,62\nA,30,0,63\nA,40,0,64\nA,50,0,65\nE,10,0,-30\n',
        ),
      },
      who,
    );
    expect(summary.dipConvention).toMatchObject({ files: 'positive-down', how: 'detected' });
    expect(summary.dipConvention.reason).toBe(
      '1 hole with negative dips, 4 holes with positive dips: most holes point down, so positive-down; E is read as an up-hole',
    );
    // Stored in the project's convention: down-holes negative, E an up-hole.
    expect(project.db.prepare("SELECT dip FROM holes WHERE hole_id = 'B'").pluck().get()).toBe(-70);
    expect(dips(project, 'E')).toEqual([30]);
  });

  it('refuses when the holes disagree, naming them and the option to pass', () => {
    const project = tempProject();
    const request = {
      files: files(
        'hole_id,x,y,z,dip\nA,1,1,1,-60\nB,2,2,2,-70\nC,3,3,3,-50\nU1,4,4,4,30\nU2,5,5,5,25\n',
        'hole_id,depth,azimuth,dip\n',
      ),
    };
    expect(() => runImport(project.db, project.settings, request, who)).toThrow(ImportError);
    expect(() => runImport(project.db, project.settings, request, who)).toThrow(
      'Cannot tell which dip sign means down: 3 holes with negative dips (A, B, C), 2 holes with positive dips (U1, U2): too mixed to tell which sign is down. Say how the files are written: --dip-convention negative-down or positive-down.',
    );
    expect(project.db.prepare('SELECT count(*) FROM holes').pluck().get()).toBe(0);
    const given = runImport(
      project.db,
      project.settings,
      { ...request, dipConvention: 'negative-down' },
      who,
    );
    expect(given.counts.holes).toBe(5);
  });
});
