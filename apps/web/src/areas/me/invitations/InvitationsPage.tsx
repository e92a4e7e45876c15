import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../../api/problem';
import { Button } from '../../../components/Form';
import { Note, Page } from '../../../components/Page';
import { formatDate, formatNumber } from '../../../i18n/format';
import { meKeys } from '../shared/api';
import { sdkInvitationsApi, type InvitationsApi, type InvitationStatus, type MyInvitation } from './api';
import styles from './Invitations.module.css';

type Outcome = { invitation: MyInvitation; status: 'accepted' | 'waitlisted' | 'declined' };

function statusLabel(status: InvitationStatus, t: TFunction): string {
  switch (status) {
    case 'accepted':
      return t('invitations.status.accepted');
    case 'declined':
      return t('invitations.status.declined');
    case 'expired':
      return t('invitations.status.expired');
    case 'waitlisted':
      return t('invitations.status.waitlisted');
    default:
      return t('invitations.status.invited');
  }
}

function answerError(error: unknown, t: TFunction): string {
  const p = problemOf(error);
  if (!p) return t('invitations.errors.network');
  const type = p.type.slice(p.type.lastIndexOf(':') + 1);
  if (type === 'invitation-closed') return t('invitations.errors.closed');
  if (type === 'panellist-not-active') return t('invitations.errors.notActive');
  if (p.status === 404) return t('invitations.errors.gone');
  return t('invitations.errors.generic');
}

/** What happened after an answer: in, on the waiting list (and why), or declined. */
function OutcomeNote({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [outcome]);
  const title = outcome.invitation.studyTitle;
  return (
    <div ref={ref} tabIndex={-1} role="status" className={outcome.status === 'waitlisted' ? styles.outcomeWait : styles.outcome}>
      {outcome.status === 'accepted' ? (
        <>
          <p className={styles.outcomeTitle}>{t('invitations.accepted.title', { title })}</p>
          <p>{t('invitations.accepted.body')}</p>
          <Link to="/me/studies/$studyId" params={{ studyId: outcome.invitation.studyId }} className={styles.link}>
            {t('invitations.accepted.link')}
          </Link>
        </>
      ) : outcome.status === 'waitlisted' ? (
        <>
          <p className={styles.outcomeTitle}>{t('invitations.waitlisted.title', { title })}</p>
          <p>{t('invitations.waitlisted.why')}</p>
          <p className={styles.last}>{t('invitations.waitlisted.next')}</p>
        </>
      ) : (
        <p className={styles.last}>{t('invitations.declined', { title })}</p>
      )}
    </div>
  );
}

