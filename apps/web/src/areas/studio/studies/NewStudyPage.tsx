import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Study } from '../api';
import { sdkStudiesApi, type StudiesApi } from './api';
import { StudyBuilder } from './StudyBuilder';
import studio from '../Studio.module.css';

/** `/studio/studies/new`: the builder for a new draft; once saved, the study's own page (with the live preview). */
export function NewStudyPage({ onCreated, api = sdkStudiesApi }: { onCreated: (s: Study) => void; api?: StudiesApi }) {
  const { t } = useTranslation();
  return (
    <div>
      <Link to="/studio/studies" className={studio.back}>
        {t('studio.study.back')}
      </Link>
      <h1 className={studio.studyTitle}>{t('studio.studies.new')}</h1>
      <StudyBuilder api={api} onCreated={onCreated} />
    </div>
  );
}
