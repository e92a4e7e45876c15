import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatNumber } from '../../../i18n/format';
import { studioKeys, useStudy, type Study } from '../api';
import { sdkStudiesApi, studiesKeys, type StudiesApi, type Wave, type WavePreview } from './api';
import { Bar } from './Bar';
import { cellLabel } from './EligibilityPreview';
import { InvitationsTable, ParticipantsTable } from './PeopleTables';
import styles from './Studies.module.css';

/** `/studio/studies/$studyId/participants`: send a wave (previewed first), then who is where, per quota cell and in full. */
export function ParticipantsPage({ studyId, api = sdkStudiesApi }: { studyId: string; api?: StudiesApi }) {
  const study = useStudy(studyId);
  if (!study.data) return null; // the layout above shows loading and errors
  return (
    <div className={styles.stack}>
      <WavePanel study={study.data} api={api} />
      <CellsPanel study={study.data} api={api} />
      <ParticipantsTable studyId={studyId} api={api} />
      <InvitationsTable studyId={studyId} api={api} />
    </div>
  );
}

interface WaveForm {
  size: string;
  expiresInDays: string;
  seed: string;
}

function WavePanel({ study, api }: { study: Study; api: StudiesApi }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const n = (v: number) => formatNumber(v, i18n.language);
  const { register, handleSubmit, getValues, formState, control } = useForm<WaveForm>({
    defaultValues: { size: '10', expiresInDays: '7', seed: '' },
  });
  const [previewed, setPreviewed] = useState<{ input: WaveForm; result: WavePreview } | null>(null);
  const [sent, setSent] = useState<Wave | null>(null);
  const open = study.status === 'recruiting' || study.status === 'in_field';
  const current = useWatch({ control }) as WaveForm;
  // the preview stands for the form it was made from: any change asks for a new one
  const stillValid =
    previewed !== null &&
    previewed.input.size === current.size &&
    previewed.input.expiresInDays === current.expiresInDays &&
    previewed.input.seed === current.seed;

  const preview = useMutation({
    mutationFn: (v: WaveForm) => api.previewWave(study.id, { size: Number(v.size), ...(v.seed.trim() ? { seed: v.seed.trim() } : {}) }),
    onSuccess: (result, input) => {
      setSent(null);
      setPreviewed({ input, result });
    },
  });
  const send = useMutation({
    // the previewed seed: the same panellists as the preview (unless the panel moved in between)
    mutationFn: (p: { input: WaveForm; result: WavePreview }) =>
      api.sendWave(study.id, { size: Number(p.input.size), expiresInDays: Number(p.input.expiresInDays), seed: p.result.seed }),
    onSuccess: (wave) => {
      setSent(wave);
      setPreviewed(null);
      void queryClient.invalidateQueries({ queryKey: studioKeys.study(study.id) });
      void queryClient.invalidateQueries({ queryKey: studioKeys.studies });
    },
  });
  const intIn = (min: number, max: number) => ({
    validate: (v: string) =>
      Number.isInteger(Number(v)) && v.trim() !== '' && Number(v) >= min && Number(v) <= max
        ? true
        : t('studio.studies.builder.between', { min, max }),
  });
  const errors = formState.errors;
  const error = preview.error ?? send.error;
  return (
    <section className={ws.panel} aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} className={ws.title}>
        {t('studio.studies.wave.title')}
      </h1>
      {!open ? <p>{t('studio.studies.wave.closed', { status: t(`studio.study.status.${study.status}`) })}</p> : null}
      <form className={styles.waveForm} noValidate onSubmit={(e) => void handleSubmit((v) => preview.mutate(v))(e)}>
        {(['size', 'expiresInDays', 'seed'] as const).map((name) => (
          <div key={name} className={formStyles.field}>
            <label className={formStyles.label} htmlFor={`${id}-${name}`}>
              {t(`studio.studies.wave.${name}`)}
            </label>
            <input
              id={`${id}-${name}`}
              className={formStyles.input}
              inputMode={name === 'seed' ? undefined : 'numeric'}
              autoComplete="off"
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
              {...register(name, name === 'size' ? intIn(1, 10_000) : name === 'expiresInDays' ? intIn(1, 90) : { maxLength: 100 })}
            />
            {errors[name] ? (
              <p id={`${id}-${name}-error`} className={formStyles.error}>
                {errors[name]?.message}
              </p>
            ) : null}
          </div>
        ))}
        <Button type="submit" isDisabled={!open || preview.isPending} className={`${formStyles.button} ${styles.alignEnd}`}>
          {preview.isPending ? t('studio.loading') : t('studio.studies.wave.preview')}
        </Button>
      </form>
      <p className={ws.muted}>{t('studio.studies.wave.seedHint')}</p>
      <FormAlert message={error ? problemMessage(problemOf(error), t) : undefined} />
      {previewed ? (
        <div className={styles.wavePreview}>
          <h2 className={ws.subtitle}>
            {t('studio.studies.wave.previewTitle', { count: previewed.result.invited, n: n(previewed.result.invited) })}
          </h2>
          <WaveCells
            cells={previewed.result.cells}
            caption={t('studio.studies.wave.previewCaption')}
            invitedHeader={t('studio.studies.wave.wouldInvite')}
          />
          <p className={ws.muted}>{t('studio.studies.wave.seedUsed', { seed: previewed.result.seed })}</p>
          {stillValid ? (
            <ConfirmDialog
              trigger={t('studio.studies.wave.send')}
              title={t('studio.studies.wave.confirmTitle', { count: previewed.result.invited, n: n(previewed.result.invited) })}
              confirm={t('studio.studies.wave.sendNow')}
              cancel={t('studio.cancel')}
              isDisabled={send.isPending || previewed.result.invited === 0}
              onConfirm={() => send.mutate(previewed)}
            >
              <p>
                {t('studio.studies.wave.confirmText', {
                  count: previewed.result.invited,
                  n: n(previewed.result.invited),
                  days: getValues('expiresInDays'),
                })}
              </p>
            </ConfirmDialog>
          ) : (
            <p>{t('studio.studies.wave.changed')}</p>
          )}
        </div>
      ) : null}
      {sent ? (
        <div className={styles.wavePreview}>
          <Note>{t('studio.studies.wave.sent', { count: sent.invited, n: n(sent.invited) })}</Note>
          <WaveCells cells={sent.cells} caption={t('studio.studies.wave.sentCaption')} invitedHeader={t('studio.studies.wave.invited')} />
        </div>
      ) : null}
    </section>
  );
}

