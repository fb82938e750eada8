// Collars that cannot be where they say: far outside the area the project's holes cover, or written in
// degrees where the project's coordinate system is projected. The usual causes are swapped easting and
// northing, another UTM zone, feet read as metres, or latitude and longitude in a projected project.
//
// The extent is the bounding box of the holes around the median collar: those within 50 km of it, so
// one misplaced hole does not stretch the box it is judged against. A collar is far when it lies more
// than ten times the box's diagonal outside it, but at least 5 km and at most 50 km: a one-hole project
// still has a sensible limit, and a regional one still catches a zone mistake.
import { crsInfo } from '../coordinate-systems';
import type { LengthUnit, Problem } from '../model';
import { RULES } from './rules';

export interface CollarPoint {
  row_id: number;
  hole_id: string;
  easting: number;
  northing: number;
}

export interface Extent {
  minEasting: number;
  maxEasting: number;
  minNorthing: number;
  maxNorthing: number;
}

export interface PlacementSettings {
  lengthUnit: LengthUnit;
  /** The project's coordinate system ("EPSG:26911"), or null. */
  coordinateSystem: string | null;
}

const KM: Record<LengthUnit, number> = { m: 1000, ft: 1000 / 0.3048 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function boundingBox(points: readonly CollarPoint[]): Extent | null {
  if (points.length === 0) return null;
  const extent = {
    minEasting: Infinity,
    maxEasting: -Infinity,
    minNorthing: Infinity,
    maxNorthing: -Infinity,
  };
  for (const point of points) {
    extent.minEasting = Math.min(extent.minEasting, point.easting);
    extent.maxEasting = Math.max(extent.maxEasting, point.easting);
    extent.minNorthing = Math.min(extent.minNorthing, point.northing);
    extent.maxNorthing = Math.max(extent.maxNorthing, point.northing);
  }
  return extent;
}

/** The area the project's holes cover, and how many of them it holds. */
export interface ProjectArea {
  extent: Extent;
  holes: number;
}

/** The box of the collars within 50 km of the median collar (all of them, if none is that close). */
export function projectExtent(points: readonly CollarPoint[], unit: LengthUnit): ProjectArea | null {
  if (points.length === 0) return null;
  const east = median(points.map((point) => point.easting));
  const north = median(points.map((point) => point.northing));
  const reach = 50 * KM[unit];
  const core = points.filter((point) => Math.hypot(point.easting - east, point.northing - north) <= reach);
  const held = core.length > 0 ? core : points;
  return { extent: boundingBox(held)!, holes: held.length };
}

/** How far outside the extent a collar may lie before it is warned, in the project's unit. */
export function farLimit(extent: Extent, unit: LengthUnit): number {
  const diagonal = Math.hypot(extent.maxEasting - extent.minEasting, extent.maxNorthing - extent.minNorthing);
  return Math.min(50 * KM[unit], Math.max(5 * KM[unit], 10 * diagonal));
}

export function distanceOutside(extent: Extent, easting: number, northing: number): number {
  const dx = Math.max(extent.minEasting - easting, 0, easting - extent.maxEasting);
  const dy = Math.max(extent.minNorthing - northing, 0, northing - extent.maxNorthing);
  return Math.hypot(dx, dy);
}

/** Plausible longitude and latitude: what a projected system's eastings and northings never are. */
export function looksLikeDegrees(easting: number, northing: number): boolean {
  return Math.abs(easting) <= 180 && Math.abs(northing) <= 90;
}

const grouped = (value: number, decimals = 1) =>
  value.toLocaleString('en', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });

export function describeExtent(extent: Extent, unit: LengthUnit): string {
  return `E ${grouped(extent.minEasting, 0)}-${grouped(extent.maxEasting, 0)}, N ${grouped(extent.minNorthing, 0)}-${grouped(extent.maxNorthing, 0)} ${unit}`;
}

function kilometres(distance: number, unit: LengthUnit): string {
  const km = distance / KM[unit];
  return `${km >= 10 ? grouped(km, 0) : grouped(km, 1)} km`;
}

export interface PlacementConcern {
  rule: 'collar-far-away' | 'collar-in-degrees';
  point: CollarPoint;
  message: string;
}

/**
 * Judges collars against an area (the project's, or its holes before an import, described by `area`
 * words such as "the project's 76 holes before this import"): written in degrees in a projected
 * system, or far outside. A null area judges degrees only.
 */
export function placementConcerns(
  points: readonly CollarPoint[],
  area: { extent: Extent; words: string } | null,
  settings: PlacementSettings,
): PlacementConcern[] {
  const unit = settings.lengthUnit;
  const crs = crsInfo(settings.coordinateSystem);
  const extent = area?.extent ?? null;
  const limit = extent ? farLimit(extent, unit) : Infinity;
  const found: PlacementConcern[] = [];
  for (const point of points) {
    // Written only for a collar that is warned: number formatting is slow next to the test itself.
    const where = () => `E ${grouped(point.easting, 3)}, N ${grouped(point.northing, 3)}`;
    if (crs?.kind === 'projected' && looksLikeDegrees(point.easting, point.northing)) {
      found.push({
        rule: 'collar-in-degrees',
        point,
        message: `Collar of ${point.hole_id} (${where()}) looks like longitude and latitude in degrees, but the project's coordinate system ${crs.code} (${crs.name}) is projected, in ${unit}; enter its easting and northing in that system or correct the project's coordinate system.`,
      });
      continue;
    }
    if (!extent) continue;
    const distance = distanceOutside(extent, point.easting, point.northing);
    if (distance > limit) {
      found.push({
        rule: 'collar-far-away',
        point,
        message: `Collar of ${point.hole_id} (${where()} ${unit}) is ${kilometres(distance, unit)} outside the area of ${area!.words} (${describeExtent(extent, unit)}); check for swapped easting and northing, another UTM zone, or feet read as metres.`,
      });
    }
  }
  return found;
}

/**
 * The validation rule over every collar of the project, judged against the area where most of its holes
 * are. When a whole group of holes lies apart (a file imported with swapped columns), the message says
 * how many holes each side holds: either group may be the misplaced one.
 */
export function checkCollarPlacement(points: readonly CollarPoint[], settings: PlacementSettings): Problem[] {
  const area = projectExtent(points, settings.lengthUnit);
  const words = area
    ? area.holes === points.length
      ? "the project's holes"
      : `${area.holes} of the project's ${points.length} holes`
    : '';
  const judged = placementConcerns(points, area ? { extent: area.extent, words } : null, settings);
  return judged.map((concern) => ({
    rule: concern.rule,
    severity: RULES[concern.rule].severity,
    table: 'holes',
    hole_id: concern.point.hole_id,
    row_id: concern.point.row_id,
    column: 'easting',
    message: concern.message,
  }));
}
