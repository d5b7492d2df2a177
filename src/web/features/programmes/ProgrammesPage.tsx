/** The coordination programmes the user may read: national ones (e.g. số 09), and those of their province or commune. */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { programmeQueries } from '../../api/programmes';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { programmeMessages } from './messages';
import { ProgrammeFormDrawer } from './ProgrammeFormDrawer';
import './programmes.css';

export default function ProgrammesPage() {
  const m = useMessages(programmeMessages);
  const list = useQuery(programmeQueries.list());
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header__main">
          <h1 className="page-header__title">{m.pageTitle}</h1>
          <p className="page-header__intro muted">{m.pageIntro}</p>
        </div>
        {can('programmes.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {m.newProgramme}
          </Button>
        )}
      </div>
      <ProgrammeFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(programme) => {
          setCreating(false);
          client.setQueryData(programmeQueries.detail(programme.id).queryKey, programme);
          void client.invalidateQueries({ queryKey: ['programmes', 'list'] });
          navigate(`/chuong-trinh-phoi-hop/${programme.id}`);
        }}
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Skeleton active />}
      {list.data && list.data.items.length === 0 && <Empty description={m.empty} />}
      <div className="programme-cards">
        {list.data?.items.map((programme) => (
          <Card
            key={programme.id}
            size="small"
            title={
              <Link to={`/chuong-trinh-phoi-hop/${programme.id}`}>{m.programmeName(programme.number)}</Link>
            }
            extra={
              <span>
                <Tag>{programme.levelLabel}</Tag>
                {programme.reference && <Tag color="blue">{m.referenceTag}</Tag>}
              </span>
            }
          >
            <p className="programme-title">{programme.title}</p>
            <dl className="programme-facts">
              <dt>{m.parties}</dt>
              <dd>{programme.parties.join('; ')}</dd>
              <dt>{m.phases}</dt>
              <dd>
                {programme.phases.map((phase) => (
                  <div key={phase.id}>
                    {phase.name} <span className="muted">({m.phaseRange(phase.startsOn, phase.endsOn)})</span>
                  </div>
                ))}
              </dd>
              {programme.signedOn && (
                <>
                  <dt>{m.signedOn}</dt>
                  <dd>
                    <DateText value={programme.signedOn} />
                  </dd>
                </>
              )}
              {programme.documents.length > 0 && (
                <>
                  <dt>{m.documents}</dt>
                  <dd>{programme.documents.map((document) => document.reference).join('; ')}</dd>
                </>
              )}
            </dl>
            <p className="muted">{m.plans(programme.planCount)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
