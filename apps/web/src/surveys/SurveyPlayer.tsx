import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/problem';
import { formatNumber } from '../i18n/format';
import { forgetSubmitKey, submitKey } from './idempotency';
import { answersToSave, checkAnswer, isAnswered, resumeIndex, validateAnswers, validateQuestion, visibleQuestions } from './logic';
import { QuestionField } from './QuestionField';
import styles from './SurveyPlayer.module.css';
import type { Answers, DraftAnswers, DraftValue, Problem, Question, SurveyDefinition } from './types';

export interface SurveyPlayerProps {
  /** the assignment's id: keys the Idempotency-Key kept for a retry */
  assignmentId: string;
  definition: SurveyDefinition;
  /** answers saved earlier (on this or another device): the player resumes after them */
  savedAnswers?: Answers;
  /** partial save (PUT /me/assignments/:id/answers): valid answers, null clears one */
  onSave: (answers: Record<string, Answers[string] | null>) => Promise<unknown>;
  /** submit (POST .../submit with the Idempotency-Key); throws the problem+json body on refusal */
  onSubmit: (answers: Answers, idempotencyKey: string) => Promise<{ pointsCredited: number }>;
  /** shown under the thank-you message (a link back to the list) */
  doneAction?: ReactNode;
  /** false when the player is a part of a larger page (the studio's preview): a new step keeps the page where it is */
  scrollToTop?: boolean;
}

type Step = { kind: 'question'; index: number } | { kind: 'review' } | { kind: 'done'; points: number };

/** What a server field name (`answers.<questionId>`) points at. */
function questionIdOf(field: string): string | null {
  return field.startsWith('answers.') ? field.slice('answers.'.length) : null;
}

/**
 * A survey, one question per screen: progress, Back / Next (Next checks the question), partial
 * saves on Next, resume at the first unanswered question, a review step, submit once.
 */
