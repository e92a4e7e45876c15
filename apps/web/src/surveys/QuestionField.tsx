import { useId } from 'react';
import {
  Checkbox,
  CheckboxGroup,
  FieldError,
  Group,
  Input,
  Label,
  NumberField,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { charLength } from './logic';
import styles from './QuestionField.module.css';
import { SUS_ITEM_COUNT, DEFAULT_TEXT_MAX_LENGTH, type DraftValue, type Problem, type Question } from './types';

export interface QuestionFieldProps {
  question: Question;
  value: DraftValue | undefined;
  onChange: (value: DraftValue | undefined) => void;
  /** the problem to show under the field (a catalogue key and its values) */
  error?: Problem | null;
}

/** The SUS statements' catalogue keys, item 1 first (the standard English and French wording). */
const SUS_KEYS = [
  'survey.sus.item1',
  'survey.sus.item2',
  'survey.sus.item3',
  'survey.sus.item4',
  'survey.sus.item5',
  'survey.sus.item6',
  'survey.sus.item7',
  'survey.sus.item8',
  'survey.sus.item9',
  'survey.sus.item10',
] as const;

function PromptLabel({ question, as = 'label' }: { question: Question; as?: 'label' | 'legend' }) {
  const { t } = useTranslation();
  const content = (
    <>
      <span className={styles.promptText}>{question.prompt}</span>
      {question.required ? <span className={styles.required}> {t('survey.required')}</span> : null}
    </>
  );
  if (as === 'legend') return <legend className={styles.prompt}>{content}</legend>;
  return <Label className={styles.prompt}>{content}</Label>;
}

/** One question, its control chosen by its type: labelled, required marker, error slot, 44 px targets. */
export function QuestionField({ question, value, onChange, error }: QuestionFieldProps) {
  const { t } = useTranslation();
  const message = error ? t(error.key, error.values) : undefined;
  const invalid = !!error;
  const q = question;

  switch (q.type) {
    case 'single_choice':
      return (
        <RadioGroup
          className={styles.field}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          isRequired={q.required}
          isInvalid={invalid}
          validationBehavior="aria"
        >
          <PromptLabel question={q} />
          <div className={styles.options}>
            {(q.options ?? []).map((o) => (
              <Radio key={o.value} value={o.value} className={styles.option}>
                {o.label}
              </Radio>
            ))}
          </div>
          <FieldError className={styles.error}>{message}</FieldError>
        </RadioGroup>
      );
    case 'multi_choice':
      return (
        <CheckboxGroup
          className={styles.field}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v.length ? v : undefined)}
          isRequired={q.required}
          isInvalid={invalid}
          validationBehavior="aria"
        >
          <PromptLabel question={q} />
          <Text slot="description" className={styles.hint}>
            {t('survey.multiHint')}
          </Text>
          <div className={styles.options}>
            {(q.options ?? []).map((o) => (
              <Checkbox key={o.value} value={o.value} className={styles.option}>
                <span className={styles.box} aria-hidden="true" />
                {o.label}
              </Checkbox>
            ))}
          </div>
          <FieldError className={styles.error}>{message}</FieldError>
        </CheckboxGroup>
      );
    case 'likert': {
      const scale = q.scale ?? 5;
      return (
        <ScaleGroup
          question={q}
          points={Array.from({ length: scale }, (_, i) => i + 1)}
          low={t('survey.likert.low')}
          high={t('survey.likert.high')}
          value={value}
          onChange={onChange}
          message={message}
        />
      );
    }
    case 'rating':
    case 'nps':
      return (
        <ScaleGroup
          question={q}
          points={Array.from({ length: 11 }, (_, i) => i)}
          low={q.type === 'nps' ? t('survey.nps.low') : t('survey.rating.low')}
          high={q.type === 'nps' ? t('survey.nps.high') : t('survey.rating.high')}
          value={value}
          onChange={onChange}
          message={message}
        />
      );
    case 'sus':
      return <SusField question={q} value={value} onChange={onChange} message={message} />;
    case 'number': {
      const range =
        q.min !== undefined && q.max !== undefined
          ? t('survey.number.between', { min: q.min, max: q.max })
          : q.min !== undefined
            ? t('survey.number.atLeast', { min: q.min })
            : q.max !== undefined
              ? t('survey.number.atMost', { max: q.max })
              : null;
      return (
        <NumberField
          className={styles.field}
          value={typeof value === 'number' ? value : NaN}
          onChange={(v) => onChange(Number.isNaN(v) ? undefined : v)}
          isRequired={q.required}
          isInvalid={invalid}
          validationBehavior="aria"
        >
          <PromptLabel question={q} />
          {range ? (
            <Text slot="description" className={styles.hint}>
              {range}
            </Text>
          ) : null}
          <Group className={styles.numberGroup}>
            <Input className={styles.input} />
          </Group>
          <FieldError className={styles.error}>{message}</FieldError>
        </NumberField>
      );
    }
    case 'text': {
      const text = typeof value === 'string' ? value : '';
      const max = q.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
      return (
        <TextField
          className={styles.field}
          value={text}
          onChange={(v) => onChange(v === '' ? undefined : v)}
          isRequired={q.required}
          isInvalid={invalid}
          validationBehavior="aria"
        >
          <PromptLabel question={q} />
          <TextArea className={styles.textarea} rows={5} />
          <Text slot="description" className={styles.hint}>
            {t('survey.text.count', { count: charLength(text), max })}
          </Text>
          <FieldError className={styles.error}>{message}</FieldError>
        </TextField>
      );
    }
  }
}

