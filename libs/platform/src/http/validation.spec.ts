import { IsEmail, MaxLength } from 'class-validator';
import { ValidationError } from '../errors/domain-error';
import { createValidationPipe, MAX_INPUT_DEPTH, unfitInput } from './validation';

class EmailDto {
  @IsEmail()
  @MaxLength(320)
  email: string;
}

describe('validation pipe: input it could not validate safely is a 400', () => {
  const pipe = createValidationPipe();
  const body = { type: 'body' as const, metatype: EmailDto, data: '' };

  it('refuses 5,000 levels of nesting (class-transformer recursed until the stack overflowed: a 500)', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    await expect(pipe.transform(deep, body)).rejects.toBeInstanceOf(ValidationError);
    await expect(pipe.transform({ email: deep }, { ...body, type: 'query' })).rejects.toThrow(
      `query must not nest deeper than ${MAX_INPUT_DEPTH} levels`,
    );
  });

  it('refuses a lone surrogate in a value or a key (validator.js isEmail threw URIError: a 500)', async () => {
    await expect(pipe.transform({ email: '\ud800' }, body)).rejects.toThrow('body must be well-formed Unicode text');
    await expect(pipe.transform({ ['a\udc00']: 1 }, body)).rejects.toBeInstanceOf(ValidationError);
  });

  it('lets well-formed text and ordinary nesting through to the DTO rules', async () => {
    await expect(pipe.transform({ email: 'ada@example.test' }, body)).resolves.toEqual({ email: 'ada@example.test' });
    await expect(pipe.transform({ email: 'not an e-mail 😀' }, body)).rejects.toThrow('email must be an email');
    expect(unfitInput({ a: [{ b: ['😀'] }] }, MAX_INPUT_DEPTH)).toBeNull();
  });
});