function WaveCells({ cells, caption, invitedHeader }: { cells: WavePreview['cells']; caption: string; invitedHeader: string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  if (cells.length === 0) return <p className={ws.muted}>{t('studio.studies.preview.noCells')}</p>;
  return (
    <table className={ws.table}>
      <caption className={ws.visuallyHidden}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('studio.studies.preview.cell')}</th>
          <th scope="col" className={ws.num}>
            {invitedHeader}
          </th>
          <th scope="col" className={ws.num}>
            {t('studio.studies.preview.enrolledCol')}
          </th>
          <th scope="col" className={ws.num}>
            {t('studio.studies.field.target')}
          </th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c, i) => (
          <tr key={`${c.dimension}=${c.value}:${i}`}>
            <th scope="row">{cellLabel(t, c.dimension, c.value)}</th>
            <td className={ws.num}>{n(c.invited)}</td>
            <td className={ws.num}>{n(c.enrolled)}</td>
            <td className={ws.num}>{n(c.target)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CellsPanel({ study, api }: { study: Study; api: StudiesApi }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const cells = useQuery({ queryKey: studiesKeys.cells(study.id), queryFn: () => api.cells(study.id) });
  const n = (v: number) => formatNumber(v, i18n.language);
  const f = study.funnel;
  return (
    <section className={ws.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={ws.title}>
        {t('studio.studies.cells.title')}
      </h2>
      {f ? (
        <p>
          {t('studio.studies.funnel.enrolled', { enrolled: n(f.enrolled), target: n(study.targetSize) })} ·{' '}
          {t('studio.studies.funnel.rest', {
            invited: n(f.invited),
            pending: n(f.pending),
            waitlisted: n(f.waitlisted),
            declined: n(f.declined),
            expired: n(f.expired),
          })}
        </p>
      ) : null}
      {cells.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : cells.isError ? (
        <FormAlert message={problemMessage(problemOf(cells.error), t)} />
      ) : cells.data.cells.length === 0 ? (
        <p className={ws.muted}>{t('studio.studies.preview.noCells')}</p>
      ) : (
        <div className={ws.tableWrap} role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className={ws.table}>
            <caption id={`${id}-caption`} className={ws.visuallyHidden}>
              {t('studio.studies.cells.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('studio.studies.preview.cell')}</th>
                <th scope="col">{t('studio.studies.cells.filling')}</th>
                {(['enrolled', 'waitlisted', 'pending', 'declined', 'expired'] as const).map((k) => (
                  <th key={k} scope="col" className={ws.num}>
                    {t(`studio.studies.cells.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells.data.cells.map((c, i) => (
                <tr key={`${c.dimension}=${c.value}:${i}`}>
                  <th scope="row">{cellLabel(t, c.dimension, c.value)}</th>
                  <td className={styles.fillingCell}>
                    <Bar
                      value={c.enrolled}
                      max={c.target}
                      label={t('studio.studies.cells.barLabel', { enrolled: n(c.enrolled), target: n(c.target) })}
                    />
                    <span>{t('studio.studies.preview.ofTarget', { value: n(c.enrolled), target: n(c.target) })}</span>
                  </td>
                  <td className={ws.num}>{n(c.enrolled)}</td>
                  <td className={ws.num}>{n(c.waitlisted)}</td>
                  <td className={ws.num}>{n(c.pending)}</td>
                  <td className={ws.num}>{n(c.declined)}</td>
                  <td className={ws.num}>{n(c.expired)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
