/**
 * Far-off islands in an inset. Some communes lie hundreds of kilometres out at sea (Đặc khu Hoàng Sa of Đà Nẵng,
 * Đặc khu Trường Sa of Khánh Hòa): drawn where they are, they stretch the frame so far that the mainland communes
 * shrink to a strip. Such features are moved, scaled down, into a framed box beside the mainland's top-right corner,
 * the way printed maps of Vietnam draw them; they stay on the map, coloured and clickable like any commune. The
 * frame is one more feature, a thin ring, named by `INSET_FRAME_CODE`.
 */

type Position = number[];
interface Geometry {
  type: string;
  coordinates: unknown;
}
interface Feature {
  type: 'Feature';
  id: string;
  properties: Record<string, unknown>;
  geometry: unknown;
}
export interface FeatureCollectionLike {
  type: 'FeatureCollection';
  features: Feature[];
}

export const INSET_FRAME_CODE = '__inset_frame__';

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function mapPositions(coordinates: unknown, move: (position: Position) => Position): unknown {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return move(coordinates as Position);
  return (coordinates as unknown[]).map((inner) => mapPositions(inner, move));
}

function boxOf(geometry: unknown): Box | null {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const coordinates = (geometry as Geometry | null)?.coordinates;
  if (!coordinates) return null;
  mapPositions(coordinates, (position) => {
    const [x, y] = position as [number, number];
    box.minX = Math.min(box.minX, x);
    box.maxX = Math.max(box.maxX, x);
    box.minY = Math.min(box.minY, y);
    box.maxY = Math.max(box.maxY, y);
    return position;
  });
  return Number.isFinite(box.minX) ? box : null;
}

const union = (boxes: Box[]): Box => ({
  minX: Math.min(...boxes.map((box) => box.minX)),
  minY: Math.min(...boxes.map((box) => box.minY)),
  maxX: Math.max(...boxes.map((box) => box.maxX)),
  maxY: Math.max(...boxes.map((box) => box.maxY)),
});
const centre = (box: Box) => [(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2] as const;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Distance (degrees) from a point to a box; 0 inside. */
function distanceToBox([x, y]: readonly [number, number], box: Box): number {
  const dx = Math.max(box.minX - x, 0, x - box.maxX);
  const dy = Math.max(box.minY - y, 0, y - box.maxY);
  return Math.hypot(dx, dy);
}

/**
 * The collection with far-off features moved into an inset, and the names of those features (for a caption); the
 * collection itself when nothing is far off.
 */
export function withIslandInset<T extends FeatureCollectionLike>(
  collection: T,
): { collection: T; moved: string[]; movedCodes: string[] } {
  const boxed = collection.features
    .map((feature) => ({ feature, box: boxOf(feature.geometry) }))
    .filter((entry): entry is { feature: Feature; box: Box } => entry.box !== null);
  if (boxed.length < 4) return { collection, moved: [], movedCodes: [] };

  // The mainland: features whose centre is near the median centre, then everything close to their frame.
  const centres = boxed.map((entry) => centre(entry.box));
  const middle = [median(centres.map((c) => c[0])), median(centres.map((c) => c[1]))] as const;
  const spread = median(centres.map((c) => Math.hypot(c[0] - middle[0], c[1] - middle[1])));
  const core = boxed.filter((_, index) => {
    const c = centres[index]!;
    return Math.hypot(c[0] - middle[0], c[1] - middle[1]) <= Math.max(3 * spread, 0.5);
  });
  const mainland = union(core.map((entry) => entry.box));
  const size = Math.max(mainland.maxX - mainland.minX, mainland.maxY - mainland.minY);
  const far = boxed.filter((entry) => distanceToBox(centre(entry.box), mainland) > Math.max(size, 1));
  if (far.length === 0) return { collection, moved: [], movedCodes: [] };

  // The inset: a box a third of the mainland's size, just right of its top-right corner.
  const islands = union(far.map((entry) => entry.box));
  const insetSize = size / 3;
  const scale = Math.min(1, insetSize / Math.max(islands.maxX - islands.minX, islands.maxY - islands.minY));
  const margin = insetSize * 0.08;
  const left = mainland.maxX + margin * 2;
  const top = mainland.maxY;
  const move = ([x, y, ...rest]: Position) => [
    left + margin + (x! - islands.minX) * scale,
    top - margin - (islands.maxY - y!) * scale,
    ...rest,
  ];
  const width = (islands.maxX - islands.minX) * scale + 2 * margin;
  const height = (islands.maxY - islands.minY) * scale + 2 * margin;
  const ring = (inset: number) => {
    const [x0, y0, x1, y1] = [left + inset, top - height + inset, left + width - inset, top - inset];
    return [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ];
  };
  const thickness = insetSize * 0.012;
  const frame: Feature = {
    type: 'Feature',
    id: INSET_FRAME_CODE,
    properties: { code: INSET_FRAME_CODE, name: '' },
    // The hole runs the other way round, as RFC 7946 asks.
    geometry: { type: 'Polygon', coordinates: [ring(0), ring(thickness).reverse()] },
  };

  const farSet = new Set(far.map((entry) => entry.feature));
  const features = collection.features.map((feature) => {
    if (!farSet.has(feature)) return feature;
    const geometry = feature.geometry as Geometry;
    return { ...feature, geometry: { ...geometry, coordinates: mapPositions(geometry.coordinates, move) } };
  });
  return {
    collection: { ...collection, features: [...features, frame] },
    moved: far.map((entry) =>
      String(entry.feature.properties.full_name ?? entry.feature.properties.name ?? ''),
    ),
    movedCodes: far.map((entry) => String(entry.feature.properties.code ?? entry.feature.id)),
  };
}
