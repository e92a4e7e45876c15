import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldError, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { Button } from '../../../components/Form';
import { formatNumber } from '../../../i18n/format';
import type { DiscussionApi, PostKind } from './api';
import { BODY_MAX, charCount, writeErrorMessage } from './errors';
import { useWritePost } from './queries';
import styles from './RoundView.module.css';

interface Values {
  body: string;
  kind: PostKind;
}

/**
 * Writes a top-level post (comment or idea) or, with `parentId`, a reply. The body is
 * checked as the API checks it (1–10,000 characters once trimmed) before sending; an error
 * from the API lands on the field, in the user's language.
 */
export function Composer({
  api,
  roundId,
  parentId,
  onPosted,
}: {
  api: DiscussionApi;
  roundId: string;
  parentId?: string;
  onPosted?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const write = useWritePost(api, roundId);
  const { control, handleSubmit, setError, reset } = useForm<Values>({ defaultValues: { body: '', kind: 'comment' } });
  const count = charCount(useWatch({ control, name: 'body' }));
  const reply = parentId !== undefined;

  const onSubmit = handleSubmit(async ({ body, kind }) => {
    try {
      await write.mutateAsync({ body: body.trim(), ...(reply ? { parentId } : { kind }) });
      reset();
      onPosted?.();
    } catch (error) {
      setError('body', { type: 'server', message: writeErrorMessage(error, t) });
    }
  });

  return (
    <form className={styles.composer} onSubmit={(e) => void onSubmit(e)} noValidate>
      <Controller
        control={control}
        name="body"
        rules={{
          validate: (v) => {
            const n = charCount(v);
            if (n === 0) return t('rounds.errors.blank');
            if (n > BODY_MAX) return t('rounds.errors.tooLong');
            return true;
          },
        }}
        render={({ field, fieldState }) => (
          <TextField
            className={styles.field}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            isInvalid={!!fieldState.error}
            isRequired
            validationBehavior="aria"
          >
            <Label className={styles.label}>{reply ? t('rounds.composer.replyLabel') : t('rounds.composer.label')}</Label>
            <TextArea ref={field.ref} className={styles.textarea} rows={reply ? 3 : 5} />
            <Text slot="description" className={count > BODY_MAX ? styles.countOver : styles.count}>
              {t('rounds.composer.count', { count: formatNumber(count, i18n.language), max: formatNumber(BODY_MAX, i18n.language) })}
            </Text>
            <FieldError className={styles.error}>{fieldState.error?.message}</FieldError>
          </TextField>
        )}
      />
      {reply ? null : (
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <RadioGroup
              className={styles.kinds}
              value={field.value}
              onChange={(v) => field.onChange(v as PostKind)}
              orientation="horizontal"
            >
              <Label className={styles.label}>{t('rounds.composer.kind')}</Label>
              <div className={styles.segments}>
                <Radio className={styles.segment} value="comment">
                  {t('rounds.composer.comment')}
                </Radio>
                <Radio className={styles.segment} value="idea">
                  {t('rounds.composer.idea')}
                </Radio>
              </div>
            </RadioGroup>
          )}
        />
      )}
      <div>
        {/* not React Aria's isPending: its end-of-request announcement is labelled by the button, which a
            sent post's composer no longer has (axe role-img-alt); the text says "Sending…" meanwhile */}
        <Button type="submit" isDisabled={write.isPending}>
          {write.isPending ? t('rounds.composer.sending') : reply ? t('rounds.composer.sendReply') : t('rounds.composer.send')}
        </Button>
      </div>
    </form>
  );
}
