import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formStyles } from '../../../components/Form';
import styles from './Profile.module.css';

const MAX_TAGS = 50;
const MAX_LENGTH = 50;

/**
 * Interests as tags: type one and press Enter (or the Add button); each tag has its own remove
 * button. Tags are trimmed and lower-cased like the API stores them.
 */
export function TagInput({ value, onChange, error }: { value: string[]; onChange: (tags: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [announce, setAnnounce] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const add = () => {
    const tag = draft.trim().toLowerCase();
    if (!tag) return;
    if (!value.includes(tag) && value.length < MAX_TAGS) {
      onChange([...value, tag]);
      setAnnounce(t('profile.interests.added', { tag }));
    }
    setDraft('');
  };
  const remove = (tag: string) => {
    onChange(value.filter((v) => v !== tag));
    setAnnounce(t('profile.interests.removed', { tag }));
    input.current?.focus();
  };
  return (
    <div className={`${formStyles.field} ${styles.tagField}`}>
      <label htmlFor={id} className={formStyles.label}>
        {t('profile.interests.label')}
      </label>
      <p id={`${id}-hint`} className={styles.hint}>
        {t('profile.interests.hint')}
      </p>
      {value.length ? (
        <ul className={styles.tags} aria-label={t('profile.interests.list')}>
          {value.map((tag) => (
            <li key={tag} className={styles.tag}>
              <span>{tag}</span>
              <button
                type="button"
                className={styles.tagRemove}
                aria-label={t('profile.interests.remove', { tag })}
                onClick={() => remove(tag)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.hint}>{t('profile.interests.none')}</p>
      )}
      <div className={styles.tagAdd}>
        <input
          id={id}
          ref={input}
          className={formStyles.input}
          value={draft}
          maxLength={MAX_LENGTH}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className={styles.secondary} onClick={add} disabled={!draft.trim()}>
          {t('profile.interests.add')}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className={formStyles.error}>
          {error}
        </p>
      ) : null}
      <p className={styles.srOnly} role="status">
        {announce}
      </p>
    </div>
  );
}
