import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Input, Label, Modal, ModalOverlay, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { meControllerErase, meControllerExport, meControllerOptOut, meControllerProfile } from '../../../api/generated';
import { saveBlob } from '../../../api/save-blob';
import { Button, formStyles } from '../../../components/Form';
import { Note, Page } from '../../../components/Page';
import { useSession } from '../../../session/session';
import { meKeys } from '../shared/api';
import { errorMessage } from '../shared/errors';
import styles from './Privacy.module.css';

/** `leadpanel-export-YYYY-MM-DD.json`, with the local date of the download. */
export function exportFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `leadpanel-export-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** `/me/privacy`: download my data, opt out, erase my account. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.title')} intro={t('privacy.intro')}>
      <ExportSection />
      <OptOutSection />
      <EraseSection />
    </Page>
  );
}

function ExportSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const download = useMutation({
    mutationFn: async () => {
      // the configured client (the session's Authorization header and refresh), read as a file
      const { data } = await meControllerExport({ throwOnError: true, parseAs: 'blob' });
      const blob = data instanceof Blob ? data : new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      saveBlob(blob, exportFileName());
    },
  });
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('privacy.export.title')}
      </h2>
      <p>{t('privacy.export.body')}</p>
      <Button isDisabled={download.isPending} onPress={() => download.mutate()}>
        {download.isPending ? t('privacy.export.preparing') : t('privacy.export.button')}
      </Button>
      <p role="status" className={styles.status}>
        {download.isSuccess ? t('privacy.export.done') : ''}
      </p>
      {download.isError ? (
        <p role="alert" className={styles.error}>
          {errorMessage(download.error, t)}
        </p>
      ) : null}
    </section>
  );
}

function OptOutSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const profile = useQuery({
    queryKey: meKeys.profile,
    queryFn: async () => (await meControllerProfile({ throwOnError: true })).data,
  });
  const optOut = useMutation({
    mutationFn: async () => (await meControllerOptOut({ throwOnError: true })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKeys.profile }),
  });
  const optedOut = optOut.isSuccess || profile.data?.status === 'opted_out';
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('privacy.optOut.title')}
      </h2>
      <p>{t('privacy.optOut.body')}</p>
      <ul className={styles.list}>
        <li>{t('privacy.optOut.keeps')}</li>
        <li>{t('privacy.optOut.stops')}</li>
      </ul>
      {optedOut ? (
        <Note>{t('privacy.optOut.done')}</Note>
      ) : (
        <DialogTrigger>
          <Button>{t('privacy.optOut.button')}</Button>
          <ModalOverlay className={styles.overlay} isDismissable>
            <Modal className={styles.modal}>
              <Dialog className={styles.dialog}>
                {({ close }) => (
                  <>
                    <Heading slot="title" className={styles.dialogTitle}>
                      {t('privacy.optOut.confirmTitle')}
                    </Heading>
                    <p>{t('privacy.optOut.confirmBody')}</p>
                    {optOut.isError ? (
                      <p role="alert" className={styles.error}>
                        {errorMessage(optOut.error, t)}
                      </p>
                    ) : null}
                    <div className={styles.dialogActions}>
                      <button type="button" className={styles.secondary} onClick={close}>
                        {t('privacy.cancel')}
                      </button>
                      <Button isDisabled={optOut.isPending} onPress={() => optOut.mutate(undefined, { onSuccess: close })}>
                        {t('privacy.optOut.confirm')}
                      </Button>
                    </div>
                  </>
                )}
              </Dialog>
            </Modal>
          </ModalOverlay>
        </DialogTrigger>
      )}
    </section>
  );
}

function EraseSection() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('privacy.erase.title')}
      </h2>
      <p>{t('privacy.erase.body')}</p>
      <ul className={styles.list}>
        <li>{t('privacy.erase.loseAccount')}</li>
        <li>{t('privacy.erase.losePoints')}</li>
        <li>{t('privacy.erase.answersKept')}</li>
        <li>{t('privacy.erase.final')}</li>
      </ul>
      <DialogTrigger>
        <Button className={`${formStyles.button} ${styles.danger}`}>{t('privacy.erase.button')}</Button>
        <ModalOverlay className={styles.overlay} isDismissable>
          <Modal className={styles.modal}>
            <Dialog className={styles.dialog}>{({ close }) => <EraseDialog close={close} />}</Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
    </section>
  );
}

/** The panellist types the confirmation word of their language before the button enables. */
function EraseDialog({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const word = t('privacy.erase.word');
  const confirmed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
  const erase = useMutation({
    mutationFn: async () => {
      await meControllerErase({ throwOnError: true });
    },
    onSuccess: async () => {
      // leave the guarded /me area first, then end the local session (the API already revoked
      // every session: signing out may fail, the page moves on anyway) and forget the cached data
      await navigate({ to: '/goodbye', replace: true });
      await signOut().catch(() => undefined);
      queryClient.clear();
    },
  });
  return (
    <>
      <Heading slot="title" className={styles.dialogTitle}>
        {t('privacy.erase.confirmTitle')}
      </Heading>
      <p>{t('privacy.erase.confirmBody')}</p>
      <form
        className={formStyles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed && !erase.isPending) erase.mutate();
        }}
      >
        <TextField className={formStyles.field} value={typed} onChange={setTyped} autoFocus>
          <Label className={formStyles.label}>{t('privacy.erase.typeLabel', { word })}</Label>
          <Input className={formStyles.input} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </TextField>
        {erase.isError ? (
          <p role="alert" className={styles.error}>
            {errorMessage(erase.error, t)}
          </p>
        ) : null}
        <div className={styles.dialogActions}>
          <button type="button" className={styles.secondary} onClick={close}>
            {t('privacy.cancel')}
          </button>
          <Button type="submit" className={`${formStyles.button} ${styles.danger}`} isDisabled={!confirmed || erase.isPending}>
            {erase.isPending ? t('privacy.erase.erasing') : t('privacy.erase.confirm')}
          </Button>
        </div>
      </form>
    </>
  );
}
