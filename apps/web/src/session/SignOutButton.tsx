import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';
import styles from './session.module.css';

/** Shown in the header when signed in: ends the session (cookie and memory) and goes to /login. */
export function SignOutButton() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  if (!user) return null;
  return (
    <Button className={styles.signOut} onPress={() => void signOut()}>
      {t('session.signOut')}
    </Button>
  );
}
