import { ValidationPipe, type ArgumentMetadata, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { FieldError, ValidationError, validationFailed } from '../errors/domain-error';

function flatten(errors: ClassValidatorError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * Deepest JSON a request body or query may nest. Bodies are parsed by JSON.parse (which takes
 * thousands of levels) but class-transformer and class-validator recurse once per level, so
 * `[[[[…]]]]` 5,000 deep overflowed the stack: a 500. No DTO of ours nests beyond 6.
 */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What makes a parsed body or query unfit to transform and validate, or null: nesting deeper
 * than `maxDepth`, or a string (value or key) that is not well-formed UTF-16 — JSON may carry a
 * lone surrogate ("\ud800"), which is no text at all, and validator.js's isEmail throws
 * `URIError: URI malformed` on one (a 500). Iterative, so any depth is safe to ask about.
 */
export function unfitInput(value: unknown, maxDepth: number): string | null {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return 'must be well-formed Unicode text (a lone surrogate is not)';
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return `must not nest deeper than ${maxDepth} levels`;
    if (Array.isArray(v)) {
      for (const child of v) stack.push({ v: child, depth: depth + 1 });
    } else {
      for (const [key, child] of Object.entries(v)) {
        if (LONE_SURROGATE.test(key)) return 'must be well-formed Unicode text (a lone surrogate is not)';
        stack.push({ v: child, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** The validation pipe, first refusing bodies and queries it could not transform and validate safely. */
class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const unfit = unfitInput(value, MAX_INPUT_DEPTH);
      if (unfit) throw new ValidationError(`${metadata.type} ${unfit}`, [{ field: metadata.type, message: `${metadata.type} ${unfit}` }]);
    }
    return (await super.transform(value, metadata)) as unknown;
  }
}

/** Whitelist, refuse unknown fields, transform; failures become one 400 problem listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      return validationFailed(flatten(errors));
    },
  });
}
