import { useTranslation } from 'react-i18next';
import type { ReportContentDto } from '../../api/generated';
import { fmtCount, fmtDecimal } from '../format';
import styles from '../Report.module.css';
import { Scroll, Section } from './parts';

export function HomeTestingSection({ report }: { report: ReportContentDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const products = report.homeTesting.products;
  if (!products.length) return null;
  const cols = ['allocated', 'shipped', 'delivered', 'returned', 'lost'] as const;
  return (
    <Section title={t('brand.report.homeTesting')}>
      <Scroll label={t('brand.report.products')}>
        <table className={styles.table}>
          <caption className={styles.caption}>{t('brand.report.products')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('brand.report.product')}</th>
              {cols.map((c) => (
                <th key={c} scope="col" className={styles.num}>
                  {t(`brand.report.shipping.${c}`)}
                </th>
              ))}
              <th scope="col" className={styles.num}>
                {t('brand.report.medianDays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.productId}>
                <th scope="row">
                  {p.name} <span className={styles.muted}>({p.sku})</span>
                </th>
                {cols.map((c) => (
                  <td key={c} className={styles.num}>
                    {fmtCount(p[c], lang)}
                  </td>
                ))}
                <td className={styles.num}>{p.medianDaysToDelivery !== undefined ? fmtDecimal(p.medianDaysToDelivery, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </Section>
  );
}
