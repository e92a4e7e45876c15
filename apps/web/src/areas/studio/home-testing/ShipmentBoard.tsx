import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import { homeTestingKeys, manualMoves, SHIPMENT_STATUSES, type HomeTestingApi, type Shipment, type ShipmentStatus } from './api';
import styles from './HomeTesting.module.css';

const k = (key: string) => `studio.homeTesting.${key}`;

/** The study's parcels by status (one status at a time, a page at a time), each with its history. */
export function ShipmentBoard({ api, studyId }: { api: HomeTestingApi; studyId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ShipmentStatus | undefined>(undefined);
  const shipments = useInfiniteQuery({
    queryKey: homeTestingKeys.shipments(studyId, status),
    queryFn: ({ pageParam }) => api.listShipments(studyId, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = shipments.data?.pages.flatMap((p) => p.items) ?? [];
  const choices: Array<ShipmentStatus | undefined> = [undefined, ...SHIPMENT_STATUSES];
  return (
    <section className={ws.panel} aria-labelledby="ht-board">
      <h2 id="ht-board" className={ws.title}>
        {t(k('board.title'))}
      </h2>
      <ul className={styles.statusTabs} aria-label={t(k('board.filter'))}>
        {choices.map((s) => (
          <li key={s ?? 'all'}>
            <Button
              className={`${formStyles.button} ${ws.secondary} ${styles.statusTab}`}
              aria-pressed={status === s}
              onPress={() => setStatus(s)}
            >
              {s ? t(k(`status.${s}`)) : t(k('board.all'))}
            </Button>
          </li>
        ))}
      </ul>
      {shipments.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : shipments.isError ? (
        <FormAlert message={problemMessage(problemOf(shipments.error), t)} />
      ) : (
        <DataTable
          caption={status ? t(k('board.captionStatus'), { status: t(k(`status.${status}`)) }) : t(k('board.caption'))}
          rows={rows}
          rowKey={(s) => s.id}
          empty={status ? t(k('board.emptyStatus'), { status: t(k(`status.${status}`)) }) : t(k('board.empty'))}
          hasMore={shipments.hasNextPage}
          loadingMore={shipments.isFetchingNextPage}
          onMore={() => void shipments.fetchNextPage()}
          moreLabel={t('studio.more')}
          columns={[
            { key: 'recipient', header: t(k('board.recipient')), cell: (s) => s.address.recipientName, rowHeader: true },
            { key: 'city', header: t(k('board.city')), cell: (s) => `${s.address.postalCode} ${s.address.city} (${s.address.country})` },
            { key: 'product', header: t(k('board.product')), cell: (s) => s.product.name },
            { key: 'status', header: t(k('board.status')), cell: (s) => <span className={ws.badge}>{t(k(`status.${s.status}`))}</span> },
            {
              key: 'ready',
              header: t(k('board.ready')),
              cell: (s) => (s.readyToShip ? t('studio.yes') : t(k('board.ndaPending'))),
            },
            {
              key: 'tracking',
              header: t(k('board.tracking')),
              cell: (s) => (s.trackingNumber ? `${s.carrier ?? ''} ${s.trackingNumber}` : t('studio.none')),
            },
            { key: 'id', header: t(k('board.id')), cell: (s) => <span className={ws.mono}>{s.id}</span> },
            {
              key: 'actions',
              header: <span className={ws.visuallyHidden}>{t(k('actions'))}</span>,
              cell: (s) => <ParcelDialog api={api} studyId={studyId} shipment={s} />,
            },
          ]}
        />
      )}
    </section>
  );
}

function ParcelDialog({ api, studyId, shipment }: { api: HomeTestingApi; studyId: string; shipment: Shipment }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button
        className={`${formStyles.button} ${ws.secondary}`}
        aria-label={t(k('parcel.openLabel'), { name: shipment.address.recipientName })}
      >
        {t(k('parcel.open'))}
      </Button>
      <ModalOverlay className={ws.overlay} isDismissable>
        <Modal className={`${ws.modal} ${styles.wide}`}>
          <Dialog className={ws.dialog}>
            {({ close }) => (
              <>
                <Heading slot="title" className={ws.dialogTitle}>
                  {t(k('parcel.title'), { name: shipment.address.recipientName })}
                </Heading>
                <ParcelDetail api={api} studyId={studyId} id={shipment.id} />
                <div className={ws.actions}>
                  <Button className={`${formStyles.button} ${ws.secondary}`} onPress={close}>
                    {t(k('close'))}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

export function ParcelDetail({ api, studyId, id }: { api: HomeTestingApi; studyId: string; id: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: homeTestingKeys.shipment(studyId, id), queryFn: () => api.shipment(id) });
  const move = useMutation({
    mutationFn: (to: ShipmentStatus) => api.move(id, to),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: homeTestingKeys.all(studyId) }),
  });
  if (detail.isPending) return <p role="status">{t('studio.loading')}</p>;
  if (detail.isError) return <FormAlert message={problemMessage(problemOf(detail.error), t)} />;
  const s = detail.data;
  const fmt = (iso: string) => formatDate(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const moves = manualMoves(s.status);
  return (
    <>
      <p>
        {t(k('parcel.now'))} <span className={ws.badge}>{t(k(`status.${s.status}`))}</span>
        {s.trackingNumber ? ` · ${t(k('parcel.tracking'), { carrier: s.carrier ?? '', number: s.trackingNumber })}` : ''}
      </p>
      <address className={styles.address}>
        {s.address.recipientName}
        <br />
        {s.address.line1}
        {s.address.line2 ? (
          <>
            <br />
            {s.address.line2}
          </>
        ) : null}
        <br />
        {s.address.postalCode} {s.address.city}, {s.address.country}
      </address>
      <p className={ws.muted}>{t(k('parcel.product'), { name: s.product.name, sku: s.product.sku })}</p>
      <h3 className={ws.subtitle}>{t(k('parcel.history'))}</h3>
      <ol className={styles.history} aria-label={t(k('parcel.history'))}>
        {s.events.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            <strong>{fmt(e.at)}</strong> —{' '}
            {e.from
              ? t(k('parcel.move'), { from: t(k(`status.${e.from}`)), to: t(k(`status.${e.to}`)) })
              : t(k('parcel.created'), { to: t(k(`status.${e.to}`)) })}{' '}
            <span className={ws.muted}>({t(k(`parcel.sources.${e.source}`), { defaultValue: e.source })})</span>
            {e.note ? <div>{e.note}</div> : null}
          </li>
        ))}
      </ol>
      {moves.length ? (
        <>
          <h3 className={ws.subtitle}>{t(k('parcel.moves'))}</h3>
          <div className={ws.rowActions}>
            {moves.map((to) =>
              to === 'lost' || to === 'cancelled' ? (
                // final moves: said before they are done
                <ConfirmDialog
                  key={to}
                  trigger={t(k('parcel.moveTo'), { status: t(k(`status.${to}`)) })}
                  title={t(k(`parcel.confirm.${to}.title`))}
                  confirm={t(k(`parcel.confirm.${to}.confirm`))}
                  cancel={t('studio.cancel')}
                  danger
                  isDisabled={move.isPending}
                  onConfirm={() => move.mutate(to)}
                >
                  <p>{t(k(`parcel.confirm.${to}.body`))}</p>
                </ConfirmDialog>
              ) : (
                <Button key={to} isDisabled={move.isPending} onPress={() => move.mutate(to)}>
                  {t(k('parcel.moveTo'), { status: t(k(`status.${to}`)) })}
                </Button>
              ),
            )}
          </div>
        </>
      ) : null}
      {move.isError ? <FormAlert message={problemMessage(problemOf(move.error), t)} /> : null}
    </>
  );
}
