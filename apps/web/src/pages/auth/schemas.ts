/**
 * The sign-in, forgot, reset and change-password forms, checked before sending with the zod/mini
 * schemas generated from the API's DTOs (src/api/generated/zod.gen.ts): the server's bounds,
 * messages from the catalogues. Imported by page chunks only (zod stays out of the first load).
 */
import type { TFunction } from 'i18next';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import * as z from 'zod/mini';
import { zChangePasswordDto, zEmailOnlyDto, zLoginDto, zPasswordResetConfirmDto } from '../../api/generated/zod.gen';

type Issue = z.core.$ZodIssue;

/** A zod issue as a catalogue message in the user's language. */
export function issueMessage(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'invalid_format':
      return issue.format === 'email' ? t('problem.field.email') : t('problem.field.notAccepted');
    case 'too_small':
      return t('problem.field.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      return t('problem.field.tooLong', { count: Number(issue.maximum) });
    case 'invalid_type':
      return t('form.required');
    default:
      return t('problem.field.notAccepted');
  }
}

interface FormCheck<T extends FieldValues> {
  /** the request body the form becomes (validated with `schema`) */
  body: (values: T) => unknown;
  schema: z.ZodMiniType;
  /** body field → form field, when they differ */
  rename?: Record<string, keyof T & string>;
  /** fields that must not be empty (checked first: "this field is required") */
  required: (keyof T & string)[];
  /** checks across fields (the password typed twice) */
  extra?: (values: T) => Partial<Record<keyof T & string, string>>;
}

/** A react-hook-form resolver from a generated schema: one message per field, in the user's language. */
export function schemaResolver<T extends FieldValues>(check: FormCheck<T>, t: TFunction): Resolver<T> {
  return (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    for (const name of check.required) {
      const v: unknown = values[name];
      if (typeof v !== 'string' || v.trim() === '') errors[name] = { type: 'required', message: t('form.required') };
    }
    const parsed = check.schema.safeParse(check.body(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const top = String(issue.path[0] ?? '');
        const name = check.rename?.[top] ?? top;
        if (name && !errors[name]) errors[name] = { type: issue.code, message: issueMessage(issue, t) };
      }
    }
    for (const [name, message] of Object.entries(check.extra?.(values) ?? {})) {
      if (message && !errors[name]) errors[name] = { type: 'validate', message };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors: errors as unknown as FieldErrors<T> } : { values, errors: {} };
  };
}

export interface LoginForm {
  email: string;
  password: string;
}
export const loginCheck = (): FormCheck<LoginForm> => ({
  schema: zLoginDto,
  body: (v) => ({ email: v.email.trim(), password: v.password }),
  required: ['email', 'password'],
});

export interface EmailForm {
  email: string;
}
export const emailCheck = (): FormCheck<EmailForm> => ({
  schema: zEmailOnlyDto,
  body: (v) => ({ email: v.email.trim() }),
  required: ['email'],
});

export interface ResetForm {
  password: string;
  confirm: string;
}
export const resetCheck = (token: string, t: TFunction): FormCheck<ResetForm> => ({
  schema: zPasswordResetConfirmDto,
  body: (v) => ({ token, newPassword: v.password }),
  rename: { newPassword: 'password' },
  required: ['password', 'confirm'],
  extra: (v) => (v.confirm && v.password !== v.confirm ? { confirm: t('auth.passwordsDiffer') } : {}),
});

export interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
export const changePasswordCheck = (t: TFunction): FormCheck<ChangePasswordForm> => ({
  schema: zChangePasswordDto,
  body: (v) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
  required: ['currentPassword', 'newPassword', 'confirm'],
  extra: (v) => (v.confirm && v.newPassword !== v.confirm ? { confirm: t('auth.passwordsDiffer') } : {}),
});
