import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeResponseDto } from '../../../api/generated';
import { formStyles } from '../../../components/Form';
import styles from './Profile.module.css';

/** An attribute's value in the form: text for the single-valued types, the ticked options for multi_enum. */
export type AttrValue = string | string[];

/** The right control for the attribute's type; its label is the researcher's. */
export function AttributeField({
  def,
  value,
  onChange,
  onBlur,
  error,
}: {
  def: AttributeResponseDto;
  value: AttrValue | undefined;
  onChange: (v: AttrValue) => void;
  onBlur: () => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : undefined;
  const text = typeof value === 'string' ? value : '';
  const errorText = error ? (
    <p id={errorId} className={formStyles.error}>
      {error}
    </p>
  ) : null;
  switch (def.type) {
    case 'string':
    case 'number':
      return (
        <div className={formStyles.field}>
          <label htmlFor={id} className={formStyles.label}>
            {def.label}
          </label>
          <input
            id={id}
            className={formStyles.input}
            type="text"
            inputMode={def.type === 'number' ? 'decimal' : undefined}
            value={text}
            maxLength={def.type === 'string' ? 500 : 30}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
          {errorText}
        </div>
      );
    case 'enum':
      return (
        <div className={formStyles.field}>
          <label htmlFor={id} className={formStyles.label}>
            {def.label}
          </label>
          <select
            id={id}
            className={`${formStyles.input} ${styles.select}`}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          >
            <option value="">{t('profile.notSaid')}</option>
            {(def.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          {errorText}
        </div>
      );
    case 'boolean':
      return (
        <fieldset className={styles.fieldset} aria-describedby={describedBy}>
          <legend className={formStyles.label}>{def.label}</legend>
          {(
            [
              ['true', t('profile.yes')],
              ['false', t('profile.no')],
              ['', t('profile.notSaid')],
            ] as const
          ).map(([v, label]) => (
            <label key={v} className={styles.choice}>
              <input type="radio" name={`${id}-bool`} value={v} checked={text === v} onChange={() => onChange(v)} onBlur={onBlur} />
              {label}
            </label>
          ))}
          {errorText}
        </fieldset>
      );
    case 'multi_enum': {
      const selected = Array.isArray(value) ? value : [];
      return (
        <fieldset className={styles.fieldset} aria-describedby={describedBy}>
          <legend className={formStyles.label}>{def.label}</legend>
          {(def.options ?? []).map((o) => (
            <label key={o} className={styles.choice}>
              <input
                type="checkbox"
                value={o}
                checked={selected.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o] : selected.filter((s) => s !== o))}
                onBlur={onBlur}
              />
              {o}
            </label>
          ))}
          {errorText}
        </fieldset>
      );
    }
  }
}
