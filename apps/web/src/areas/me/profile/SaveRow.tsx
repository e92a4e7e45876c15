import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Form';
import { errorMessage } from '../shared/errors';
import { problemFields } from '../shared/fieldErrors';
import styles from './Profile.module.css';

interface SaveRowProps {
  pending: boolean;
  /** the status line's text once saved ('' before) */
  saved: string;
  saveLabel: string;
  error: unknown;
}

/**
 * A profile form's foot: its save button, the status line a screen reader hears after a save,
 * and the error that no field shows (field problems sit under their fields).
 */
export function SaveRow({ pending, saved, saveLabel, error }: SaveRowProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className={styles.submitRow}>
        <Button type="submit" isDisabled={pending}>
          {pending ? t('profile.saving') : saveLabel}
        </Button>
        <p role="status" className={styles.status}>
          {saved}
        </p>
      </div>
      {error && problemFields(error).length === 0 ? (
        <p role="alert" className={styles.error}>
          {errorMessage(error, t)}
        </p>
      ) : null}
    </>
  );
}
