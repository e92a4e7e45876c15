import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shipmentsControllerAcceptNda, shipmentsControllerReceived } from '../../../api/generated';
import { Button } from '../../../components/Form';
import { Note, Page } from '../../../components/Page';
import { formatDate } from '../../../i18n/format';
import { meKeys, useMyShipments, type Shipment } from '../shared/api';
import { errorMessage } from '../shared/errors';
import styles from './Shipments.module.css';
import { stepsOf } from './steps';

/** `/me/shipments` (an e-mail link): my parcels, their steps and tracking, the NDA, "I received it". */
export function ShipmentsPage() {
  const { t } = useTranslation();
  const shipments = useMyShipments();
  const [confirmed, setConfirmed] = useState<string[]>([]);
  return (
    <Page title={t('shipments.title')} intro={t('shipments.intro')}>
      {shipments.isPending ? (
        <p role="status">{t('shipments.loading')}</p>
      ) : shipments.isError ? (
        <Note>{errorMessage(shipments.error, t)}</Note>
      ) : shipments.data.length === 0 ? (
        <Note>{t('shipments.empty')}</Note>
      ) : (
        <ul className={styles.list}>
          {shipments.data.map((s) => (
            <li key={s.id}>
              <ShipmentCard shipment={s} justReceived={confirmed.includes(s.id)} onReceived={() => setConfirmed((ids) => [...ids, s.id])} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function ShipmentCard({ shipment: s, justReceived, onReceived }: { shipment: Shipment; justReceived: boolean; onReceived: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const ndaPending = s.product.ndaRequired && !s.ndaAcceptedAt;
  const statusLabel: Record<Shipment['status'], string> = {
    allocated: t('shipments.status.allocated'),
    packed: t('shipments.status.packed'),
    shipped: t('shipments.status.shipped'),
    delivered: t('shipments.status.delivered'),
    return_requested: t('shipments.status.return_requested'),
    returned: t('shipments.status.returned'),
    lost: t('shipments.status.lost'),
    cancelled: t('shipments.status.cancelled'),
  };
  const steps = stepsOf(s);
  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.product}>
        {s.product.name}
      </h2>
      {s.product.description ? <p className={styles.muted}>{s.product.description}</p> : null}
      <p>
        {t('shipments.currentStatus')} <strong>{statusLabel[s.status]}</strong>
      </p>
      {steps ? (
        <ol className={styles.steps} aria-label={t('shipments.stepsLabel')}>
          {steps.map((step) => (
            <li
              key={step.status}
              className={styles.step}
              data-state={step.state}
              aria-current={step.state === 'current' ? 'step' : undefined}
            >
              <span className={styles.dot} aria-hidden="true">
                {step.state === 'done' ? '✓' : ''}
              </span>
              <span>
                {statusLabel[step.status]}
                {step.state === 'done' ? <span className={styles.srOnly}> ({t('shipments.stepDone')})</span> : null}
                {step.state === 'current' ? <span className={styles.srOnly}> ({t('shipments.stepCurrent')})</span> : null}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <Note>{s.status === 'lost' ? t('shipments.lostNote') : t('shipments.cancelledNote')}</Note>
      )}
      {s.carrier || s.trackingNumber ? (
        <dl className={styles.tracking}>
          {s.carrier ? (
            <>
              <dt>{t('shipments.carrier')}</dt>
              <dd>{s.carrier}</dd>
            </>
          ) : null}
          {s.trackingNumber ? (
            <>
              <dt>{t('shipments.trackingNumber')}</dt>
              <dd className={styles.mono}>{s.trackingNumber}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {s.shippedAt ? <p className={styles.muted}>{t('shipments.shippedOn', { date: formatDate(s.shippedAt, lang) })}</p> : null}
      {s.deliveredAt ? <p className={styles.muted}>{t('shipments.deliveredOn', { date: formatDate(s.deliveredAt, lang) })}</p> : null}
      {ndaPending ? <NdaAcceptance shipment={s} /> : null}
      {s.product.ndaRequired && s.ndaAcceptedAt ? (
        <p className={styles.muted}>
          {t('shipments.nda.acceptedOn', { date: formatDate(s.ndaAcceptedAt, lang), version: s.ndaVersion ?? '' })}
        </p>
      ) : null}
      {s.status === 'shipped' ? <ReceivedButton shipment={s} onReceived={onReceived} /> : null}
      {justReceived ? <Note>{t('shipments.received.thanks')}</Note> : null}
    </article>
  );
}

function NdaAcceptance({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [agreed, setAgreed] = useState(false);
  const termsId = useId();
  const checkId = useId();
  const accept = useMutation({
    mutationFn: async () =>
      (
        await shipmentsControllerAcceptNda({
          throwOnError: true,
          path: { id: s.id },
          body: s.product.ndaVersion ? { version: s.product.ndaVersion } : {},
        })
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKeys.shipments }),
  });
  return (
    <section className={styles.nda} aria-labelledby={termsId}>
      <h3 id={termsId} className={styles.ndaTitle}>
        {t('shipments.nda.title')}
      </h3>
      <p>{t('shipments.nda.why')}</p>
      {s.product.ndaVersion ? <p className={styles.muted}>{t('shipments.nda.version', { version: s.product.ndaVersion })}</p> : null}
      <div className={styles.terms} tabIndex={0} role="region" aria-label={t('shipments.nda.termsLabel')}>
        {s.product.ndaTerms ?? t('shipments.nda.noTerms')}
      </div>
      <div className={styles.check}>
        <input id={checkId} type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} disabled={accept.isPending} />
        <label htmlFor={checkId}>{t('shipments.nda.checkbox')}</label>
      </div>
      <Button isDisabled={!agreed || accept.isPending} onPress={() => accept.mutate()}>
        {accept.isPending ? t('shipments.nda.sending') : t('shipments.nda.accept')}
      </Button>
      {accept.isError ? (
        <p role="alert" className={styles.error}>
          {errorMessage(accept.error, t)}
        </p>
      ) : null}
    </section>
  );
}

function ReceivedButton({ shipment: s, onReceived }: { shipment: Shipment; onReceived: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const received = useMutation({
    mutationFn: async () => (await shipmentsControllerReceived({ throwOnError: true, path: { id: s.id } })).data,
    onSuccess: () => {
      onReceived();
      return queryClient.invalidateQueries({ queryKey: meKeys.shipments });
    },
  });
  return (
    <div className={styles.received}>
      <p>{t('shipments.received.question')}</p>
      <Button isDisabled={received.isPending} onPress={() => received.mutate()}>
        {received.isPending ? t('shipments.received.sending') : t('shipments.received.button')}
      </Button>
      {received.isError ? (
        <p role="alert" className={styles.error}>
          {errorMessage(received.error, t)}
        </p>
      ) : null}
    </div>
  );
}
