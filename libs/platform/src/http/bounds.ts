import { applyDecorators, Param, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

/** a schema of the document (@nestjs/swagger does not export its SchemaObject type) */
type DocSchema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
import { Transform } from 'class-transformer';
import { IsDate, ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { NotFoundError } from '../errors/domain-error';

/**
 * The bounds every DTO and view class shares, so that the OpenAPI document states the same
 * limits the validators apply (the build has no swagger plugin: a limit not written in an
 * ApiProperty is not in the document). See test/security/openapi-bounds.e2e-spec.ts and
 * libs/platform/src/http/dto-bounds.spec.ts, which fail on an unbounded string, array or number.
 */
export const INT32_MAX = 2_147_483_647;
export const UUID_MAX_LENGTH = 36;
/** longest ISO 8601 date-time we read: "+275760-09-13T00:00:00.000000+00:00" is 35 */
export const DATE_TIME_MAX_LENGTH = 40;

export const UUID_DOC = { format: 'uuid', maxLength: UUID_MAX_LENGTH } as const;
export const DATE_TIME_DOC = { format: 'date-time', maxLength: DATE_TIME_MAX_LENGTH } as const;
/** a row count or a tally: an int4 column or a count(*) of one */
export const COUNT_DOC = { type: 'integer', minimum: 0, maximum: INT32_MAX } as const;
/** a uuid list in a view (at most a page, or a study's participants) */
export const uuidArrayDoc = (maxItems: number) => ({ type: 'array', maxItems, items: { type: 'string', ...UUID_DOC } }) as const;
/**
 * A profile attribute's value (and a criteria condition's): a string, a finite number, a boolean
 * or a list of option values; the attribute's definition says which (checkAttributeValues).
 */
export const ATTRIBUTE_VALUE_DOC: DocSchema = {
  oneOf: [
    { type: 'string', maxLength: 500 },
    { type: 'number', minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE },
    { type: 'boolean' },
    { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 500 } },
  ],
};

/**
 * An ISO 8601 date-time body field, read into a Date. Strings longer than DATE_TIME_MAX_LENGTH
 * are not parsed (they stay strings and fail IsDate), so the bound is the same as a MaxLength.
 */
export function IsDateTime(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && value.length <= DATE_TIME_MAX_LENGTH ? new Date(value) : value,
    ),
    IsDate({ message: '$property must be an ISO 8601 date-time' }),
  );
}

/** A uuid path parameter: refused with a 400 problem unless a UUID, and documented as one (format uuid, maxLength 36). */
export function UuidParam(name = 'id'): ParameterDecorator {
  return (target, key, index) => {
    Param(name, ParseUUIDPipe)(target, key, index);
    documentParam(target, key, { name, schema: { type: 'string', ...UUID_DOC } });
  };
}

export interface BoundedParamOptions {
  maxLength: number;
  pattern: RegExp;
  /** for the 404 problem: "Recruitment campaign" gives "Recruitment campaign was not found" */
  what: string;
  code: string;
  description?: string;
}

class BoundedStringPipe implements PipeTransform<unknown, string> {
  constructor(private readonly options: BoundedParamOptions) {}
  transform(value: unknown): string {
    const { maxLength, pattern, what, code } = this.options;
    if (typeof value === 'string' && value.length <= maxLength && pattern.test(value)) return value;
    throw new NotFoundError(what, code);
  }
}

/**
 * A string path parameter that names a resource (a slug, a share token), of bounded length and
 * shape: anything else names nothing, so it is the same 404 problem as an unknown one.
 */
export function BoundedParam(name: string, options: BoundedParamOptions): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new BoundedStringPipe(options))(target, key, index);
    const { maxLength, pattern, description } = options;
    documentParam(target, key, { name, description, schema: { type: 'string', maxLength, pattern: pattern.source } });
  };
}

function documentParam(
  target: object,
  key: string | symbol | undefined,
  param: { name: string; description?: string; schema: Record<string, unknown> },
): void {
  if (key === undefined) throw new Error(`@${param.name} path parameters go on handler methods`);
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) throw new Error(`no method ${String(key)} for the ${param.name} parameter`);
  ApiParam({ name: param.name, required: true, description: param.description, schema: param.schema as never })(target, key, descriptor);
}

export interface JsonBounds {
  /** nesting: a scalar is 0, `{a: 1}` is 1, `{a: [1]}` is 2 */
  maxDepth: number;
  /** keys of the object itself (an array's items, when the value is an array) */
  maxKeys: number;
  /** every value inside, at any depth */
  maxNodes: number;
  /** string values, in UTF-16 code units */
  maxStringLength: number;
}

/** The first way a free-form JSON value breaks its bounds, or null when it keeps them. */
export function jsonBoundsViolation(value: unknown, bounds: JsonBounds): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const top = Array.isArray(value) ? value.length : Object.keys(value).length;
  if (top > bounds.maxKeys) return `holds more than ${bounds.maxKeys} entries`;
  let nodes = 0;
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (++nodes > bounds.maxNodes) return `holds more than ${bounds.maxNodes} values`;
    if (typeof v === 'string' && v.length > bounds.maxStringLength)
      return `holds a string longer than ${bounds.maxStringLength} characters`;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > bounds.maxDepth) return `is nested deeper than ${bounds.maxDepth} levels`;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return null;
}

/**
 * A free-form JSON object (answers by question id, attributes by key, criteria checked by the
 * domain rules): bounded in keys, depth, size and string length, so that no value reaches a
 * service or a jsonb column unbounded. Use with @IsObject (it passes non-objects to it).
 */
export function IsBoundedJson(bounds: JsonBounds, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBoundedJson',
      constraints: [bounds],
      validator: {
        validate: (value: unknown) => jsonBoundsViolation(value, bounds) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} ${jsonBoundsViolation(args?.value, bounds) ?? 'is out of bounds'}`,
      },
    },
    options,
  );
}

/**
 * At most `places` decimal places. class-validator's IsNumber({ maxDecimalPlaces }) splits
 * `value.toString()` on "." and throws (a 500) on numbers JavaScript writes in exponent
 * form, such as 1e-7; this reads the digits of the exponent form too.
 */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

export function MaxDecimalPlaces(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxDecimalPlaces',
      constraints: [places],
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} must have at most ${places} decimal place(s)`,
      },
    },
    options,
  );
}
