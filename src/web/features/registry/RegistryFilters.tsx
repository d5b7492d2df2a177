/**
 * The two filters every registry list opens with: the diacritic-insensitive search box and the unit whose subtree
 * the list covers (kept in the address, like the other filters).
 */
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useMessages } from '../../app/i18n';
import { UnitPicker } from '../../components/UnitPicker';
import { LIST_PARAM, type ListParams } from './listParams';
import { registryMessages } from './messages';

export function RegistrySearch(props: {
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
}) {
  const r = useMessages(registryMessages).list;
  return (
    <Input
      type="search"
      allowClear
      className="registry-filters__search"
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      placeholder={props.placeholder}
      aria-label={r.searchLabel}
      prefix={<SearchOutlined className="muted" />}
      maxLength={100}
    />
  );
}

export function RegistryUnitFilter({ params }: { params: ListParams }) {
  const r = useMessages(registryMessages).list;
  return (
    <div className="registry-filters__unit" title={r.unitFilter}>
      <UnitPicker
        value={params.unit ?? null}
        onChange={(value) => params.update({ [LIST_PARAM.unit]: value ? String(value) : undefined })}
        allowNational={false}
      />
    </div>
  );
}
