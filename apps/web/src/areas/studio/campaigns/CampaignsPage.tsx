import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import type { CampaignSummaryDto, SurveySummaryDto } from '../../../api/generated';
import { DataTable, type Column } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatDate, formatNumber } from '../../../i18n/format';
import { DIMENSIONS } from '../surveys/api';
import { NewSurveyForm, Select, TextArea, TextInput } from '../surveys/controls';
import surveyStyles from '../surveys/Surveys.module.css';
import { campaignKeys, sdkCampaignsApi, type CampaignsApi } from './api';
import styles from './Campaigns.module.css';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `/studio/campaigns`: recruitment campaigns (public link, applicants), creating one, and the screeners behind them. */
export function CampaignsPage({ api = sdkCampaignsApi }: { api?: CampaignsApi }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [notice, setNotice] = useState<string | null>(null);
  const campaigns = useInfiniteQuery({
    queryKey: campaignKeys.campaigns,
    queryFn: ({ pageParam }) => api.listCampaigns(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = campaigns.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<CampaignSummaryDto>[] = [
    { key: 'title', header: t('studio.campaigns.list.title'), rowHeader: true, cell: (c) => c.title },
    { key: 'slug', header: t('studio.campaigns.list.slug'), cell: (c) => <span className={ws.mono}>{c.slug}</span> },
    {
      key: 'link',
      header: t('studio.campaigns.list.link'),
      cell: (c) => (
        <a href={`/join/${c.slug}`} target="_blank" rel="noreferrer" aria-label={t('studio.campaigns.list.linkLabel', { title: c.title })}>
          /join/{c.slug}
        </a>
      ),
    },
    { key: 'accept', header: t('studio.campaigns.list.acceptScore'), numeric: true, cell: (c) => formatNumber(c.acceptScore, lang) },
    { key: 'applicants', header: t('studio.campaigns.list.applicants'), numeric: true, cell: (c) => formatNumber(c.applicants, lang) },
    { key: 'created', header: t('studio.campaigns.list.created'), cell: (c) => formatDate(c.createdAt, lang, { dateStyle: 'medium' }) },
  ];

  return (
    <>
      <section className={ws.panel} aria-labelledby="campaigns-title">
        <h1 id="campaigns-title" className={ws.title}>
          {t('studio.campaigns.title')}
        </h1>
        <p className={ws.muted}>{t('studio.campaigns.intro')}</p>
        {notice ? <Note>{notice}</Note> : null}
        {campaigns.isPending ? (
          <p role="status">{t('studio.loading')}</p>
        ) : campaigns.isError ? (
          <FormAlert message={problemMessage(problemOf(campaigns.error), t)} />
        ) : (
          <DataTable
            caption={t('studio.campaigns.list.caption')}
            columns={columns}
            rows={rows}
            rowKey={(c) => c.id}
            empty={t('studio.campaigns.list.empty')}
            hasMore={campaigns.hasNextPage}
            loadingMore={campaigns.isFetchingNextPage}
            onMore={() => void campaigns.fetchNextPage()}
            moreLabel={campaigns.isFetchingNextPage ? t('studio.loading') : t('studio.more')}
          />
        )}
      </section>
      <CreateCampaignForm api={api} onCreated={(title, slug) => setNotice(t('studio.campaigns.create.done', { title, slug }))} />
      <Screeners api={api} />
    </>
  );
}

interface CampaignValues {
  slug: string;
  title: string;
  description: string;
  screenerSurveyId: string;
  acceptScore: string;
  weights: Record<string, string>;
}

type CampaignErrors = Partial<Record<'slug' | 'title' | 'description' | 'screenerSurveyId' | 'acceptScore' | 'weights' | 'alert', string>>;

export function CreateCampaignForm({ api, onCreated }: { api: CampaignsApi; onCreated: (title: string, slug: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const empty: CampaignValues = { slug: '', title: '', description: '', screenerSurveyId: '', acceptScore: '60', weights: {} };
  const [v, setV] = useState<CampaignValues>(empty);
  const [errors, setErrors] = useState<CampaignErrors>({});
  const screeners = useQuery({
    queryKey: campaignKeys.screeners('published'),
    queryFn: () => api.listScreeners({ status: 'published' }),
  });
  const create = useMutation({ mutationFn: (body: Parameters<CampaignsApi['createCampaign']>[0]) => api.createCampaign(body) });
  const set = (patch: Partial<CampaignValues>) => setV((prev) => ({ ...prev, ...patch }));

  const submit = async () => {
    const next: CampaignErrors = {};
    if (!SLUG.test(v.slug) || v.slug.length < 2 || v.slug.length > 60) next.slug = t('studio.campaigns.create.slugHint');
    if (!v.title.trim()) next.title = t('form.required');
    if (!v.screenerSurveyId) next.screenerSurveyId = t('studio.campaigns.create.screenerRequired');
    const score = Number(v.acceptScore);
    if (v.acceptScore.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
      next.acceptScore = t('studio.campaigns.create.acceptScoreHint');
    }
    const weights: Record<string, number> = {};
    for (const [k, w] of Object.entries(v.weights)) {
      if (w.trim() === '') continue;
      const n = Number(w);
      if (!Number.isFinite(n) || n < 0 || n > 10) next.weights = t('studio.campaigns.create.weightsHint');
      else weights[k] = n;
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    try {
      const campaign = await create.mutateAsync({
        slug: v.slug,
        title: v.title.trim(),
        description: v.description.trim(),
        screenerSurveyId: v.screenerSurveyId,
        acceptScore: score,
        ...(Object.keys(weights).length > 0 ? { weights } : {}),
      });
      setV(empty);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.campaigns });
      onCreated(campaign.title, campaign.slug);
    } catch (error) {
      const problem = problemOf(error);
      if (problem?.status === 409 && !problem.errors?.length) {
        setErrors({ slug: t('studio.campaigns.create.slugTaken') });
        return;
      }
      const out: CampaignErrors = {};
      const known = ['slug', 'title', 'description', 'screenerSurveyId', 'acceptScore', 'weights'] as const;
      for (const e of problem?.errors ?? []) {
        const field = known.find((k) => e.field === k || e.field.startsWith(`${k}.`));
        if (field) out[field] = t('studio.campaigns.create.refused', { message: e.message });
      }
      if (Object.keys(out).length === 0) {
        // a screener that is no longer a published screener (422) belongs to its field
        if (problem?.status === 422) out.screenerSurveyId = t('studio.campaigns.create.screenerRefused', { message: problem.detail });
        else out.alert = problemMessage(problem, t);
      }
      setErrors(out);
    }
  };

  const published = screeners.data?.items ?? [];
  return (
    <section className={ws.panel} aria-labelledby="campaign-create-title">
      <h2 id="campaign-create-title" className={ws.title}>
        {t('studio.campaigns.create.heading')}
      </h2>
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FormAlert message={errors.alert} />
        <div className={styles.grid}>
          <TextInput label={t('studio.campaigns.create.title')} value={v.title} onChange={(title) => set({ title })} error={errors.title} />
          <TextInput
            label={t('studio.campaigns.create.slug')}
            value={v.slug}
            onChange={(slug) => set({ slug })}
            error={errors.slug}
            hint={t('studio.campaigns.create.slugHint')}
            mono
          />
        </div>
        <TextArea
          label={t('studio.campaigns.create.description')}
          value={v.description}
          onChange={(description) => set({ description })}
          error={errors.description}
          rows={3}
        />
        <div className={styles.grid}>
          <Select
            label={t('studio.campaigns.create.screener')}
            value={v.screenerSurveyId}
            onChange={(screenerSurveyId) => set({ screenerSurveyId })}
            error={errors.screenerSurveyId}
          >
            <option value="">{screeners.isPending ? t('studio.loading') : t('studio.campaigns.create.chooseScreener')}</option>
            {published.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </Select>
          <TextInput
            type="number"
            label={t('studio.campaigns.create.acceptScore')}
            value={v.acceptScore}
            onChange={(acceptScore) => set({ acceptScore })}
            error={errors.acceptScore}
            hint={t('studio.campaigns.create.acceptScoreHint')}
          />
        </div>
        {screeners.isSuccess && published.length === 0 ? (
          <p className={surveyStyles.hint}>{t('studio.campaigns.create.noScreener')}</p>
        ) : null}
        <fieldset className={styles.weights} aria-describedby={errors.weights ? 'campaign-weights-error' : 'campaign-weights-hint'}>
          <legend className={formStyles.label}>{t('studio.campaigns.create.weights')}</legend>
          <p id="campaign-weights-hint" className={surveyStyles.hint}>
            {t('studio.campaigns.create.weightsHint')}
          </p>
          <div className={styles.grid5}>
            {DIMENSIONS.map((d) => (
              <TextInput
                key={d}
                type="number"
                label={t(`studio.surveys.dimension.${d}`)}
                value={v.weights[d] ?? ''}
                onChange={(w) => set({ weights: { ...v.weights, [d]: w } })}
              />
            ))}
          </div>
          {errors.weights ? (
            <p id="campaign-weights-error" className={formStyles.error}>
              {errors.weights}
            </p>
          ) : null}
        </fieldset>
        <div className={ws.actions}>
          <Button type="submit" isDisabled={create.isPending}>
            {create.isPending ? t('studio.saving') : t('studio.campaigns.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Screener surveys (drafts to finish, published ones to use) and a way to start a new one in the builder. */
function Screeners({ api }: { api: CampaignsApi }) {
  const { t, i18n } = useTranslation();
  const screeners = useInfiniteQuery({
    queryKey: campaignKeys.screeners(),
    queryFn: ({ pageParam }) => api.listScreeners({ cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = screeners.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<SurveySummaryDto>[] = [
    {
      key: 'title',
      header: t('studio.campaigns.screeners.title'),
      rowHeader: true,
      cell: (s) => (
        <Link to="/studio/surveys/$surveyId" params={{ surveyId: s.id }}>
          {s.title}
        </Link>
      ),
    },
    {
      key: 'status',
      header: t('studio.campaigns.screeners.status'),
      cell: (s) => <span className={ws.badge}>{t(`studio.surveys.status.${s.status}`)}</span>,
    },
    {
      key: 'questions',
      header: t('studio.campaigns.screeners.questions'),
      numeric: true,
      cell: (s) => formatNumber(s.questionCount, i18n.language),
    },
    {
      key: 'updated',
      header: t('studio.campaigns.screeners.updated'),
      cell: (s) => formatDate(s.updatedAt, i18n.language, { dateStyle: 'medium' }),
    },
  ];
  return (
    <section className={ws.panel} aria-labelledby="screeners-title">
      <h2 id="screeners-title" className={ws.title}>
        {t('studio.campaigns.screeners.heading')}
      </h2>
      <p className={ws.muted}>{t('studio.campaigns.screeners.intro')}</p>
      <NewSurveyForm
        label={t('studio.campaigns.screeners.createLabel')}
        titleLabel={t('studio.campaigns.screeners.newTitle')}
        submitLabel={t('studio.campaigns.screeners.create')}
        invalidates={campaignKeys.screeners()}
        create={(title) =>
          api.createSurvey({
            kind: 'screener',
            title,
            questions: [
              { id: 'trend1', type: 'likert', scale: 7, dimension: 'ahead_of_trend', prompt: t('studio.campaigns.screeners.firstPrompt') },
            ],
          })
        }
      />
      {screeners.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : screeners.isError ? (
        <FormAlert message={problemMessage(problemOf(screeners.error), t)} />
      ) : (
        <DataTable
          caption={t('studio.campaigns.screeners.caption')}
          columns={columns}
          rows={rows}
          rowKey={(s) => s.id}
          empty={t('studio.campaigns.screeners.empty')}
          hasMore={screeners.hasNextPage}
          loadingMore={screeners.isFetchingNextPage}
          onMore={() => void screeners.fetchNextPage()}
          moreLabel={t('studio.more')}
        />
      )}
    </section>
  );
}
