import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { problemCode, problemMessage, problemOf } from '../../../api/problem';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatDate, formatNumber } from '../../../i18n/format';
import { useSession } from '../../../session/session';
import {
  moveOf,
  panelKeys,
  RESEARCHER_MOVES,
  sdkPanelApi,
  type PanelApi,
  type PanellistDetail,
  type PanellistStatus,
  type ScreenerAnswer,
} from './api';
import styles from './Panel.module.css';

/**
 * `/studio/panel/$panellistId`: a panellist's profile, their score by dimension with the
 * screener answers behind it, participation, referral chain and status history; the moves a
 * researcher may make (approve from the waitlist, block with a reason, unblock, pause…).
 */
export function PanellistPage({ panellistId, api = sdkPanelApi }: { panellistId: string; api?: PanelApi }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const detail = useQuery({ queryKey: panelKeys.detail(panellistId), queryFn: () => api.detail(panellistId) });

  const back = (
    <Link to="/studio/panel" className={styles.link}>
      {t('studio.panel.detail.back')}
    </Link>
  );
  if (detail.isPending) return <p role="status">{t('studio.loading')}</p>;
  if (detail.isError) {
    const problem = problemOf(detail.error);
    return (
      <section className={ws.panel} aria-labelledby="panellist-missing">
        <h1 id="panellist-missing" className={ws.title}>
          {t('studio.panel.detail.title')}
        </h1>
        <FormAlert message={problem?.status === 404 ? t('studio.panel.detail.notFound') : problemMessage(problem, t)} />
        <p>{back}</p>
      </section>
    );
  }
  const p = detail.data;
  return (
    <div className={styles.page}>
      <section className={ws.panel} aria-labelledby="panellist-name">
        <p className={styles.back}>{back}</p>
        <div className={ws.head}>
          <div>
            <h1 id="panellist-name" className={ws.title}>
              {p.displayName}{' '}
              <span className={ws.badge} data-status={p.status}>
                {t(`studio.panel.status.${p.status}`)}
              </span>
            </h1>
            <p className={`${ws.muted} ${styles.email}`}>{p.email}</p>
          </div>
          <StatusActions panellist={p} api={api} onDone={setNotice} />
        </div>
        {notice ? <Note>{notice}</Note> : null}
      </section>
      <div className={styles.columns}>
        <Profile p={p} />
        <Participation p={p} />
      </div>
      <Score p={p} />
      <Referrals p={p} />
      <History p={p} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={ws.panel} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Fields({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className={styles.fields}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.fieldRow}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function attributeText(value: unknown, t: (k: string) => string): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return t(value ? 'studio.yes' : 'studio.no');
  return String(value);
}

function Profile({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const none = t('studio.none');
  const a = p.address;
  const attributes = Object.entries(p.attributes ?? {});
  return (
    <Section id="panellist-profile" title={t('studio.panel.detail.profile')}>
      <Fields
        rows={[
          [t('studio.panel.field.country'), p.country],
          [t('studio.panel.field.locale'), t(`studio.panel.locale.${p.locale}`)],
          [t('studio.panel.field.birthYear'), String(p.birthYear)],
          [t('studio.panel.field.gender'), p.gender ?? none],
          [t('studio.panel.field.interests'), p.interests.length ? p.interests.join(', ') : none],
          [
            t('studio.panel.field.address'),
            a ? (
              <address className={styles.address}>
                {[a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country, a.phone].filter(Boolean).join('\n')}
              </address>
            ) : (
              t('studio.panel.field.noAddress')
            ),
          ],
          [t('studio.panel.field.joined'), formatDate(p.createdAt, i18n.language, { dateStyle: 'medium' })],
          [t('studio.panel.field.confirmed'), p.confirmedAt ? formatDate(p.confirmedAt, i18n.language, { dateStyle: 'medium' }) : none],
          [t('studio.panel.field.lastActive'), formatDate(p.lastActiveAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' })],
        ]}
      />
      <h3 className={styles.subTitle}>{t('studio.panel.detail.attributes')}</h3>
      {attributes.length === 0 ? (
        <p className={ws.muted}>{t('studio.panel.detail.noAttributes')}</p>
      ) : (
        <Fields rows={attributes.map(([k, v]) => [k, attributeText(v, t)])} />
      )}
    </Section>
  );
}

function Participation({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Section id="panellist-participation" title={t('studio.panel.detail.participation')}>
      <Fields
        rows={[
          [t('studio.panel.field.points'), n(p.participation.pointsBalance)],
          [t('studio.panel.field.referralsMade'), n(p.participation.referralsMade)],
          [t('studio.panel.field.referralsJoined'), n(p.participation.referralsJoined)],
        ]}
      />
    </Section>
  );
}

function answerText(a: ScreenerAnswer, t: (k: string, o?: Record<string, unknown>) => string, lang: string): string {
  if (a.answer === null) return t('studio.panel.score.unanswered');
  if (a.labels.length) return a.labels.join(', ');
  if (typeof a.answer === 'number') {
    return a.scale ? t('studio.panel.score.onScale', { value: a.answer, scale: a.scale }) : formatNumber(a.answer, lang);
  }
  return Array.isArray(a.answer) ? a.answer.join(', ') : String(a.answer);
}

function Answers({ answers, caption }: { answers: ScreenerAnswer[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <table className={`${ws.table} ${styles.answers}`}>
      <caption className={ws.visuallyHidden}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('studio.panel.score.question')}</th>
          <th scope="col">{t('studio.panel.score.answer')}</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((a) => (
          <tr key={a.questionId}>
            <th scope="row" className={styles.prompt}>
              {a.prompt}
              {a.reverse ? <span className={styles.reverse}> {t('studio.panel.score.reverse')}</span> : null}
            </th>
            <td>{answerText(a, t, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const DIMENSION_ORDER = ['ahead_of_trend', 'expected_benefit', 'own_solutions', 'expertise', 'opinion_leadership'];

function Score({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = p.scoreBreakdown;
  const answers = p.screener?.answers ?? [];
  // the screener's usual order, whatever the order of the object's keys
  const rank = (d: string) => (DIMENSION_ORDER.includes(d) ? DIMENSION_ORDER.indexOf(d) : DIMENSION_ORDER.length);
  const dimensions = Object.entries(s.dimensions).sort(([a], [b]) => rank(a) - rank(b));
  const others = answers.filter((a) => !a.dimension);
  return (
    <Section id="panellist-score" title={t('studio.panel.detail.score')}>
      <p className={styles.overall}>
        {s.overall === null ? (
          t('studio.panel.score.none')
        ) : (
          <>
            {t('studio.panel.score.overall', { score: formatNumber(s.overall, lang) })}
            {s.tier ? <span className={ws.badge}>{t(`studio.panel.tier.${s.tier}`)}</span> : null}
          </>
        )}
      </p>
      {p.screener ? (
        <p className={ws.muted}>
          {t('studio.panel.score.from', {
            title: p.screener.title,
            date: formatDate(p.screener.answeredAt, lang, { dateStyle: 'medium' }),
          })}
        </p>
      ) : null}
      {dimensions.map(([dimension, value]) => {
        const name = t(`studio.panel.dimension.${dimension}`, { defaultValue: dimension });
        const behind = answers.filter((a) => a.dimension === dimension);
        return (
          <div key={dimension} className={styles.dimension}>
            <h3 className={styles.subTitle} id={`dim-${dimension}`}>
              {name} <span className={styles.dimensionScore}>{formatNumber(value, lang)}</span>
            </h3>
            <meter className={styles.meter} min={0} max={100} value={value} aria-labelledby={`dim-${dimension}`}>
              {formatNumber(value, lang)}
            </meter>
            {behind.length ? <Answers answers={behind} caption={t('studio.panel.score.behind', { dimension: name })} /> : null}
          </div>
        );
      })}
      {others.length ? (
        <>
          <h3 className={styles.subTitle}>{t('studio.panel.score.others')}</h3>
          <Answers answers={others} caption={t('studio.panel.score.others')} />
        </>
      ) : null}
      {!p.screener ? <p className={ws.muted}>{t('studio.panel.score.noScreener')}</p> : null}
    </Section>
  );
}

function Referrals({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const { referredBy, referrals } = p.referralChain;
  return (
    <Section id="panellist-referrals" title={t('studio.panel.detail.referrals')}>
      <p>
        {referredBy ? (
          <>
            {t('studio.panel.referrals.by')}{' '}
            <Link to="/studio/panel/$panellistId" params={{ panellistId: referredBy.panellistId }} className={styles.link}>
              {referredBy.displayName}
            </Link>
          </>
        ) : (
          t('studio.panel.referrals.byNobody')
        )}
      </p>
      {referrals.length === 0 ? (
        <p className={ws.muted}>{t('studio.panel.referrals.none')}</p>
      ) : (
        <ul className={styles.list}>
          {referrals.map((r) => (
            <li key={r.id}>
              {r.joinedPanellistId ? (
                <Link to="/studio/panel/$panellistId" params={{ panellistId: r.joinedPanellistId }} className={styles.link}>
                  {r.nomineeName}
                </Link>
              ) : (
                r.nomineeName
              )}{' '}
              <span className={ws.muted}>
                {r.joinedAt
                  ? t('studio.panel.referrals.joined', { date: formatDate(r.joinedAt, i18n.language, { dateStyle: 'medium' }) })
                  : t('studio.panel.referrals.notYet', { date: formatDate(r.createdAt, i18n.language, { dateStyle: 'medium' }) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function History({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const who = (actor: string | null) =>
    actor === null
      ? t('studio.panel.history.system')
      : actor === p.id
        ? t('studio.panel.history.panellist')
        : actor === user?.id
          ? t('studio.panel.history.you')
          : t('studio.panel.history.staff');
  return (
    <Section id="panellist-history" title={t('studio.panel.detail.history')}>
      <div className={ws.tableWrap} role="region" aria-labelledby="panellist-history" tabIndex={0}>
        <table className={ws.table}>
          <caption className={ws.visuallyHidden}>{t('studio.panel.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('studio.panel.history.when')}</th>
              <th scope="col">{t('studio.panel.history.from')}</th>
              <th scope="col">{t('studio.panel.history.to')}</th>
              <th scope="col">{t('studio.panel.history.reason')}</th>
              <th scope="col">{t('studio.panel.history.who')}</th>
            </tr>
          </thead>
          <tbody>
            {p.statusHistory.map((h, i) => (
              <tr key={`${h.at}-${i}`}>
                <td className={styles.date}>{formatDate(h.at, i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>{h.from ? t(`studio.panel.status.${h.from}`) : t('studio.none')}</td>
                <td>{t(`studio.panel.status.${h.to}`)}</td>
                <td>{h.reason}</td>
                <td>{who(h.actorUserId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function StatusActions({ panellist, api, onDone }: { panellist: PanellistDetail; api: PanelApi; onDone: (notice: string) => void }) {
  const targets = RESEARCHER_MOVES[panellist.status];
  if (targets.length === 0) return null;
  return (
    <div className={ws.rowActions}>
      {targets.map((to) => (
        <StatusDialog key={to} panellist={panellist} to={to} api={api} onDone={onDone} />
      ))}
    </div>
  );
}

/**
 * One move of the panellist's status: a dialog saying what it does, asking for the reason
 * (the API records it in the history), and showing the API's refusal (409, 400) in place.
 */
function StatusDialog({
  panellist,
  to,
  api,
  onDone,
}: {
  panellist: PanellistDetail;
  to: PanellistStatus;
  api: PanelApi;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const move = moveOf(panellist.status, to);
  const key = `studio.panel.action.${move}`;
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (why: string) => api.changeStatus(panellist.id, to, why),
    onSuccess: (updated) => {
      queryClient.setQueryData(panelKeys.detail(panellist.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...panelKeys.all, 'list'] });
    },
  });
  const reset = () => {
    setReason(move === 'block' ? '' : t(`${key}.defaultReason`));
    setFieldError(null);
    setFormError(null);
  };

  return (
    <DialogTrigger onOpenChange={(open) => open && reset()}>
      <Button
        className={move === 'block' || move === 'pause' || move === 'waitlist' ? `${formStyles.button} ${ws.secondary}` : formStyles.button}
      >
        {t(`${key}.button`)}
      </Button>
      <ModalOverlay className={ws.overlay} isDismissable={!change.isPending}>
        <Modal className={ws.modal}>
          <Dialog className={ws.dialog}>
            {({ close }) => {
              const submit = (e: FormEvent) => {
                e.preventDefault();
                const why = reason.trim();
                if (!why) {
                  setFieldError(t('studio.panel.action.reasonRequired'));
                  return;
                }
                setFieldError(null);
                setFormError(null);
                change.mutate(why, {
                  onSuccess: () => {
                    close();
                    onDone(t(`${key}.done`, { name: panellist.displayName }));
                  },
                  onError: (error) => {
                    const problem = problemOf(error);
                    const onReason = problem?.errors?.find((x) => x.field === 'reason');
                    if (onReason) setFieldError(t('studio.panel.action.reasonInvalid'));
                    else if (problem?.status === 409 || problemCode(problem) === 'illegal-status-change')
                      setFormError(t('studio.panel.action.conflict'));
                    else setFormError(problemMessage(problem, t));
                  },
                });
              };
              return (
                <form onSubmit={submit} noValidate>
                  <Heading slot="title" className={ws.dialogTitle}>
                    {t(`${key}.title`, { name: panellist.displayName })}
                  </Heading>
                  <p>{t(`${key}.body`)}</p>
                  <FormAlert message={formError ?? undefined} />
                  <div className={formStyles.field}>
                    <label className={formStyles.label} htmlFor={`${id}-reason`}>
                      {t('studio.panel.action.reason')}
                    </label>
                    <textarea
                      id={`${id}-reason`}
                      className={ws.textarea}
                      value={reason}
                      maxLength={500}
                      required
                      aria-invalid={fieldError ? true : undefined}
                      aria-describedby={fieldError ? `${id}-reason-error` : undefined}
                      onChange={(e) => {
                        setReason(e.target.value);
                        if (fieldError) setFieldError(null);
                      }}
                    />
                    {fieldError ? (
                      <span id={`${id}-reason-error`} className={formStyles.error}>
                        {fieldError}
                      </span>
                    ) : null}
                  </div>
                  <div className={ws.actions}>
                    <Button
                      type="submit"
                      className={move === 'block' ? `${formStyles.button} ${ws.danger}` : formStyles.button}
                      isDisabled={change.isPending}
                    >
                      {change.isPending ? t('studio.saving') : t(`${key}.confirm`)}
                    </Button>
                    <Button className={`${formStyles.button} ${ws.secondary}`} onPress={close} isDisabled={change.isPending}>
                      {t('studio.cancel')}
                    </Button>
                  </div>
                </form>
              );
            }}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
