import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';
import { decimalPlaces, IsBoundedJson, jsonBoundsViolation } from './bounds';

/**
 * Issue #10 (malformed input): every request DTO bounds what it accepts. This walks
 * class-validator's metadata for every @Body/@Query class of every controller (and the
 * classes nested in them through @ValidateNested + @Type) and fails on:
 * - a string (IsString, IsUUID, IsEmail, Matches, a String property…) without MaxLength or Length;
 *   IsIn / IsEnum / Equals alone bound a value already;
 * - an array without ArrayMaxSize;
 * - a number (IsInt, IsNumber, a Number property) without both Min and Max;
 * - an object (IsObject, an object property) neither validated as a class (ValidateNested + Type)
 *   nor bounded as free-form JSON (IsBoundedJson);
 * - a body or query typed as no class at all, unless listed below with the reason it is safe.
 */
const UNTYPED_INPUTS: Record<string, string> = {
  'ShipmentsController.tracking':
    'JSON rows or text/csv, read by readTrackingImport (libs/home-testing/src/domain/tracking-import.ts): at most 10,000 rows, every field checked (400 otherwise)',
  'StudiesController.preview':
    'an optional {criteria?, quotas?} read leniently (other fields ignored, as before the body existed); criteria and quotas go through validateCriteria and validateQuotas, which bound every list and value as a PATCH does (400 otherwise)',
};

/** what class-validator and class-transformer keep per decorated property (their storages are not typed as exports) */
interface ValidationMetadata {
  type: string;
  name?: string;
  propertyName: string;
  each?: boolean;
}
interface TypeMetadataStorage {
  findTypeMetadata(target: unknown, property: string): { typeFunction: () => unknown } | undefined;
}
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeMetadataStorage };

const LIBS = join(__dirname, '..', '..', '..');

function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : controllerFiles(path);
    return e.name.endsWith('.controller.ts') ? [path] : [];
  });
}

type Ctor = abstract new (...args: never[]) => unknown;

function controllers(): Ctor[] {
  return controllerFiles(LIBS).flatMap((file) =>
    Object.values(require(file) as Record<string, unknown>).filter(
      (v): v is Ctor => typeof v === 'function' && Reflect.getMetadata('path', v) !== undefined,
    ),
  );
}

interface Input {
  where: string;
  type: unknown;
}

function inputsOf(controller: Ctor): Input[] {
  const proto = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto).flatMap((method) => {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number }>;
    const types = (Reflect.getMetadata('design:paramtypes', proto, method) ?? []) as unknown[];
    return Object.entries(args)
      .filter(([key]) => {
        const paramtype = Number(key.split(':')[0]);
        return paramtype === RouteParamtypes.BODY || paramtype === RouteParamtypes.QUERY;
      })
      .map(([, arg]) => ({ where: `${controller.name}.${method}`, type: types[arg.index] }));
  });
}

const STRINGISH = [
  'isString',
  'isUUID',
  'isEmail',
  'matches',
  'isISO31661Alpha2',
  'isISO8601',
  'isDateString',
  'minLength',
  'isUrl',
  'isNotIn',
];
const CLOSED = ['isIn', 'isEnum', 'equals'];
const NUMERIC = ['isInt', 'isNumber', 'isPositive', 'isNegative'];
const TYPED = [...STRINGISH, ...CLOSED, ...NUMERIC, 'isBoolean', 'isDate', 'isArray', 'isObject', 'nestedValidation'];

function nameOf(m: ValidationMetadata): string {
  return m.type === 'customValidation' ? (m.name ?? '') : m.type;
}

