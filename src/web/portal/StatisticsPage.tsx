/**
 * Public figures: reports received per category and month in a province. Any count below the threshold (5) is
 * hidden by the server, so that a figure never points to a reporter in a small place.
 */
import { useEffect, useState } from 'react';
import type { StatisticsResponse } from '../../contracts/portal';
import { type Place, portalApi } from './api';

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

export default function StatisticsPage() {
  const thisYear = new Date().getFullYear();
  const [provinces, setProvinces] = useState<Place[]>([]);
  const [province, setProvince] = useState('');
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<StatisticsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Số liệu tin báo — Cổng thông tin công dân';
    portalApi.provinces().then(setProvinces, () => setProvinces([]));
  }, []);
  useEffect(() => {
    if (!province) return setData(null);
    setError(null);
    portalApi.statistics(year, province).then(setData, (caught: Error) => setError(caught.message));
  }, [province, year]);

  const categories = data ? [...new Map(data.cells.map((cell) => [cell.category, cell.categoryLabel]))] : [];
  const cell = (category: string, month: number) =>
    data?.cells.find((item) => item.category === category && item.month === month);
  return (
    <section className="card">
      <h1>Số liệu tin báo, tố giác</h1>
      <p className="muted small">
        Số tin báo người dân gửi qua cổng, theo loại và tháng. Để không lộ người gửi, số dưới{' '}
        {data?.threshold ?? 5} được ẩn (hiện "&lt;{data?.threshold ?? 5}").
      </p>
      <div className="row">
        <label className="field">
          <span>Tỉnh, thành phố</span>
          <select value={province} onChange={(event) => setProvince(event.target.value)}>
            <option value="">— Chọn tỉnh, thành phố —</option>
            {provinces.map((place) => (
              <option key={place.code} value={place.code}>
                {place.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Năm</span>
          <select value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      {data && categories.length === 0 && <p className="muted">Chưa có tin báo nào trong năm.</p>}
      {data && categories.length > 0 && (
        <div className="table-scroll">
          <table className="stats">
            <thead>
              <tr>
                <th scope="col">Loại</th>
                {MONTHS.map((month) => (
                  <th key={month} scope="col">
                    T{month}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map(([code, label]) => (
                <tr key={code}>
                  <th scope="row">{label}</th>
                  {MONTHS.map((month) => {
                    const found = cell(code, month);
                    return (
                      <td key={month}>
                        {!found
                          ? '—'
                          : found.suppressed
                            ? `<${data.threshold}`
                            : found.count?.toLocaleString('vi-VN')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
