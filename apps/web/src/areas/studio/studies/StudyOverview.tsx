import { useTranslation } from 'react-i18next';
import ws from '../../../components/Workspace.module.css';
import { useStudy } from '../api';
import { editable, sdkStudiesApi, type StudiesApi } from './api';
import { cellLabel } from './EligibilityPreview';
import { Explain } from './Explain';
import { Lifecycle } from './Lifecycle';
import { StudyBuilder, useBrands } from './StudyBuilder';
import styles from './Studies.module.css';

/** `/studio/studies/$studyId`: the builder while criteria may change (draft, recruiting), read-only after; the lifecycle; explain. */
export function StudyOverview({ studyId, api = sdkStudiesApi }: { studyId: string; api?: StudiesApi }) {
  const { t } = useTranslation();
  const study = useStudy(studyId);
  const brands = useBrands(api);
  if (!study.data) return null; // the layout above shows loading and errors
  const s = study.data;
  const c = s.criteria;
  const none = t('studio.none');
  return (
    <div className={styles.stack}>
      <Lifecycle study={s} api={api} />
      {editable(s.status) ? (
        // a new key after a transition: the form starts again from the saved study
        <StudyBuilder key={`${s.id}:${s.status}`} study={s} api={api} />
      ) : (
        <section className={ws.panel} aria-labelledby="study-readonly-title">
          <h2 id="study-readonly-title" className={ws.title}>
            {t('studio.studies.readOnly.title')}
          </h2>
          <p className={ws.muted}>{t('studio.studies.readOnly.hint')}</p>
          <dl className={styles.facts}>
            <dt>{t('studio.studies.field.theme')}</dt>
            <dd>{s.theme}</dd>
            <dt>{t('studio.studies.field.brand')}</dt>
            <dd>{brands.data?.find((b) => b.id === s.brandId)?.name ?? none}</dd>
            <dt>{t('studio.studies.field.brief')}</dt>
            <dd className={styles.pre}>{s.brief || none}</dd>
            <dt>{t('studio.studies.field.targetSize')}</dt>
            <dd>{s.targetSize}</dd>
            <dt>{t('studio.studies.field.incentivePoints')}</dt>
            <dd>{s.incentivePoints}</dd>
            <dt>{t('studio.studies.field.countries')}</dt>
            <dd>{c.countries?.join(', ') ?? none}</dd>
            <dt>{t('studio.studies.readOnly.ages')}</dt>
            <dd>
              {c.ageMin ?? '18'}–{c.ageMax ?? '…'}
            </dd>
            <dt>{t('studio.studies.field.genders')}</dt>
            <dd>{c.genders?.map((g) => t(`studio.studies.gender.${g}`)).join(', ') ?? none}</dd>
            <dt>{t('studio.studies.field.tiers')}</dt>
            <dd>{c.tiers?.map((x) => t(`studio.studies.tier.${x}`)).join(', ') ?? none}</dd>
            <dt>{t('studio.studies.field.minScore')}</dt>
            <dd>{c.minScore ?? none}</dd>
            <dt>{t('studio.studies.field.interests')}</dt>
            <dd>{c.interestsAny?.join(', ') ?? none}</dd>
            <dt>{t('studio.studies.builder.attributes')}</dt>
            <dd>
              {c.attributes?.length
                ? c.attributes
                    .map(
                      (a) =>
                        `${a.key} ${t(`studio.studies.op.${a.op ?? 'eq'}`)} ${Array.isArray(a.value) ? a.value.join(', ') : String(a.value)}`,
                    )
                    .join(' · ')
                : none}
            </dd>
            <dt>{t('studio.studies.builder.quotas')}</dt>
            <dd>
              {s.quotas.length
                ? s.quotas.map((q) => `${cellLabel(t, q.dimension ?? '', q.value ?? '')} (${q.target ?? 0})`).join(' · ')
                : none}
            </dd>
          </dl>
        </section>
      )}
      <Explain studyId={s.id} api={api} />
    </div>
  );
}
