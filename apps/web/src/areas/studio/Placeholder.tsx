import { useTranslation } from 'react-i18next';
import ws from '../../components/Workspace.module.css';

/** A section not built yet (replaced section by section; never left in a finished area). */
export function Placeholder({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section className={ws.panel}>
      <h1 className={ws.title}>{t(title)}</h1>
      <p>{t('studio.placeholder')}</p>
    </section>
  );
}
