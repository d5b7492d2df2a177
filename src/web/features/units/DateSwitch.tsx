import { Segmented, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { LAST_DAY_BEFORE_REFORM_2025 } from '../../../domain/units';
import { useT } from '../../app/i18n';
import type { AsOfState } from './useAsOf';

const DateField = lazy(() => import('./DateField'));

type Mode = 'today' | 'before' | 'other';

/** Today's two-tier hierarchy, the three-tier one of 30/06/2025, or any day a report needs. */
export function DateSwitch({ asOf, today, setAsOf }: Pick<AsOfState, 'asOf' | 'today' | 'setAsOf'>) {
  const t = useT();
  const [pickerWanted, setPickerWanted] = useState(false);
  const mode: Mode = asOf === today ? 'today' : asOf === LAST_DAY_BEFORE_REFORM_2025 ? 'before' : 'other';
  const showPicker = mode === 'other' || pickerWanted;

  const choose = (next: Mode) => {
    if (next === 'other') {
      setPickerWanted(true);
      return;
    }
    setPickerWanted(false);
    setAsOf(next === 'today' ? today : LAST_DAY_BEFORE_REFORM_2025);
  };

  return (
    <div className="date-switch">
      <Segmented<Mode>
        aria-label={t.units.dateSwitchLabel}
        value={showPicker ? 'other' : mode}
        onChange={choose}
        options={[
          { value: 'today', label: t.units.dateToday },
          { value: 'before', label: t.units.dateBeforeReform },
          { value: 'other', label: t.units.dateOther },
        ]}
      />
      {showPicker && (
        <Suspense fallback={<Spin size="small" />}>
          <DateField value={asOf} onChange={setAsOf} ariaLabel={t.units.datePickerLabel} />
        </Suspense>
      )}
    </div>
  );
}
