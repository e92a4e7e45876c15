import { invalid, validationFailed, ValidationError } from './domain-error';

describe('validationFailed', () => {
  it('names the one field in the detail', () => {
    const err = validationFailed([{ field: 'title', message: 'title is required' }]);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', message: 'title: title is required' });
    expect(err.fieldErrors).toEqual([{ field: 'title', message: 'title is required' }]);
  });

  it('counts several fields, in the caller words and code when given', () => {
    const problems = [
      { field: 'a', message: 'a is bad' },
      { field: 'b', message: 'b is bad' },
    ];
    expect(validationFailed(problems).message).toBe('2 fields are invalid');
    expect(validationFailed(problems, { many: (n) => `${n} answers are invalid`, code: 'INVALID_ANSWERS' })).toMatchObject({
      code: 'INVALID_ANSWERS',
      message: '2 answers are invalid',
    });
  });

  it('invalid throws it', () => {
    expect(() => invalid([{ field: 'a', message: 'a is bad' }])).toThrow('a: a is bad');
  });
});
