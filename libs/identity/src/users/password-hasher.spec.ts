import { loadConfig } from '@leadpanel/platform';
import { PasswordHasher } from './password-hasher';

const hasher = (env: Record<string, string>) => new PasswordHasher(loadConfig(env));

describe('PasswordHasher', () => {
  it('hashes with argon2id at 64 MiB by default, and with the memory PASSWORD_HASH_MEMORY_KIB sets', async () => {
    expect(await hasher({}).hash('correct horse battery')).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await hasher({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '1024' }).hash('correct horse battery')).toMatch(
      /^\$argon2id\$v=19\$m=1024,p=4,t=3\$/,
    );
  });

  it('checks a password against a hash made with other settings: changing the setting breaks no stored password', async () => {
    const old = await hasher({}).hash('correct horse battery');
    const now = hasher({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '1024' });
    expect(await now.verify(old, 'correct horse battery')).toBe(true);
    expect(await now.verify(old, 'correct horse staple')).toBe(false);
  });

  it('answers false, not an error, for a stored value that is no hash', async () => {
    expect(await hasher({}).verify('not-a-hash', 'whatever')).toBe(false);
  });
});