export function SurveyPlayer({
  assignmentId,
  definition,
  savedAnswers,
  onSave,
  onSubmit,
  doneAction,
  scrollToTop = true,
}: SurveyPlayerProps) {
  const { t, i18n } = useTranslation();
  const [answers, setAnswers] = useState<DraftAnswers>(() => ({ ...(savedAnswers ?? {}) }));
  const [step, setStep] = useState<Step>(() => {
    const i = resumeIndex(definition, savedAnswers ?? {});
    return i < 0 ? { kind: 'review' } : { kind: 'question', index: i };
  });
  const [errors, setErrors] = useState<Record<string, Problem>>({});
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const submittingRef = useRef(false);
  const lastSaved = useRef<Answers>({ ...(savedAnswers ?? {}) });
  const stepRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  const visible = useMemo(() => visibleQuestions(definition, answers), [definition, answers]);
  const total = visible.length;

  // focus follows the step (not on first render), so a screen reader and the keyboard start at the new question
  useEffect(() => {
    if (!moved.current) return;
    // the new screen starts at the top (title and progress in view), focus on its question
    if (scrollToTop) window.scrollTo({ top: 0 });
    stepRef.current?.focus({ preventScroll: scrollToTop });
  }, [step, scrollToTop]);

  const go = (next: Step) => {
    moved.current = true;
    setStep(next);
  };

  // the latest answers for the handlers: a number field commits its value on blur, which is the
  // pointerdown of the Next button, so Next must not read the answers of the render before it
  const answersRef = useRef(answers);
  const setAnswer = (id: string, value: DraftValue | undefined) => {
    const next = { ...answersRef.current };
    if (value === undefined) delete next[id];
    else next[id] = value;
    answersRef.current = next;
    setAnswers(next);
    // a number is committed on blur, i.e. when Next is pressed: removing its message then would move
    // the Next button under the finger and lose the tap, so Next itself clears it
    if (definition.questions.find((q) => q.id === id)?.type === 'number') return;
    setErrors((prev) => {
      if (!prev[id]) return prev;
      const next = { ...prev };
      delete next[id];
      return next;
    });
  };

  /** Saves what changed since the last save; a failed save is retried with the next one. */
  const save = async (current: DraftAnswers) => {
    const valid = answersToSave(definition, current);
    const patch: Record<string, Answers[string] | null> = {};
    for (const [id, v] of Object.entries(valid)) {
      if (JSON.stringify(lastSaved.current[id]) !== JSON.stringify(v)) patch[id] = v;
    }
    for (const id of Object.keys(lastSaved.current)) if (!(id in valid)) patch[id] = null;
    if (Object.keys(patch).length === 0) return;
    try {
      await onSave(patch);
      lastSaved.current = valid;
      setNotice(null);
    } catch (error) {
      // sent from another device meanwhile: say so rather than "will try again"
      setNotice(problemOf(error)?.status === 409 ? t('survey.player.alreadySubmitted') : t('survey.player.saveFailed'));
    }
  };

  const current: Question | undefined = step.kind === 'question' ? visible[Math.min(step.index, total - 1)] : undefined;

  const next = () => {
    if (step.kind !== 'question') return;
    const latest = answersRef.current;
    const shown = visibleQuestions(definition, latest);
    const question = shown[Math.min(step.index, shown.length - 1)];
    if (!question) return;
    const problem = validateQuestion(question, latest[question.id]);
    if (problem) {
      setErrors((prev) => ({ ...prev, [question.id]: problem }));
      return;
    }
    setErrors((prev) => {
      if (!prev[question.id]) return prev;
      const rest = { ...prev };
      delete rest[question.id];
      return rest;
    });
    void save(latest);
    const i = shown.indexOf(question);
    go(i + 1 < shown.length ? { kind: 'question', index: i + 1 } : { kind: 'review' });
  };

  const back = () => {
    if (step.kind === 'review') go({ kind: 'question', index: total - 1 });
    else if (step.kind === 'question' && step.index > 0) go({ kind: 'question', index: step.index - 1 });
  };

  const jumpTo = (questionId: string, problem?: Problem) => {
    const i = visible.findIndex((q) => q.id === questionId);
    if (i < 0) return false;
    if (problem) setErrors((prev) => ({ ...prev, [questionId]: problem }));
    go({ kind: 'question', index: i });
    return true;
  };

  const submit = async () => {
    if (submittingRef.current) return; // a double tap: the first one is on its way
    const check = validateAnswers(definition, answersRef.current, 'submit');
    const firstBad = visible.find((q) => check.errors[q.id]);
    if (firstBad) {
      jumpTo(firstBad.id, check.errors[firstBad.id]);
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    setNotice(null);
    try {
      const result = await onSubmit(check.normalized, submitKey(assignmentId));
      forgetSubmitKey(assignmentId);
      go({ kind: 'done', points: result.pointsCredited });
    } catch (error) {
      const problem = problemOf(error);
      const fieldError = problem?.errors?.find((e) => questionIdOf(e.field) !== null);
      if (problem?.status === 400 && fieldError) {
        const id = questionIdOf(fieldError.field)!;
        const q = definition.questions.find((x) => x.id === id);
        // our own translated message when the browser's rules see the problem too, else the server's words
        const ours = q ? validateQuestion(q, answers[id]) : null;
        if (!jumpTo(id, ours ?? { key: 'survey.errors.server', values: { message: fieldError.message } })) {
          setNotice(t('survey.player.refused', { message: fieldError.message }));
        }
      } else if (problem?.status === 409) {
        forgetSubmitKey(assignmentId);
        setNotice(t('survey.player.alreadySubmitted'));
      } else if (problem) {
        setNotice(t('survey.player.refused', { message: problem.detail ?? problem.title }));
      } else {
        setNotice(t('survey.player.offline'));
      }
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  if (step.kind === 'done') {
    return (
      <div className={styles.done} ref={stepRef} tabIndex={-1} role="status">
        <p className={styles.thanks}>{t('survey.player.thanks')}</p>
        {step.points > 0 ? (
          <p className={styles.points}>
            {t('survey.player.points', { count: step.points, formatted: formatNumber(step.points, i18n.language) })}
          </p>
        ) : null}
        {doneAction}
      </div>
    );
  }

  const position = step.kind === 'question' && current ? visible.indexOf(current) + 1 : total;
  const progressLabel =
    step.kind === 'review' ? t('survey.player.reviewProgress') : t('survey.player.progress', { current: position, total });

  return (
    <div className={styles.player}>
      <ProgressBar
        className={styles.progress}
        value={step.kind === 'review' ? total : position - 1}
        maxValue={Math.max(total, 1)}
        valueLabel={progressLabel}
        aria-label={t('survey.player.progressLabel')}
      >
        {({ percentage }) => (
          <>
            <span className={styles.progressText}>{progressLabel}</span>
            <div className={styles.track}>
              <div className={styles.fill} style={{ width: `${percentage}%` }} />
            </div>
          </>
        )}
      </ProgressBar>

      <div ref={stepRef} tabIndex={-1} className={styles.step} aria-label={progressLabel} role="group">
        {step.kind === 'question' && current ? (
          <QuestionField
            key={current.id}
            question={current}
            value={answers[current.id]}
            onChange={(v) => setAnswer(current.id, v)}
            error={errors[current.id]}
          />
        ) : (
          <Review questions={visible} answers={answers} onEdit={(id) => jumpTo(id)} />
        )}
      </div>

      {notice ? (
        <p className={styles.notice} role="alert">
          {notice}
        </p>
      ) : null}

      <div className={styles.nav}>
        <Button className={styles.secondary} onPress={back} isDisabled={(step.kind === 'question' && position <= 1) || submitting}>
          {t('survey.player.back')}
        </Button>
        {step.kind === 'question' ? (
          <Button className={styles.primary} onPress={next}>
            {position < total ? t('survey.player.next') : t('survey.player.toReview')}
          </Button>
        ) : (
          <Button className={styles.primary} onPress={() => void submit()} isDisabled={submitting}>
            {submitting ? t('survey.player.submitting') : t('survey.player.submit')}
          </Button>
        )}
      </div>
    </div>
  );
}

/** Every shown question with its answer in words, each with a way back to it. */
function Review({ questions, answers, onEdit }: { questions: Question[]; answers: DraftAnswers; onEdit: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const describe = (q: Question): string => {
    const v = answers[q.id];
    if (!isAnswered(q, v)) return t('survey.review.unanswered');
    const check = checkAnswer(q, v);
    const value = check.ok ? check.value : v;
    switch (q.type) {
      case 'single_choice':
        return q.options?.find((o) => o.value === value)?.label ?? String(value);
      case 'multi_choice':
        return (value as string[]).map((x) => q.options?.find((o) => o.value === x)?.label ?? x).join(', ');
      case 'sus':
        return (value as (number | null)[]).map((x) => (x === null ? '–' : String(x))).join(' · ');
      case 'number':
        return formatNumber(value as number, i18n.language);
      default:
        return String(value);
    }
  };
  return (
    <section aria-labelledby="survey-review-title">
      <h2 id="survey-review-title" className={styles.reviewTitle}>
        {t('survey.review.title')}
      </h2>
      <p className={styles.hint}>{t('survey.review.intro')}</p>
      <dl className={styles.review}>
        {questions.map((q) => (
          <div key={q.id} className={styles.reviewItem}>
            <dt>{q.prompt}</dt>
            <dd>
              <span className={styles.reviewAnswer}>{describe(q)}</span>
              <Button className={styles.link} onPress={() => onEdit(q.id)} aria-label={t('survey.review.editLabel', { prompt: q.prompt })}>
                {t('survey.review.edit')}
              </Button>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
