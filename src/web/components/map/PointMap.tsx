/**
 * A point on the commune boundaries, drawn as SVG from the GeoJSON the server serves (no tile server, no map
 * library): the citizen portal uses it to pick where something happened, the officers' report page to show it.
 * Plain React without Ant Design so that the portal stays light; the boundaries of the province are fetched only
 * when the map is opened.
 */
import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';

export interface LatLng {
  lat: number;
  lng: number;
}

type Ring = number[][];
interface Feature {
  id: string;
  properties: { name?: string; full_name?: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const cache = new Map<string, Promise<Feature[]>>();

function loadCommunes(provinceCode: string): Promise<Feature[]> {
  let pending = cache.get(provinceCode);
  if (!pending) {
    pending = fetch(`/api/geo/communes?province=${encodeURIComponent(provinceCode)}`, {
      headers: { accept: 'application/json' },
    }).then(async (response) => {
      if (!response.ok) throw new Error(String(response.status));
      return ((await response.json()) as { features: Feature[] }).features;
    });
    pending.catch(() => cache.delete(provinceCode));
    cache.set(provinceCode, pending);
  }
  return pending;
}

const polygonsOf = (feature: Feature): Ring[][] =>
  feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;

type Box = [number, number, number, number];

function boxOf(feature: Feature): Box {
  const box: Box = [180, 90, -180, -90];
  for (const polygon of polygonsOf(feature))
    for (const [lng, lat] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lng!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lng!);
      box[3] = Math.max(box[3], lat!);
    }
  return box;
}

function pointInRing([lng, lat]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The commune a point falls in (outer rings only: holes in commune boundaries are other communes anyway). */
export function communeAt(features: readonly Feature[], point: LatLng): Feature | undefined {
  return features.find((feature) =>
    polygonsOf(feature).some((polygon) => polygon[0] && pointInRing([point.lng, point.lat], polygon[0])),
  );
}

const WIDTH = 600;

export interface PointMapProps {
  provinceCode: string;
  /** The commune drawn in the middle and highlighted (the place chosen in the form, or the report's commune). */
  communeCode?: string | undefined;
  point: LatLng | null;
  /** When given, a click or tap on the map picks the point. */
  onPick?: (point: LatLng) => void;
  ariaLabel: string;
}

export function PointMap({ provinceCode, communeCode, point, onPick, ariaLabel }: PointMapProps) {
  const [features, setFeatures] = useState<Feature[] | null>(null);
  const [failed, setFailed] = useState(false);
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    setFeatures(null);
    setFailed(false);
    loadCommunes(provinceCode).then(setFeatures, () => setFailed(true));
  }, [provinceCode]);

  const view = useMemo(() => {
    if (!features) return null;
    const focus = features.find((feature) => feature.id === communeCode);
    let box: Box;
    if (focus) box = boxOf(focus);
    else if (point) box = [point.lng - 0.03, point.lat - 0.03, point.lng + 0.03, point.lat + 0.03];
    else return null;
    const padX = (box[2] - box[0]) * 0.15 + 0.002;
    const padY = (box[3] - box[1]) * 0.15 + 0.002;
    box = [box[0] - padX, box[1] - padY, box[2] + padX, box[3] + padY];
    const kx = Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
    const scale = WIDTH / ((box[2] - box[0]) * kx);
    const height = Math.min(Math.max((box[3] - box[1]) * scale, 240), 900);
    const project = (lng: number, lat: number) =>
      [(lng - box[0]) * kx * scale, (box[3] - lat) * scale] as const;
    const visible = features.filter((feature) => {
      const b = boxOf(feature);
      return b[0] <= box[2] && b[2] >= box[0] && b[1] <= box[3] && b[3] >= box[1];
    });
    const paths = visible.map((feature) => ({
      id: feature.id,
      name: feature.properties.full_name ?? feature.properties.name ?? feature.id,
      d: polygonsOf(feature)
        .flatMap((polygon) =>
          polygon.map(
            (ring) =>
              `M${ring
                .map(([lng, lat]) => {
                  const [x, y] = project(lng!, lat!);
                  return `${x.toFixed(1)},${y.toFixed(1)}`;
                })
                .join('L')}Z`,
          ),
        )
        .join(''),
    }));
    const unproject = (x: number, y: number): LatLng => ({
      lng: box[0] + x / (kx * scale),
      lat: box[3] - y / scale,
    });
    return { paths, height, project, unproject };
  }, [features, communeCode, point]);

  if (failed) return <p className="point-map-note">Không tải được bản đồ.</p>;
  if (!features) return <p className="point-map-note">Đang tải bản đồ…</p>;
  if (!view) return <p className="point-map-note">Hãy chọn xã, phường trước.</p>;

  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const element = svg.current;
    const matrix = element?.getScreenCTM();
    if (!onPick || !element || !matrix) return;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const chosen = view.unproject(at.x, at.y);
    onPick({ lat: Number(chosen.lat.toFixed(5)), lng: Number(chosen.lng.toFixed(5)) });
  };
  const marker = point ? view.project(point.lng, point.lat) : null;
  // Keyboard: Enter places the point in the middle, the arrow keys move it.
  const STEP = 12;
  const moveBy: Record<string, [number, number]> = {
    ArrowLeft: [-STEP, 0],
    ArrowRight: [STEP, 0],
    ArrowUp: [0, -STEP],
    ArrowDown: [0, STEP],
  };
  const key = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const delta = moveBy[event.key];
    const from = marker ?? [WIDTH / 2, view.height / 2];
    if (!delta && event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    const chosen = view.unproject(from[0] + (delta?.[0] ?? 0), from[1] + (delta?.[1] ?? 0));
    onPick({ lat: Number(chosen.lat.toFixed(5)), lng: Number(chosen.lng.toFixed(5)) });
  };
  const focus = features.find((feature) => feature.id === communeCode);
  const outside = point && focus && !communeAt([focus], point);
  return (
    <>
      <svg
        ref={svg}
        className="point-map"
        viewBox={`0 0 ${WIDTH} ${view.height.toFixed(0)}`}
        role="img"
        aria-label={ariaLabel}
        onClick={pick}
        onKeyDown={key}
        tabIndex={onPick ? 0 : undefined}
        style={{ cursor: onPick ? 'crosshair' : 'default', width: '100%', height: 'auto', display: 'block' }}
      >
        <rect width={WIDTH} height={view.height} fill="#eef4f8" />
        {view.paths.map((path) => (
          <path
            key={path.id}
            d={path.d}
            fill={path.id === communeCode ? '#fff7e0' : '#f7f7f4'}
            stroke={path.id === communeCode ? '#b3261e' : '#9aa5ad'}
            strokeWidth={path.id === communeCode ? 2 : 0.8}
            fillRule="evenodd"
          >
            <title>{path.name}</title>
          </path>
        ))}
        {marker && (
          <g transform={`translate(${marker[0].toFixed(1)} ${marker[1].toFixed(1)})`} pointerEvents="none">
            <circle r={14} fill="rgba(179,38,30,0.18)" />
            <circle r={6} fill="#b3261e" stroke="#fff" strokeWidth={2} />
          </g>
        )}
      </svg>
      {outside && <p className="point-map-note">Điểm đã chọn nằm ngoài xã, phường đã chọn.</p>}
    </>
  );
}
