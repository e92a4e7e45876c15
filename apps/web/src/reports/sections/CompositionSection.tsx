import { useTranslation } from 'react-i18next';
import type { CompositionDto } from '../../api/generated';
import { fmtCount } from '../format';
import styles from '../Report.module.css';
import { useValueLabel } from '../valueLabel';
import { Section } from './parts';

export function CompositionSection({ composition }: { composition: CompositionDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useValueLabel();
  const segments = ['country', 'gender', 'ageBand', 'tier'] as const;
  return (
    <Section title={t('brand.report.composition')}>
      <div className={styles.columns}>
        {segments
          .filter((s) => composition[s]?.length)
          .map((s) => (
            <table key={s} className={styles.table}>
              <caption className={styles.caption}>{t(`brand.report.segments.${s}`)}</caption>
              <tbody>
                {composition[s].map((v) => (
                  <tr key={v.value}>
                    <th scope="row">{label(s, v.value)}</th>
                    <td className={styles.num}>{fmtCount(v.n, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </div>
    </Section>
  );
}
