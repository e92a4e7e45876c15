import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { FieldError, ValidationError } from '../errors/domain-error';

function flatten(errors: ClassValidatorError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Whitelist, refuse unknown fields, transform; failures become one 400 problem listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new ValidationError(
        fieldErrors.length === 1 ? `${fieldErrors[0].field}: ${fieldErrors[0].message}` : `${fieldErrors.length} fields are invalid`,
        fieldErrors,
      );
    },
  });
}
