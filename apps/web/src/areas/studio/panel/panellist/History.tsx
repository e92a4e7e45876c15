import { useTranslation } from 'react-i18next';
import ws from '../../../../components/Workspace.module.css';
import { formatDate } from '../../../../i18n/format';
import { useSession } from '../../../../session/session';
import type { PanellistDetail } from '../api';
import styles from '../Panel.module.css';
import { Section } from './parts';

export function History({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const who = (actor: string | null) =>
    actor === null
      ? t('studio.panel.history.system')
      : actor === p.id
        ? t('studio.panel.history.panellist')
        : actor === user?.id
          ? t('studio.panel.history.you')
          : t('studio.panel.history.staff');
  return (
    <Section id="panellist-history" title={t('studio.panel.detail.history')}>
      <div className={ws.tableWrap} role="region" aria-labelledby="panellist-history" tabIndex={0}>
        <table className={ws.table}>
          <caption className={ws.visuallyHidden}>{t('studio.panel.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('studio.panel.history.when')}</th>
              <th scope="col">{t('studio.panel.history.from')}</th>
              <th scope="col">{t('studio.panel.history.to')}</th>
              <th scope="col">{t('studio.panel.history.reason')}</th>
              <th scope="col">{t('studio.panel.history.who')}</th>
            </tr>
          </thead>
          <tbody>
            {p.statusHistory.map((h, i) => (
              <tr key={`${h.at}-${i}`}>
                <td className={styles.date}>{formatDate(h.at, i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>{h.from ? t(`studio.panel.status.${h.from}`) : t('studio.none')}</td>
                <td>{t(`studio.panel.status.${h.to}`)}</td>
                <td>{h.reason}</td>
                <td>{who(h.actorUserId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