function OpenInvitation({
  invitation,
  api,
  onAnswered,
}: {
  invitation: MyInvitation;
  api: InvitationsApi;
  onAnswered: (o: Outcome) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const done = () => {
    void client.invalidateQueries({ queryKey: meKeys.invitations });
    void client.invalidateQueries({ queryKey: meKeys.studies });
  };
  const accept = useMutation({
    mutationFn: () => api.accept(invitation.id),
    onSuccess: (r) => {
      onAnswered({ invitation, status: r.status });
      done();
    },
  });
  const decline = useMutation({
    mutationFn: () => api.decline(invitation.id),
    onSuccess: () => {
      onAnswered({ invitation, status: 'declined' });
      done();
    },
  });
  const headingId = `invitation-${invitation.id}`;
  const error = accept.error ?? decline.error;
  const busy = accept.isPending || decline.isPending;
  return (
    <li className={styles.card}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className={styles.cardTitle}>
          {invitation.studyTitle}
        </h3>
        <p className={styles.theme}>{invitation.theme}</p>
        <p className={styles.brief}>{invitation.brief}</p>
        <dl className={styles.facts}>
          {invitation.incentivePoints > 0 ? (
            <div>
              <dt>{t('invitations.incentive')}</dt>
              <dd>
                {t('invitations.points', {
                  count: invitation.incentivePoints,
                  formatted: formatNumber(invitation.incentivePoints, i18n.language),
                })}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('invitations.expires')}</dt>
            <dd>
              <time dateTime={invitation.expiresAt}>
                {formatDate(invitation.expiresAt, i18n.language, { dateStyle: 'long', timeStyle: 'short' })}
              </time>
            </dd>
          </div>
        </dl>
        {error ? (
          <p className={styles.error} role="alert">
            {answerError(error, t)}
          </p>
        ) : null}
        <div className={styles.actions}>
          {/* not React Aria's isPending: it announces the button by its id when the request ends, and the
              answered invitation's button is gone by then (a live region labelled by a missing element);
              the outcome takes the focus and says what happened */}
          <Button onPress={() => accept.mutate()} isDisabled={busy}>
            {accept.isPending ? t('invitations.accepting') : t('invitations.accept')}
          </Button>
          <DialogTrigger>
            <Button className={styles.secondary} isDisabled={busy}>
              {t('invitations.decline')}
            </Button>
            <ModalOverlay className={styles.overlay} isDismissable>
              <Modal className={styles.modal}>
                <Dialog role="alertdialog" className={styles.dialog}>
                  {({ close }) => (
                    <>
                      <Heading slot="title" className={styles.dialogTitle}>
                        {t('invitations.confirm.title')}
                      </Heading>
                      <p>{t('invitations.confirm.body', { title: invitation.studyTitle })}</p>
                      <div className={styles.actions}>
                        <Button
                          onPress={() => {
                            close();
                            decline.mutate();
                          }}
                        >
                          {t('invitations.confirm.yes')}
                        </Button>
                        <Button className={styles.secondary} onPress={close} autoFocus>
                          {t('invitations.confirm.no')}
                        </Button>
                      </div>
                    </>
                  )}
                </Dialog>
              </Modal>
            </ModalOverlay>
          </DialogTrigger>
        </div>
      </article>
    </li>
  );
}

/** `/me/invitations` (the e-mail link): open invitations to answer, then the past ones. */
export function InvitationsPage({ api = sdkInvitationsApi }: { api?: InvitationsApi }) {
  const { t, i18n } = useTranslation();
  // the same cache entry as the home's (an array of my invitations)
  const list = useQuery({ queryKey: meKeys.invitations, queryFn: async () => (await api.list()).items });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const items: MyInvitation[] = list.data ?? [];
  const open = items.filter((i) => i.status === 'invited');
  const past = items.filter((i) => i.status !== 'invited');
  return (
    <Page title={t('invitations.title')} intro={t('invitations.intro')}>
      {outcome ? <OutcomeNote outcome={outcome} /> : null}
      {list.isPending ? (
        <p className={styles.muted} role="status">
          {t('invitations.loading')}
        </p>
      ) : list.isError ? (
        <p className={styles.error} role="alert">
          {t('invitations.errors.load')}
        </p>
      ) : (
        <>
          <section aria-labelledby="open-title" className={styles.section}>
            <h2 id="open-title" className={styles.h2}>
              {t('invitations.open')}
            </h2>
            {open.length === 0 ? (
              <Note>{t('invitations.none')}</Note>
            ) : (
              <ul className={styles.list}>
                {open.map((i) => (
                  <OpenInvitation key={i.id} invitation={i} api={api} onAnswered={setOutcome} />
                ))}
              </ul>
            )}
          </section>
          {past.length > 0 ? (
            <section aria-labelledby="past-title" className={styles.section}>
              <h2 id="past-title" className={styles.h2}>
                {t('invitations.past')}
              </h2>
              <ul className={styles.pastList}>
                {past.map((i) => (
                  <li key={i.id} className={styles.pastItem}>
                    {i.status === 'accepted' ? (
                      <Link to="/me/studies/$studyId" params={{ studyId: i.studyId }} className={styles.pastTitle}>
                        {i.studyTitle}
                      </Link>
                    ) : (
                      <span className={styles.pastTitle}>{i.studyTitle}</span>
                    )}
                    <span className={styles.muted}>
                      {statusLabel(i.status, t)} · {t('invitations.invitedOn', { date: formatDate(i.createdAt, i18n.language) })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