/** A row of numbered choices with the meaning of both ends written out (likert, rating, nps). */
function ScaleGroup({
  question,
  points,
  low,
  high,
  value,
  onChange,
  message,
}: {
  question: Question;
  points: number[];
  low: string;
  high: string;
  value: DraftValue | undefined;
  onChange: (v: DraftValue | undefined) => void;
  message?: string;
}) {
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <RadioGroup
      className={styles.field}
      orientation="horizontal"
      value={typeof value === 'number' ? String(value) : null}
      onChange={(v) => onChange(Number(v))}
      isRequired={question.required}
      isInvalid={!!message}
      validationBehavior="aria"
    >
      <PromptLabel question={question} />
      <Text slot="description" className={styles.hint}>
        {first} = {low} · {last} = {high}
      </Text>
      <div className={styles.scale} data-points={points.length}>
        {points.map((p) => (
          <Radio
            key={p}
            value={String(p)}
            className={styles.segment}
            aria-label={p === first ? `${p} (${low})` : p === last ? `${p} (${high})` : String(p)}
          >
            <span>{p}</span>
            {/* in the one-column layout of a narrow screen, the ends say what they mean beside them */}
            {p === first || p === last ? (
              <span className={styles.endInline} aria-hidden="true">
                {p === first ? low : high}
              </span>
            ) : null}
          </Radio>
        ))}
      </div>
      <FieldError className={styles.error}>{message}</FieldError>
    </RadioGroup>
  );
}

/** The 10 standard SUS statements, each a 1–5 agreement scale; the answer is the 10 numbers. */
function SusField({
  question,
  value,
  onChange,
  message,
}: {
  question: Question;
  value: DraftValue | undefined;
  onChange: (v: DraftValue | undefined) => void;
  message?: string;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const items: (number | null)[] = Array.isArray(value)
    ? Array.from({ length: SUS_ITEM_COUNT }, (_, i) => (typeof value[i] === 'number' ? (value[i] as number) : null))
    : Array.from({ length: SUS_ITEM_COUNT }, () => null);
  const low = t('survey.sus.low');
  const high = t('survey.sus.high');
  return (
    <fieldset className={styles.fieldset} aria-describedby={message ? errorId : undefined} aria-invalid={message ? true : undefined}>
      <PromptLabel question={question} as="legend" />
      <p className={styles.hint}>{t('survey.sus.hint')}</p>
      <ol className={styles.susList}>
        {SUS_KEYS.map((key, i) => (
          <li key={key}>
            <RadioGroup
              className={styles.field}
              orientation="horizontal"
              value={items[i] === null ? null : String(items[i])}
              onChange={(v) => {
                const next = [...items];
                next[i] = Number(v);
                onChange(next);
              }}
              isRequired={question.required}
              isInvalid={!!message && items[i] === null}
              validationBehavior="aria"
            >
              <Label className={styles.susStatement}>{t(key)}</Label>
              <div className={styles.scale} data-points={5}>
                {[1, 2, 3, 4, 5].map((p) => (
                  <Radio
                    key={p}
                    value={String(p)}
                    className={styles.segment}
                    aria-label={p === 1 ? `${p} (${low})` : p === 5 ? `${p} (${high})` : String(p)}
                  >
                    {p}
                  </Radio>
                ))}
              </div>
              <div className={styles.ends} aria-hidden="true">
                <span>{low}</span>
                <span>{high}</span>
              </div>
            </RadioGroup>
          </li>
        ))}
      </ol>
      {message ? (
        <p id={errorId} className={styles.error} role="alert">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
