import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { panelKeys, sdkPanelApi, type PanelApi } from './api';
import { History } from './panellist/History';
import { Participation, Profile } from './panellist/Profile';
import { Referrals } from './panellist/Referrals';
import { Score } from './panellist/Score';
import { StatusActions } from './panellist/StatusActions';
import styles from './Panel.module.css';

/**
 * `/studio/panel/$panellistId`: a panellist's profile, their score by dimension with the
 * screener answers behind it, participation, referral chain and status history; the moves a
 * researcher may make (approve from the waitlist, block with a reason, unblock, pause…).
 */
export function PanellistPage({ panellistId, api = sdkPanelApi }: { panellistId: string; api?: PanelApi }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const detail = useQuery({ queryKey: panelKeys.detail(panellistId), queryFn: () => api.detail(panellistId) });

  const back = (
    <Link to="/studio/panel" className={styles.link}>
      {t('studio.panel.detail.back')}
    </Link>
  );
  if (detail.isPending) return <p role="status">{t('studio.loading')}</p>;
  if (detail.isError) {
    const problem = problemOf(detail.error);
    return (
      <section className={ws.panel} aria-labelledby="panellist-missing">
        <h1 id="panellist-missing" className={ws.title}>
          {t('studio.panel.detail.title')}
        </h1>
        <FormAlert message={problem?.status === 404 ? t('studio.panel.detail.notFound') : problemMessage(problem, t)} />
        <p>{back}</p>
      </section>
    );
  }
  const p = detail.data;
  return (
    <div className={styles.page}>
      <section className={ws.panel} aria-labelledby="panellist-name">
        <p className={styles.back}>{back}</p>
        <div className={ws.head}>
          <div>
            <h1 id="panellist-name" className={ws.title}>
              {p.displayName}{' '}
              <span className={ws.badge} data-status={p.status}>
                {t(`studio.panel.status.${p.status}`)}
              </span>
            </h1>
            <p className={`${ws.muted} ${styles.email}`}>{p.email}</p>
          </div>
          <StatusActions panellist={p} api={api} onDone={setNotice} />
        </div>
        {notice ? <Note>{notice}</Note> : null}
      </section>
      <div className={styles.columns}>
        <Profile p={p} />
        <Participation p={p} />
      </div>
      <Score p={p} />
      <Referrals p={p} />
      <History p={p} />
    </div>
  );
}
