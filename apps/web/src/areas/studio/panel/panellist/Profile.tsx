import { useTranslation } from 'react-i18next';
import ws from '../../../../components/Workspace.module.css';
import { formatDate, formatNumber } from '../../../../i18n/format';
import type { PanellistDetail } from '../api';
import styles from '../Panel.module.css';
import { Fields, Section } from './parts';

function attributeText(value: unknown, t: (k: string) => string): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return t(value ? 'studio.yes' : 'studio.no');
  return String(value);
}

export function Profile({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const none = t('studio.none');
  const a = p.address;
  const attributes = Object.entries(p.attributes ?? {});
  return (
    <Section id="panellist-profile" title={t('studio.panel.detail.profile')}>
      <Fields
        rows={[
          [t('studio.panel.field.country'), p.country],
          [t('studio.panel.field.locale'), t(`studio.panel.locale.${p.locale}`)],
          [t('studio.panel.field.birthYear'), String(p.birthYear)],
          [t('studio.panel.field.gender'), p.gender ?? none],
          [t('studio.panel.field.interests'), p.interests.length ? p.interests.join(', ') : none],
          [
            t('studio.panel.field.address'),
            a ? (
              <address className={styles.address}>
                {[a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country, a.phone].filter(Boolean).join('\n')}
              </address>
            ) : (
              t('studio.panel.field.noAddress')
            ),
          ],
          [t('studio.panel.field.joined'), formatDate(p.createdAt, i18n.language, { dateStyle: 'medium' })],
          [t('studio.panel.field.confirmed'), p.confirmedAt ? formatDate(p.confirmedAt, i18n.language, { dateStyle: 'medium' }) : none],
          [t('studio.panel.field.lastActive'), formatDate(p.lastActiveAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' })],
        ]}
      />
      <h3 className={styles.subTitle}>{t('studio.panel.detail.attributes')}</h3>
      {attributes.length === 0 ? (
        <p className={ws.muted}>{t('studio.panel.detail.noAttributes')}</p>
      ) : (
        <Fields rows={attributes.map(([k, v]) => [k, attributeText(v, t)])} />
      )}
    </Section>
  );
}

export function Participation({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Section id="panellist-participation" title={t('studio.panel.detail.participation')}>
      <Fields
        rows={[
          [t('studio.panel.field.points'), n(p.participation.pointsBalance)],
          [t('studio.panel.field.referralsMade'), n(p.participation.referralsMade)],
          [t('studio.panel.field.referralsJoined'), n(p.participation.referralsJoined)],
        ]}
      />
    </Section>
  );
}
