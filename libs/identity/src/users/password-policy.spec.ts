import { assertAcceptablePassword, passwordProblem } from './password-policy';

describe('password policy', () => {
  it('refuses fewer than 10 characters', () => {
    expect(passwordProblem('short-pw1')).toMatch(/at least 10/);
  });

  it('refuses a common password whatever its case, even when long enough', () => {
    expect(passwordProblem('1234567890')).toMatch(/common/);
    expect(passwordProblem('QwertyUiop')).toMatch(/common/);
    expect(passwordProblem('Basketball')).toMatch(/common/);
  });

  it('accepts a long uncommon password', () => {
    expect(passwordProblem('correct-horse-battery')).toBeNull();
  });

  it('names the field in the 400', () => {
    expect(() => assertAcceptablePassword('qwertyuiop', 'newPassword')).toThrow(
      expect.objectContaining({ kind: 'validation', fieldErrors: [expect.objectContaining({ field: 'newPassword' })] }),
    );
  });
});
