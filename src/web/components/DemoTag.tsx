import { Tag } from 'antd';
import type { UnitSource } from '../../domain/units';
import { useT } from '../app/i18n';

/** Demo records must never pass for real ones: every place that shows a unit marks them. */
export function DemoTag({ source }: { source: UnitSource }) {
  const t = useT();
  if (source !== 'demo') return null;
  return (
    <Tag color="gold" className="demo-tag">
      {t.units.demoData}
    </Tag>
  );
}
