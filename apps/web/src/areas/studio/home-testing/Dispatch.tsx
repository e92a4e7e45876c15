import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { saveBlob } from '../../../api/save-blob';
import { DataTable } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { homeTestingKeys, type AllocationResult, type HomeTestingApi, type Product, type TrackingResult } from './api';
import styles from './HomeTesting.module.css';

const k = (key: string) => `studio.homeTesting.${key}`;

/** Allocation of a product to the study's participants, the pick list, the tracking import. */
export function Dispatch({ api, studyId, products }: { api: HomeTestingApi; studyId: string; products: Product[] }) {
  const { t } = useTranslation();
  return (
    <section className={ws.panel} aria-labelledby="ht-dispatch">
      <h2 id="ht-dispatch" className={ws.title}>
        {t(k('dispatch.title'))}
      </h2>
      <Allocate api={api} studyId={studyId} products={products} />
      <PickList api={api} studyId={studyId} />
      <TrackingImport api={api} studyId={studyId} />
    </section>
  );
}

function Allocate({ api, studyId, products }: { api: HomeTestingApi; studyId: string; products: Product[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const selectId = useId();
  const [productId, setProductId] = useState('');
  const chosen = productId || products[0]?.id || '';
  const allocate = useMutation({
    mutationFn: (id: string) => api.allocate(studyId, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: homeTestingKeys.all(studyId) }),
  });
  const product = products.find((p) => p.id === chosen);
  return (
    <div>
      <h3 id="ht-allocate" className={ws.subtitle}>
        {t(k('allocate.title'))}
      </h3>
      <p className={ws.muted}>{t(k('allocate.intro'))}</p>
      {products.length === 0 ? (
        <p>{t(k('allocate.noProduct'))}</p>
      ) : (
        <div className={styles.file}>
          <div className={formStyles.field}>
            <label htmlFor={selectId} className={formStyles.label}>
              {t(k('allocate.product'))}
            </label>
            <select id={selectId} className={ws.select} value={chosen} onChange={(e) => setProductId(e.target.value)}>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(k('allocate.option'), { name: p.name, sku: p.sku, count: p.unitsInStock })}
                </option>
              ))}
            </select>
          </div>
          <Button isDisabled={allocate.isPending || !chosen} onPress={() => allocate.mutate(chosen)}>
            {allocate.isPending ? t(k('allocate.running')) : t(k('allocate.submit'))}
          </Button>
        </div>
      )}
      {allocate.isError ? <FormAlert message={problemMessage(problemOf(allocate.error), t)} /> : null}
      {allocate.data ? <AllocationSummary result={allocate.data} productName={product?.name ?? ''} /> : null}
    </div>
  );
}

