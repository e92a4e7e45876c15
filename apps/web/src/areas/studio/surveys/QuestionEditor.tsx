import { useTranslation } from 'react-i18next';
import { Button, formStyles } from '../../../components/Form';
import ws from '../../../components/Workspace.module.css';
import { DIMENSIONS, QUESTION_TYPES, type QuestionType, type SurveyKind } from './api';
import { CheckboxInput, Select, TextArea, TextInput } from './controls';
import { move, SHOW_IF_PARENT_TYPES, showIfChoices, withType, type DraftQuestion } from './draft';
import type { FieldErrors } from './SurveyBuilder';
import styles from './Surveys.module.css';

const numberOrUndefined = (s: string): number | undefined => (s.trim() === '' || Number.isNaN(Number(s)) ? undefined : Number(s));

/** One question of the builder: every property its type has, showIf on an earlier question, move and remove. */
export function QuestionEditor({
  index,
  question: q,
  questions,
  kind,
  errors,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  question: DraftQuestion;
  questions: DraftQuestion[];
  kind: SurveyKind;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (q: DraftQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const at = `questions[${index}]`;
  const err = (key: string) => errors[`${at}.${key}`];
  const n = index + 1;
  const set = (patch: Partial<DraftQuestion>) => {
    const next = { ...q, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k as keyof DraftQuestion];
    onChange(next);
  };
  const isChoice = q.type === 'single_choice' || q.type === 'multi_choice';
  const parents = questions.slice(0, index).filter((p) => SHOW_IF_PARENT_TYPES.includes(p.type) && p.id);
  const parent = q.showIf?.questionId ? questions.slice(0, index).find((p) => p.id === q.showIf?.questionId) : undefined;
  const choices = parent ? showIfChoices(parent) : null;
  const options = q.options ?? [];
  const canMeasure = kind === 'screener' && q.type === 'likert' && q.scale === 7;

  return (
    <fieldset className={styles.question} aria-labelledby={`question-${index}-legend`}>
      <legend id={`question-${index}-legend`} className={styles.legend}>
        <span id={`question-${index}`} tabIndex={-1}>
          {t('studio.surveys.question.legend', { n, type: t(`studio.surveys.type.${q.type}`) })}
        </span>
      </legend>
      <div className={styles.row}>
        <TextInput label={t('studio.surveys.question.id')} value={q.id} onChange={(id) => set({ id })} error={err('id')} mono />
        <Select
          label={t('studio.surveys.question.type')}
          value={q.type}
          onChange={(type) => onChange(withType(q, type as QuestionType))}
          error={err('type')}
        >
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`studio.surveys.type.${type}`)}
            </option>
          ))}
        </Select>
        <CheckboxInput
          label={t('studio.surveys.question.required')}
          checked={q.required ?? false}
          onChange={(required) => set({ required: required ? true : undefined })}
          error={err('required')}
        />
      </div>
      <TextArea label={t('studio.surveys.question.prompt')} value={q.prompt} onChange={(prompt) => set({ prompt })} error={err('prompt')} />

      {isChoice ? (
        <div className={styles.options} role="group" aria-label={t('studio.surveys.question.optionsOf', { n })}>
          <p className={formStyles.label}>{t('studio.surveys.question.options')}</p>
          {err('options') ? <p className={formStyles.error}>{err('options')}</p> : null}
          {options.map((o, j) => (
            <div key={j} className={styles.optionRow}>
              <TextInput
                label={t('studio.surveys.question.optionValue', { n: j + 1 })}
                value={o.value ?? ''}
                onChange={(value) => set({ options: options.map((x, k) => (k === j ? { ...x, value } : x)) })}
                error={err(`options[${j}].value`)}
                mono
              />
              <TextInput
                label={t('studio.surveys.question.optionLabel', { n: j + 1 })}
                value={o.label ?? ''}
                onChange={(label) => set({ options: options.map((x, k) => (k === j ? { ...x, label } : x)) })}
                error={err(`options[${j}].label`)}
              />
              {readOnly ? null : (
                <div className={styles.optionButtons}>
                  <Button
                    className={`${formStyles.button} ${ws.secondary} ${styles.small}`}
                    onPress={() => set({ options: move(options, j, -1) })}
                    isDisabled={j === 0}
                    aria-label={t('studio.surveys.question.optionUp', { n: j + 1 })}
                  >
                    ↑
                  </Button>
                  <Button
                    className={`${formStyles.button} ${ws.secondary} ${styles.small}`}
                    onPress={() => set({ options: move(options, j, 1) })}
                    isDisabled={j === options.length - 1}
                    aria-label={t('studio.surveys.question.optionDown', { n: j + 1 })}
                  >
                    ↓
                  </Button>
                  <Button
                    className={`${formStyles.button} ${ws.secondary} ${styles.small}`}
                    onPress={() => set({ options: options.filter((_, k) => k !== j) })}
                    aria-label={t('studio.surveys.question.optionRemove', { n: j + 1 })}
                  >
                    ✕
                  </Button>
                </div>
              )}
            </div>
          ))}
          {readOnly ? null : (
            <Button
              className={`${formStyles.button} ${ws.secondary}`}
              onPress={() => set({ options: [...options, { value: '', label: '' }] })}
              aria-label={t('studio.surveys.question.addOptionTo', { n })}
            >
              {t('studio.surveys.question.addOption')}
            </Button>
          )}
        </div>
      ) : null}

      {q.type === 'likert' ? (
        <div className={styles.row}>
          <Select
            label={t('studio.surveys.question.scale')}
            value={String(q.scale ?? 5)}
            onChange={(v) => {
              const scale = Number(v) as 5 | 7;
              // only 7-point items measure a lead-user dimension
              set(scale === 7 ? { scale } : { scale, dimension: undefined, reverse: undefined });
            }}
            error={err('scale')}
          >
            <option value="5">{t('studio.surveys.question.points', { count: 5 })}</option>
            <option value="7">{t('studio.surveys.question.points', { count: 7 })}</option>
          </Select>
          {canMeasure || q.dimension ? (
            <>
              <Select
                label={t('studio.surveys.question.dimension')}
                value={q.dimension ?? ''}
                onChange={(v) => set(v ? { dimension: v as (typeof DIMENSIONS)[number] } : { dimension: undefined, reverse: undefined })}
                error={err('dimension')}
              >
                <option value="">{t('studio.surveys.question.noDimension')}</option>
                {DIMENSIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`studio.surveys.dimension.${d}`)}
                  </option>
                ))}
              </Select>
              {q.dimension ? (
                <CheckboxInput
                  label={t('studio.surveys.question.reverse')}
                  checked={q.reverse ?? false}
                  onChange={(reverse) => set({ reverse: reverse ? true : undefined })}
                  error={err('reverse')}
                />
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      {q.type === 'likert' && kind === 'screener' && q.scale !== 7 ? (
        <p className={styles.hint}>{t('studio.surveys.question.dimensionHint')}</p>
      ) : null}

      {q.type === 'number' ? (
        <div className={styles.row}>
          <TextInput
            type="number"
            label={t('studio.surveys.question.min')}
            value={q.min === undefined ? '' : String(q.min)}
            onChange={(v) => set({ min: numberOrUndefined(v) })}
            error={err('min')}
          />
          <TextInput
            type="number"
            label={t('studio.surveys.question.max')}
            value={q.max === undefined ? '' : String(q.max)}
            onChange={(v) => set({ max: numberOrUndefined(v) })}
            error={err('max')}
          />
        </div>
      ) : null}
      {q.type === 'text' ? (
        <TextInput
          type="number"
          label={t('studio.surveys.question.maxLength')}
          value={q.maxLength === undefined ? '' : String(q.maxLength)}
          onChange={(v) => set({ maxLength: numberOrUndefined(v) })}
          error={err('maxLength')}
          hint={t('studio.surveys.question.maxLengthHint')}
        />
      ) : null}
      {q.type === 'sus' ? <p className={styles.hint}>{t('studio.surveys.question.susHint')}</p> : null}
      {q.type === 'rating' || q.type === 'nps' ? <p className={styles.hint}>{t('studio.surveys.question.zeroToTen')}</p> : null}

      <div className={styles.row}>
        <Select
          label={t('studio.surveys.question.showIf')}
          value={q.showIf?.questionId ?? ''}
          onChange={(questionId) => {
            if (!questionId) return set({ showIf: undefined });
            const p = questions.find((x) => x.id === questionId);
            const first = p ? showIfChoices(p)?.[0]?.value : undefined;
            set({ showIf: { questionId, equals: first ?? (p?.type === 'number' ? (p.min ?? 0) : '') } });
          }}
          error={err('showIf') ?? err('showIf.questionId')}
        >
          <option value="">{t('studio.surveys.question.always')}</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {t('studio.surveys.question.whenAnswerOf', { id: p.id, prompt: p.prompt.slice(0, 60) })}
            </option>
          ))}
        </Select>
        {q.showIf?.questionId && choices ? (
          <Select
            label={t('studio.surveys.question.equals')}
            value={String(q.showIf.equals ?? '')}
            onChange={(v) => {
              const c = choices.find((x) => String(x.value) === v);
              set({ showIf: { questionId: q.showIf?.questionId, equals: c ? c.value : v } });
            }}
            error={err('showIf.equals')}
          >
            {choices.map((c, k) => (
              <option key={k} value={String(c.value)}>
                {c.label}
              </option>
            ))}
          </Select>
        ) : null}
        {q.showIf?.questionId && parent && !choices ? (
          <TextInput
            type="number"
            label={t('studio.surveys.question.equals')}
            value={q.showIf.equals === undefined ? '' : String(q.showIf.equals)}
            onChange={(v) => set({ showIf: { questionId: q.showIf?.questionId, equals: numberOrUndefined(v) ?? '' } })}
            error={err('showIf.equals')}
          />
        ) : null}
      </div>

      {readOnly ? null : (
        <div className={ws.rowActions}>
          <Button
            className={`${formStyles.button} ${ws.secondary}`}
            onPress={() => onMove(-1)}
            isDisabled={index === 0}
            aria-label={t('studio.surveys.question.upLabel', { n })}
          >
            {t('studio.surveys.question.up')}
          </Button>
          <Button
            className={`${formStyles.button} ${ws.secondary}`}
            onPress={() => onMove(1)}
            isDisabled={index === questions.length - 1}
            aria-label={t('studio.surveys.question.downLabel', { n })}
          >
            {t('studio.surveys.question.down')}
          </Button>
          <Button
            className={`${formStyles.button} ${ws.secondary}`}
            onPress={onRemove}
            aria-label={t('studio.surveys.question.removeLabel', { n })}
          >
            {t('studio.surveys.question.remove')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
