import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { studiesKeys, type StudiesApi } from './api';
import { useDebounced } from './EligibilityPreview';
import styles from './Studies.module.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Explain" for one panellist: found by name or e-mail (or pasted id), every rule with whether it passed and why. */
export function Explain({ studyId, api }: { studyId: string; api: StudiesApi }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 300);
  const search = useQuery({
    queryKey: studiesKeys.panellists(term),
    queryFn: () => api.searchPanellists(term),
    enabled: term.length >= 2 && !UUID.test(term),
  });
  const [who, setWho] = useState<string | null>(null);
  const explain = useMutation({
    mutationFn: (panellist: { id: string; name: string }) => {
      setWho(panellist.name);
      return api.explain(studyId, panellist.id);
    },
  });
  return (
    <section className={ws.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={ws.title}>
        {t('studio.studies.explain.title')}
      </h2>
      <p className={ws.muted}>{t('studio.studies.explain.hint')}</p>
      <form
        role="search"
        className={styles.inline}
        onSubmit={(e) => {
          e.preventDefault();
          if (UUID.test(q.trim())) explain.mutate({ id: q.trim(), name: q.trim() });
        }}
      >
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor={`${id}-q`}>
            {t('studio.studies.explain.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className={formStyles.input}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
        </div>
        {UUID.test(q.trim()) ? (
          <Button type="submit" isDisabled={explain.isPending}>
            {t('studio.studies.explain.go')}
          </Button>
        ) : null}
      </form>
      {search.data && term.length >= 2 ? (
        search.data.length === 0 ? (
          <p>{t('studio.studies.explain.noMatch')}</p>
        ) : (
          <ul className={styles.matches}>
            {search.data.map((p) => (
              <li key={p.id}>
                <span>
                  {p.displayName}{' '}
                  <span className={ws.muted}>
                    ({p.email}, {p.country})
                  </span>
                </span>
                <Button
                  className={`${formStyles.button} ${ws.secondary}`}
                  onPress={() => explain.mutate({ id: p.id, name: p.displayName })}
                  aria-label={t('studio.studies.explain.for', { name: p.displayName })}
                >
                  {t('studio.studies.explain.go')}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <FormAlert message={explain.isError ? problemMessage(problemOf(explain.error), t) : undefined} />
      {explain.data ? (
        <div aria-live="polite">
          <p className={styles.bigFigure}>
            {explain.data.eligible
              ? t('studio.studies.explain.eligible', { name: who })
              : t('studio.studies.explain.notEligible', { name: who })}
          </p>
          <table className={ws.table}>
            <caption className={ws.visuallyHidden}>{t('studio.studies.explain.caption', { name: who })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('studio.studies.explain.rule')}</th>
                <th scope="col">{t('studio.studies.explain.passed')}</th>
                <th scope="col">{t('studio.studies.explain.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {explain.data.reasons.map((r, i) => (
                // cell_full comes once per quota cell of the panellist: the rule alone is no key
                <tr key={`${i}-${r.rule}`}>
                  <th scope="row">
                    {r.rule.startsWith('attribute:')
                      ? t('studio.studies.explain.ruleAttribute', { key: r.rule.slice(10) })
                      : t(`studio.studies.explain.rules.${r.rule}`, { defaultValue: r.rule })}
                  </th>
                  <td>
                    <span className={r.passed ? styles.pass : styles.fail}>
                      {r.passed ? t('studio.studies.explain.pass') : t('studio.studies.explain.fail')}
                    </span>
                  </td>
                  <td>{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
