import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage, problemOf } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { FormDialog } from '../../../components/ConfirmDialog';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import { Field } from '../../../components/Field';
import { fromLocalInput, roundsKeys, sdkRoundsApi, toLocalInput, type Round, type RoundsApi } from './api';
import { CodeBook } from './CodeBook';
import { TextArea } from '../../../components/TextArea';
import styles from './Rounds.module.css';

const DAY = 86_400_000;

/** `/studio/studies/$studyId/rounds`: the study's discussion rounds in the order they open, "create a round", the code book. */
export function RoundsPage({ studyId, api = sdkRoundsApi }: { studyId: string; api?: RoundsApi }) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const rounds = useInfiniteQuery({
    queryKey: roundsKeys.rounds(studyId),
    queryFn: ({ pageParam }) => api.listRounds(studyId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = rounds.data?.pages.flatMap((p) => p.items) ?? [];
  const when = (iso: string) => formatDate(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className={styles.layout}>
      <section className={ws.panel} aria-labelledby="studio-rounds-title">
        <div className={ws.head}>
          <h1 id="studio-rounds-title" className={ws.title}>
            {t('studio.rounds.title')}
          </h1>
          <CreateRoundDialog studyId={studyId} api={api} onCreated={(r) => setNotice(t('studio.rounds.created', { title: r.title }))} />
        </div>
        <p className={ws.muted}>{t('studio.rounds.intro')}</p>
        {notice ? <Note>{notice}</Note> : null}
        {rounds.isPending ? (
          <p role="status">{t('studio.loading')}</p>
        ) : rounds.isError ? (
          <FormAlert message={problemMessage(problemOf(rounds.error), t)} />
        ) : (
          <DataTable<Round>
            caption={t('studio.rounds.caption')}
            rows={rows}
            rowKey={(r) => r.id}
            empty={t('studio.rounds.empty')}
            hasMore={rounds.hasNextPage}
            loadingMore={rounds.isFetchingNextPage}
            onMore={() => void rounds.fetchNextPage()}
            moreLabel={t('studio.more')}
            columns={[
              {
                key: 'title',
                header: t('studio.rounds.col.title'),
                rowHeader: true,
                cell: (r) => (
                  <Link to="/studio/studies/$studyId/rounds/$roundId" params={{ studyId, roundId: r.id }}>
                    {r.title}
                  </Link>
                ),
              },
              { key: 'mode', header: t('studio.rounds.col.mode'), cell: (r) => t(`studio.rounds.mode.${r.mode}`) },
              { key: 'opens', header: t('studio.rounds.col.opensAt'), cell: (r) => when(r.opensAt) },
              { key: 'closes', header: t('studio.rounds.col.closesAt'), cell: (r) => when(r.closesAt) },
              {
                key: 'state',
                header: t('studio.rounds.col.state'),
                cell: (r) => <span className={ws.badge}>{t(`studio.rounds.state.${r.state}`)}</span>,
              },
            ]}
          />
        )}
      </section>
      <div>
        <CodeBook studyId={studyId} api={api} />
      </div>
    </div>
  );
}

interface RoundForm {
  title: string;
  prompt: string;
  mode: 'open' | 'post_first';
  opensAt: string;
  closesAt: string;
}

const ROUND_FIELDS = ['title', 'prompt', 'mode', 'opensAt', 'closesAt'] as const;

/** The key of a known date rule of POST /studies/:id/rounds (libs/discussions, discussion-rules.ts), else null. */
function roundRuleMessage(field: string, message: string): string | null {
  if (field !== 'closesAt') return null;
  if (message.includes('after opensAt')) return 'studio.rounds.form.closesBeforeOpens';
  if (message.includes('in the future')) return 'studio.rounds.form.closesInPast';
  return null;
}

/** "Create a round": a button and its dialog. */
export function CreateRoundDialog({ studyId, api, onCreated }: { studyId: string; api: RoundsApi; onCreated: (round: Round) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={<Button>{t('studio.rounds.create')}</Button>} title={t('studio.rounds.createTitle')}>
      {(close) => (
        <RoundFormBody
          studyId={studyId}
          api={api}
          onCancel={close}
          onCreated={(r) => {
            close();
            onCreated(r);
          }}
        />
      )}
    </FormDialog>
  );
}

function RoundFormBody({
  studyId,
  api,
  onCancel,
  onCreated,
}: {
  studyId: string;
  api: RoundsApi;
  onCancel: () => void;
  onCreated: (round: Round) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [now] = useState(() => new Date());
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RoundForm>({
    defaultValues: {
      title: '',
      prompt: '',
      mode: 'post_first',
      opensAt: toLocalInput(now),
      closesAt: toLocalInput(new Date(now.getTime() + 7 * DAY)),
    },
  });
  const create = useMutation({
    mutationFn: (values: RoundForm) =>
      api.createRound(studyId, {
        title: values.title.trim(),
        prompt: values.prompt.trim(),
        mode: values.mode,
        opensAt: fromLocalInput(values.opensAt)!,
        closesAt: fromLocalInput(values.closesAt)!,
      }),
  });

  const onSubmit = handleSubmit(async (values) => {
    try {
      const round = await create.mutateAsync(values);
      void queryClient.invalidateQueries({ queryKey: roundsKeys.rounds(studyId) });
      onCreated(round);
    } catch (error) {
      const problem = problemOf(error);
      // the round's date rules, said in the user's language on the field; anything else as the API put it
      const rest = (problem?.errors ?? []).filter((e) => {
        const known = roundRuleMessage(e.field, e.message);
        if (known) setError(e.field as keyof RoundForm, { type: 'server', message: t(known) }, { shouldFocus: true });
        return !known;
      });
      if (!problem?.errors?.length || rest.length)
        applyProblemToForm(problem && { ...problem, errors: rest }, setError, t, { fields: ROUND_FIELDS });
    }
  });

  const dateRule = { validate: (v: string) => fromLocalInput(v) !== null || t('studio.rounds.form.badDate') };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormAlert message={errors.root?.server?.message} />
      <Field
        label={t('studio.rounds.form.title')}
        error={errors.title?.message}
        {...register('title', {
          validate: (v) => v.trim() !== '' || t('form.required'),
          maxLength: { value: 200, message: t('problem.field.tooLong', { count: 200 }) },
        })}
      />
      <TextArea
        label={t('studio.rounds.form.prompt')}
        error={errors.prompt?.message}
        rows={4}
        {...register('prompt', { validate: (v) => v.trim() !== '' || t('form.required') })}
      />
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor="studio-round-mode">
          {t('studio.rounds.form.mode')}
        </label>
        <select id="studio-round-mode" className={ws.select} aria-describedby="studio-round-mode-help" {...register('mode')}>
          <option value="post_first">{t('studio.rounds.mode.post_first')}</option>
          <option value="open">{t('studio.rounds.mode.open')}</option>
        </select>
        <p id="studio-round-mode-help" className={ws.muted}>
          {t('studio.rounds.form.modeHelp')}
        </p>
      </div>
      <div className={styles.twoCols}>
        <Field
          type="datetime-local"
          label={t('studio.rounds.form.opensAt')}
          error={errors.opensAt?.message}
          {...register('opensAt', dateRule)}
        />
        <Field
          type="datetime-local"
          label={t('studio.rounds.form.closesAt')}
          error={errors.closesAt?.message}
          {...register('closesAt', dateRule)}
        />
      </div>
      <div className={ws.actions}>
        <Button type="submit" isDisabled={isSubmitting}>
          {isSubmitting ? t('studio.saving') : t('studio.rounds.form.submit')}
        </Button>
        <Button className={`${formStyles.button} ${ws.secondary}`} onPress={onCancel}>
          {t('studio.cancel')}
        </Button>
      </div>
    </form>
  );
}