/** What the allocation did: shipments created, participants left without a unit, addresses missing. */
export function AllocationSummary({ result, productName }: { result: AllocationResult; productName: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <p>{t(k('allocate.done'), { name: productName })}</p>
      <ul className={styles.figures}>
        <li className={styles.figure}>
          <strong>{result.allocated}</strong>
          {t(k('allocate.allocated'), { count: result.allocated })}
        </li>
        <li className={`${styles.figure} ${result.shortfall > 0 ? styles.warn : ''}`}>
          <strong>{result.shortfall}</strong>
          {t(k('allocate.shortfall'), { count: result.shortfall })}
        </li>
        <li className={`${styles.figure} ${result.missingAddress > 0 ? styles.warn : ''}`}>
          <strong>{result.missingAddress}</strong>
          {t(k('allocate.missingAddress'), { count: result.missingAddress })}
        </li>
        <li className={styles.figure}>
          <strong>{result.unitsInStock}</strong>
          {t(k('allocate.left'), { count: result.unitsInStock })}
        </li>
      </ul>
      {result.shortfall > 0 ? <p className={styles.bad}>{t(k('allocate.shortfallHint'), { count: result.shortfall })}</p> : null}
      {result.missingAddress > 0 ? (
        <details>
          <summary>{t(k('allocate.missingList'), { count: result.missingAddress })}</summary>
          <ul>
            {result.missingAddressPanellistIds.map((id) => (
              <li key={id} className={ws.mono}>
                {id}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function PickList({ api, studyId }: { api: HomeTestingApi; studyId: string }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: async () => saveBlob(await api.pickList(studyId), `pick-list-${studyId.slice(0, 8)}.csv`),
  });
  return (
    <div>
      <h3 className={ws.subtitle}>{t(k('pickList.title'))}</h3>
      <p className={ws.muted}>{t(k('pickList.intro'))}</p>
      <Button isDisabled={download.isPending} onPress={() => download.mutate()}>
        {t(k('pickList.download'))}
      </Button>
      <p role="status">{download.isPending ? t(k('pickList.preparing')) : download.isSuccess ? t(k('pickList.downloaded')) : ''}</p>
      {download.isError ? <FormAlert message={problemMessage(problemOf(download.error), t)} /> : null}
    </div>
  );
}

/** A row error's reason in the reader's language: the code before any ':' is translated, the detail kept. */
export function useTrackingReason() {
  const { t, i18n } = useTranslation();
  return (reason: string): string => {
    const [code, ...rest] = reason.split(':');
    const detail = rest.join(':').trim();
    if (code === 'not_shippable') {
      const status = /is (\w+)$/.exec(detail)?.[1];
      return t(k('tracking.reasons.not_shippable'), { status: status ? t(k(`status.${status}`), { defaultValue: status }) : detail });
    }
    if (!code || !i18n.exists(k(`tracking.reasons.${code}`))) return reason;
    const label = t(k(`tracking.reasons.${code}`));
    return detail ? `${label} (${detail})` : label;
  };
}

function TrackingImport({ api, studyId }: { api: HomeTestingApi; studyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileName, setFileName] = useState('');
  const upload = useMutation({
    mutationFn: async (f: File) => api.importTracking(studyId, await readText(f)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: homeTestingKeys.all(studyId) }),
  });
  return (
    <div>
      <h3 className={ws.subtitle}>{t(k('tracking.title'))}</h3>
      <p id={hintId} className={ws.muted}>
        {t(k('tracking.intro'))}
      </p>
      <form
        className={styles.file}
        onSubmit={(e) => {
          e.preventDefault();
          if (file) {
            setFileName(file.name);
            upload.mutate(file);
          }
        }}
      >
        <div className={formStyles.field}>
          <label htmlFor={inputId} className={formStyles.label}>
            {t(k('tracking.file'))}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className={styles.fileInput}
            aria-describedby={hintId}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" isDisabled={!file || upload.isPending}>
          {upload.isPending ? t(k('tracking.running')) : t(k('tracking.submit'))}
        </Button>
      </form>
      {upload.isError ? <FormAlert message={problemMessage(problemOf(upload.error), t)} /> : null}
      {upload.data ? <TrackingResults result={upload.data} fileName={fileName} /> : null}
    </div>
  );
}

async function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

/** Each row's result: how many parcels moved to shipped, then every refused row with its reason. */
export function TrackingResults({ result, fileName }: { result: TrackingResult; fileName: string }) {
  const { t } = useTranslation();
  const reasonOf = useTrackingReason();
  return (
    <div role="status" aria-live="polite">
      <p className={styles.ok}>{t(k('tracking.updated'), { count: result.updated, file: fileName })}</p>
      {result.errors.length === 0 ? (
        <p>{t(k('tracking.noErrors'))}</p>
      ) : (
        <>
          <p className={styles.bad}>{t(k('tracking.errors'), { count: result.errors.length })}</p>
          <DataTable
            caption={t(k('tracking.caption'))}
            showCaption={false}
            rows={result.errors}
            rowKey={(e) => `${e.row}-${e.reason}`}
            empty=""
            columns={[
              { key: 'row', header: t(k('tracking.row')), cell: (e) => e.row, numeric: true, rowHeader: true },
              {
                key: 'shipment',
                header: t(k('tracking.shipment')),
                cell: (e) => <span className={ws.mono}>{e.shipmentId ?? t('studio.none')}</span>,
              },
              { key: 'reason', header: t(k('tracking.reason')), cell: (e) => reasonOf(e.reason) },
            ]}
          />
        </>
      )}
    </div>
  );
}
