import { useEffect, useState } from 'react';
import { type Place, portalApi } from './api';

/** Province → commune, as of today's hierarchy (34 provinces, communes after 01/07/2025). */
export function PlacePicker({
  communeCode,
  onChange,
  onProvinceChange,
  error,
}: {
  communeCode: string;
  onChange: (communeCode: string) => void;
  onProvinceChange?: (provinceCode: string) => void;
  error?: string | undefined;
}) {
  const [provinces, setProvinces] = useState<Place[]>([]);
  const [province, setProvince] = useState('');
  const [communes, setCommunes] = useState<Place[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    portalApi.provinces().then(setProvinces, () => setProvinces([]));
  }, []);
  useEffect(() => {
    if (!province) return setCommunes([]);
    setLoading(true);
    portalApi
      .communes(province)
      .then(setCommunes, () => setCommunes([]))
      .finally(() => setLoading(false));
  }, [province]);
  return (
    <>
      <label className="field">
        <span>Tỉnh, thành phố *</span>
        <select
          value={province}
          onChange={(event) => {
            setProvince(event.target.value);
            onProvinceChange?.(event.target.value);
            onChange('');
          }}
          required
        >
          <option value="">— Chọn tỉnh, thành phố —</option>
          {provinces.map((place) => (
            <option key={place.code} value={place.code}>
              {place.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Xã, phường, đặc khu *</span>
        <select
          value={communeCode}
          onChange={(event) => onChange(event.target.value)}
          disabled={!province || loading}
          required
          aria-invalid={error ? true : undefined}
        >
          <option value="">{loading ? 'Đang tải…' : '— Chọn xã, phường —'}</option>
          {communes.map((place) => (
            <option key={place.code} value={place.code}>
              {place.name}
            </option>
          ))}
        </select>
        {error && <em className="field-error">{error}</em>}
      </label>
    </>
  );
}
