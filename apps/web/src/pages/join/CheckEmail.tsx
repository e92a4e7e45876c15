import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recruitmentControllerResendConfirmation } from '../../api/generated';
import { problemOf } from '../../api/problem';
import { Button } from '../../components/Form';
import { Page } from '../../components/Page';
import styles from '../JoinPage.module.css';

/** After applying: the address to look at, and a resend button (202 whatever the address). */
export function CheckEmail({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useMutation({
    mutationFn: async () => {
      await recruitmentControllerResendConfirmation({ body: { email }, throwOnError: true });
    },
  });
  const status = resend.isSuccess
    ? t('join.checkEmail.resent')
    : resend.isError
      ? problemOf(resend.error)?.status === 429
        ? t('join.errors.rateLimited')
        : t('join.checkEmail.resendFailed')
      : null;
  return (
    <Page title={t('join.checkEmail.title')}>
      <p>{t('join.checkEmail.sentTo')}</p>
      <p className={styles.email}>{email}</p>
      <p>{t('join.checkEmail.body')}</p>
      <p className={styles.hint}>{t('join.checkEmail.spam')}</p>
      <div className={styles.resend}>
        <Button onPress={() => resend.mutate()} isDisabled={resend.isPending}>
          {t('join.checkEmail.resend')}
        </Button>
      </div>
      {status ? (
        <p role="status" className={styles.hint}>
          {status}
        </p>
      ) : null}
    </Page>
  );
}