/** Every unbounded property of a DTO class and of the classes nested in it. */
export function unboundedProperties(cls: Ctor, where = cls.name, seen = new Set<Ctor>()): string[] {
  if (seen.has(cls)) return [];
  seen.add(cls);
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls as never, '', true, false) as ValidationMetadata[];
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  const out: string[] = [];
  for (const [property, list] of byProperty) {
    const at = `${where}.${property}`;
    const own = new Set(list.filter((m) => !m.each).map(nameOf));
    const each = new Set(list.filter((m) => m.each).map(nameOf));
    const designType = Reflect.getMetadata('design:type', cls.prototype as object, property) as unknown;
    const has = (set: Set<string>, names: string[]) => names.some((n) => set.has(n));

    const untyped = !has(own, TYPED);
    const isArray = own.has('isArray') || (designType === Array && untyped);
    const isString = has(own, STRINGISH) || (designType === String && !has(own, CLOSED));
    const isNumber = has(own, NUMERIC) || (designType === Number && !has(own, CLOSED));
    const isObject = own.has('isObject') || (designType === Object && untyped);

    if (isString && !own.has('maxLength') && !own.has('isLength')) out.push(`${at}: a string without @MaxLength`);
    if (isNumber && !(own.has('min') && own.has('max'))) out.push(`${at}: a number without @Min and @Max`);
    if (isArray && !own.has('arrayMaxSize')) out.push(`${at}: an array without @ArrayMaxSize`);
    if (isArray && has(each, STRINGISH) && !each.has('maxLength') && !each.has('isLength'))
      out.push(`${at}[]: strings without @MaxLength({ each: true })`);
    if (isArray && has(each, NUMERIC) && !(each.has('min') && each.has('max')))
      out.push(`${at}[]: numbers without @Min/@Max({ each: true })`);
    if (isArray && each.has('isObject') && !each.has('isBoundedJson') && !own.has('nestedValidation')) {
      out.push(`${at}[]: objects neither @ValidateNested nor @IsBoundedJson({ each: true })`);
    }
    if (isObject && !own.has('isBoundedJson') && !own.has('nestedValidation'))
      out.push(`${at}: an object neither @ValidateNested nor @IsBoundedJson`);

    if (own.has('nestedValidation') || list.some((m) => m.type === 'nestedValidation')) {
      const typeMeta = defaultMetadataStorage.findTypeMetadata(cls, property);
      const nested = typeMeta?.typeFunction() as Ctor | undefined;
      if (!nested) out.push(`${at}: @ValidateNested without @Type`);
      else out.push(...unboundedProperties(nested, at, seen));
    }
  }
  return out;
}

describe('request DTOs: every input is bounded', () => {
  const all = controllers();
  const inputs = all.flatMap(inputsOf);

  it('finds the controllers and their inputs', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(inputs.length).toBeGreaterThan(50);
  });

  it('gives every string a max length, every array a max size, every number a range, every object a shape', () => {
    const classes = new Map<Ctor, string>();
    const untyped: string[] = [];
    for (const input of inputs) {
      const t = input.type;
      if (typeof t === 'function' && t !== Object && t !== String && t !== Number && t !== Boolean && t !== Array)
        classes.set(t as Ctor, input.where);
      else if (!(input.where in UNTYPED_INPUTS)) untyped.push(`${input.where}: a body or query without a DTO class`);
    }
    const problems = [...untyped, ...[...classes.keys()].flatMap((cls) => unboundedProperties(cls))];
    expect(problems).toEqual([]);
  });

  it('catches a DTO that leaves a string, an array, a number or an object open', () => {
    // the checker itself: a DTO without limits must fail
    const { IsArray, IsInt, IsObject, IsString } = jest.requireActual<typeof import('class-validator')>('class-validator');
    class Open {
      @IsString() s: string;
      @IsArray() a: string[];
      @IsInt() n: number;
      @IsObject() o: Record<string, unknown>;
    }
    expect(unboundedProperties(Open)).toEqual([
      'Open.s: a string without @MaxLength',
      'Open.a: an array without @ArrayMaxSize',
      'Open.n: a number without @Min and @Max',
      'Open.o: an object neither @ValidateNested nor @IsBoundedJson',
    ]);
  });
});

describe('IsBoundedJson', () => {
  const bounds = { maxDepth: 2, maxKeys: 3, maxNodes: 10, maxStringLength: 5 };
  it.each([
    [{ a: 1, b: [1, 2] }, null],
    [{ a: 1, b: 2, c: 3, d: 4 }, 'holds more than 3 entries'],
    [{ a: { b: { c: 1 } } }, 'is nested deeper than 2 levels'],
    [{ a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, 'holds more than 10 values'],
    [{ a: 'toolong' }, 'holds a string longer than 5 characters'],
  ])('%j → %s', (value, expected) => {
    expect(jsonBoundsViolation(value, bounds)).toBe(expected);
  });

  it('refuses 200 levels of nesting without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = { x: deep };
    expect(jsonBoundsViolation(deep, bounds)).toBe('is nested deeper than 2 levels');
    expect(typeof IsBoundedJson(bounds)).toBe('function');
  });
});

describe('MaxDecimalPlaces', () => {
  it.each([
    [12.5, 1],
    [100, 0],
    [1e-7, 7],
    [5e-324, 324],
    [1.5e-5, 6],
    [1e21, 0],
    [-0.25, 2],
  ])('%p has %p decimal places', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });
});
