import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import ws from '../../../../components/Workspace.module.css';
import { formatDate } from '../../../../i18n/format';
import type { PanellistDetail } from '../api';
import styles from '../Panel.module.css';
import { Section } from './parts';

export function Referrals({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const { referredBy, referrals } = p.referralChain;
  return (
    <Section id="panellist-referrals" title={t('studio.panel.detail.referrals')}>
      <p>
        {referredBy ? (
          <>
            {t('studio.panel.referrals.by')}{' '}
            <Link to="/studio/panel/$panellistId" params={{ panellistId: referredBy.panellistId }} className={styles.link}>
              {referredBy.displayName}
            </Link>
          </>
        ) : (
          t('studio.panel.referrals.byNobody')
        )}
      </p>
      {referrals.length === 0 ? (
        <p className={ws.muted}>{t('studio.panel.referrals.none')}</p>
      ) : (
        <ul className={styles.list}>
          {referrals.map((r) => (
            <li key={r.id}>
              {r.joinedPanellistId ? (
                <Link to="/studio/panel/$panellistId" params={{ panellistId: r.joinedPanellistId }} className={styles.link}>
                  {r.nomineeName}
                </Link>
              ) : (
                r.nomineeName
              )}{' '}
              <span className={ws.muted}>
                {r.joinedAt
                  ? t('studio.panel.referrals.joined', { date: formatDate(r.joinedAt, i18n.language, { dateStyle: 'medium' }) })
                  : t('studio.panel.referrals.notYet', { date: formatDate(r.createdAt, i18n.language, { dateStyle: 'medium' }) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
