import {
  alphabetical,
  analyseAnswers,
  type Answer,
  isTerm,
  mentions,
  representativeQuotes,
  STOP_WORDS,
  tokenize,
  tokenizeSegments,
  topPhrases,
  topTerms,
  truncate,
} from './text';

describe('tokenize', () => {
  it.each<[string, string[]]>([
    ['Great battery', ['great', 'battery']],
    ["l'eau", ['eau']],
    ["d'abord", ['abord']],
    ["L'Écran et l’appli", ['écran', 'et', 'appli']],
    ["qu'il jusqu'à lorsqu'elle puisqu'on", ['il', 'à', 'elle', 'on']],
    ["j'aime, c'est, n'est, s'il, m'a, t'as", ['aime', 'est', 'est', 'il', 'a', 'as']],
    ["aujourd'hui, quelqu'un, presqu'île", ["aujourd'hui", "quelqu'un", "presqu'île"]],
    ['aujourd’hui', ["aujourd'hui"]], // curly apostrophe written '
    ["don't I'm it's the product's", ["don't", "i'm", 'it', 'the', 'product']],
    ["users' feedback", ['users', 'feedback']],
    ['porte-monnaie, e-mail, user‐friendly', ['porte-monnaie', 'e-mail', 'user-friendly']],
    ['café CAFE Café', ['café', 'cafe', 'café']],
    ['cafe\u0301', ['café']], // NFD → NFC
    ['ÉCOLE Ère', ['école', 'ère']],
    ['mp3 4G 2024 3,5', ['mp3', '4g', '2024', '3', '5']],
    ['日本語 テスト', ['日本語', 'テスト']],
    ['  ', []],
    ['', []],
    ['!!! ... ???', []],
  ])('%j → %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('masks before reading: no piece of an e-mail, link or phone becomes a token', () => {
    expect(tokenize('ecrivez a jean.dupont@gmail.com ou https://shop.example.com/jean, 06 12 34 56 78')).toEqual(['ecrivez', 'a', 'ou']);
  });

  it.each<[string, string[][]]>([
    [
      'battery life. screen size',
      [
        ['battery', 'life'],
        ['screen', 'size'],
      ],
    ],
    [
      'a, b; c: d! e? f (g) "h" «i» j–k l/m n…o',
      [['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g'], ['h'], ['i'], ['j'], ['k', 'l'], ['m', 'n'], ['o']],
    ],
    ['one - two', [['one'], ['two']]], // free-standing hyphen breaks
    ["it 'works' fine", [['it'], ['works'], ['fine']]], // quoting apostrophes break
    [
      'line one\nline two',
      [
        ['line', 'one'],
        ['line', 'two'],
      ],
    ],
    ['no\u00a0break space', [['no', 'break', 'space']]],
    ['tabs\tare spaces', [['tabs', 'are', 'spaces']]],
    ['call support [email] now', [['call', 'support'], ['now']]],
    ['call support ana@example.com now', [['call', 'support'], ['now']]],
  ])('segments of %j', (text, expected) => {
    expect(tokenizeSegments(text)).toEqual(expected);
  });
});

describe('stop words and isTerm', () => {
  it('hold a few hundred French and English words, normalized', () => {
    expect(STOP_WORDS.size).toBeGreaterThanOrEqual(400);
    for (const word of STOP_WORDS) {
      expect(word).toBe(word.normalize('NFC').toLowerCase());
      expect(word).not.toMatch(/[’ʼ]/);
    }
  });

  it.each<[string, boolean]>([
    ['the', false],
    ['and', false],
    ["don't", false],
    ["i'm", false],
    ['really', false],
    ['le', false],
    ['les', false],
    ['à', false],
    ['très', false],
    ['tres', false],
    ['être', false],
    ['où', false],
    ['ça', false],
    ["quelqu'un", false],
    ['x', false], // one character
    ['é', false],
    ['2024', false], // no letter
    ['10-15', false],
    ['peut-être', false], // every part a stop word
    ['est-ce', false],
    ['a-t-il', false],
    ['battery', true],
    ['batterie', true],
    ['écran', true],
    ['café', true],
    ['cafe', true],
    ['mp3', true],
    ['4g', true],
    ['e-mail', true],
    ['porte-monnaie', true],
    ["aujourd'hui", true],
    ['ok-ish', true],
  ])('%j → %s', (token, expected) => {
    expect(isTerm(token)).toBe(expected);
  });
});

describe('topTerms', () => {
  it('n counts answers containing the term, not occurrences', () => {
    expect(topTerms(['battery battery battery', 'battery', 'screen screen screen screen'])).toEqual([
      { term: 'battery', n: 2 },
      { term: 'screen', n: 1 },
    ]);
  });

  it('drops stop words, sorts by n then alphabetically, accents kept', () => {
    const texts = [
      "L'écran est très beau et la batterie tient bien",
      "La batterie est faible, l'écran aussi",
      'The battery is great, the screen is great',
      'Le café est bon ; le cafe aussi',
      'Zut, Écran !',
    ];
    expect(topTerms(texts)).toEqual([
      { term: 'écran', n: 3 },
      { term: 'batterie', n: 2 },
      { term: 'battery', n: 1 },
      { term: 'beau', n: 1 },
      { term: 'bon', n: 1 },
      { term: 'cafe', n: 1 },
      { term: 'café', n: 1 },
      { term: 'faible', n: 1 },
      { term: 'great', n: 1 },
      { term: 'screen', n: 1 },
    ]);
  });

  it.each<[number, string[]]>([
    [0, []],
    [1, ['aa']],
    [2, ['aa', 'bb']],
    [5, ['aa', 'bb', 'cc', 'dd']],
  ])('limit %d', (limit, expected) => {
    expect(topTerms(['aa bb cc dd', 'aa bb', 'aa'], { limit }).map((t) => t.term)).toEqual(expected);
  });

  it('minAnswers drops rarer terms', () => {
    expect(topTerms(['aa bb', 'aa cc', 'aa bb'], { minAnswers: 2 })).toEqual([
      { term: 'aa', n: 3 },
      { term: 'bb', n: 2 },
    ]);
  });

  it('ties are alphabetical with accents in their natural place, whatever the input order', () => {
    const words = ['zèbre', 'eau', 'fin', 'école', 'Étage', 'ecole', 'abc'];
    const expected = ['abc', 'eau', 'ecole', 'école', 'étage', 'fin', 'zèbre'];
    expect(topTerms(words).map((t) => t.term)).toEqual(expected);
    expect(topTerms([...words].reverse()).map((t) => t.term)).toEqual(expected);
  });

  it('never yields pieces of masked contact details', () => {
    const terms = topTerms(['mail jean.dupont@gmail.com', 'site www.dupont-shop.fr', 'tel +33 6 12 34 56 78', 'jean says hi']).map(
      (t) => t.term,
    );
    expect(terms).toEqual(['hi', 'jean', 'mail', 'says', 'site', 'tel']);
    expect(terms).not.toEqual(expect.arrayContaining(['email', 'link', 'phone', 'gmail', 'com', 'dupont']));
  });

  it('empty input', () => {
    expect(topTerms([])).toEqual([]);
    expect(topTerms(['', 'the and le la'])).toEqual([]);
  });

  it.each<[number | undefined, number | undefined]>([
    [-1, undefined],
    [1.5, undefined],
    [undefined, 0],
    [undefined, 2.5],
  ])('refuses limit %s, minAnswers %s', (limit, minAnswers) => {
    expect(() => topTerms(['a'], { limit, minAnswers })).toThrow(RangeError);
  });
});

describe('topPhrases', () => {
  it.each<[string, string[]]>([
    ['battery life is great', ['battery life']],
    ['great battery life', ['battery life', 'great battery']],
    ['battery. life', []], // punctuation ends a segment
    ['battery, life', []],
    ['battery - life', []],
    ['battery\nlife', []],
    ['battery [link] life', []],
    ['battery ana@example.com life', []],
    ['battery and life', []], // a stop word in between
    ['battery 2024 life', []], // so does a number
    ['très bonne qualité', ['bonne qualité']],
    ["l'écran tactile", ['écran tactile']],
    ['super super', []], // a repeated word is not a phrase
    ['Battery Life, battery life!', ['battery life']],
    ['porte-monnaie pratique', ['porte-monnaie pratique']],
  ])('%j → %j', (text, phrases) => {
    expect(topPhrases([text]).map((p) => p.phrase)).toEqual(phrases);
  });

  it('n counts answers; ties alphabetical; limit', () => {
    const texts = ['battery life rocks', 'battery life', 'short battery life', 'screen size matters', 'screen size'];
    expect(topPhrases(texts)).toEqual([
      { phrase: 'battery life', n: 3 },
      { phrase: 'screen size', n: 2 },
      { phrase: 'life rocks', n: 1 },
      { phrase: 'short battery', n: 1 },
      { phrase: 'size matters', n: 1 },
    ]);
    expect(topPhrases(texts, { limit: 2 }).map((p) => p.phrase)).toEqual(['battery life', 'screen size']);
    expect(topPhrases(texts, { minAnswers: 2 }).map((p) => p.phrase)).toEqual(['battery life', 'screen size']);
  });
});

describe('mentions', () => {
  it.each<[string, string, boolean]>([
    ['The battery died', 'battery', true],
    ['The batteries died', 'battery', false], // whole tokens, no stemming
    ['BATTERY', 'battery', true],
    ['the battery', 'Battery', true],
    ["l'écran", 'écran', true],
    ['ecran', 'écran', false],
    ['great battery life', 'battery life', true],
    ['battery. Life', 'battery life', false],
    ['life battery', 'battery life', false],
    ['ana@example.com', 'example', false],
  ])('%j mentions %j: %s', (text, term, expected) => {
    expect(mentions(text, term)).toBe(expected);
  });
});

describe('truncate', () => {
  it.each<[string, number, string]>([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['the battery lasts long', 15, 'the battery…'],
    ['the battery lasts long', 12, 'the battery…'],
    ['supercalifragilistic', 6, 'super…'],
    ['éééééé', 4, 'ééé…'],
    ['ab 😀😀😀😀', 5, 'ab…'],
  ])('%j to %d → %j', (text, max, expected) => {
    const out = truncate(text, max);
    expect(out).toBe(expected);
    expect([...out].length).toBeLessThanOrEqual(max);
  });

  it.each([0, 1, 2.5])('refuses %d', (max) => {
    expect(() => truncate('abc', max)).toThrow(RangeError);
  });
});

describe('representativeQuotes', () => {
  const answers: Answer[] = [
    { pseudonym: 'P-01', text: 'Battery' },
    { pseudonym: 'P-02', text: 'The battery lasts two full days, impressive.' },
    { pseudonym: 'P-03', text: 'Battery drains fast.' },
    { pseudonym: 'P-04', text: 'Screen too dim outside.' },
    { pseudonym: 'P-05', text: 'My battery and screen are both good, call me at 06 12 34 56 78' },
    { pseudonym: 'P-06', text: 'Screen is sharp.' },
  ];

  it('one quote per term, shortest answer of at least three words, different answers', () => {
    expect(representativeQuotes(answers, ['battery', 'screen'])).toEqual([
      { pseudonym: 'P-03', text: 'Battery drains fast.' },
      { pseudonym: 'P-06', text: 'Screen is sharp.' },
    ]);
  });

  it('an answer is quoted once even if it is the best for two terms', () => {
    const two: Answer[] = [
      { pseudonym: 'P-01', text: 'battery and screen fine' },
      { pseudonym: 'P-02', text: 'the screen is nice but long-winded' },
    ];
    expect(representativeQuotes(two, ['battery', 'screen'])).toEqual([
      { pseudonym: 'P-01', text: 'battery and screen fine' },
      { pseudonym: 'P-02', text: 'the screen is nice but long-winded' },
    ]);
  });

  it('falls back to short answers when nothing longer mentions the term', () => {
    expect(representativeQuotes([{ pseudonym: 'P-09', text: ' Battery ' }], ['battery'])).toEqual([{ pseudonym: 'P-09', text: 'Battery' }]);
  });

  it('masks quotes', () => {
    const only = answers.filter((a) => a.pseudonym === 'P-05');
    expect(representativeQuotes(only, ['screen'])).toEqual([
      { pseudonym: 'P-05', text: 'My battery and screen are both good, call me at [phone]' },
    ]);
  });

  it('does not escape HTML (rendering does)', () => {
    expect(representativeQuotes([{ pseudonym: 'P-01', text: '<script>alert(1)</script> great battery life' }], ['battery'])[0].text).toBe(
      '<script>alert(1)</script> great battery life',
    );
  });

  it('ties on length: by pseudonym, then text; input order does not matter', () => {
    const tied: Answer[] = [
      { pseudonym: 'P-02', text: 'battery is bad' },
      { pseudonym: 'P-01', text: 'battery is fab' },
      { pseudonym: 'P-01', text: 'battery is bad' },
    ];
    expect(representativeQuotes(tied, ['battery'])).toEqual([{ pseudonym: 'P-01', text: 'battery is bad' }]);
    expect(representativeQuotes([...tied].reverse(), ['battery'])).toEqual([{ pseudonym: 'P-01', text: 'battery is bad' }]);
  });

  it('identical texts are quoted once', () => {
    const same: Answer[] = [
      { pseudonym: 'P-01', text: 'Battery life is great' },
      { pseudonym: 'P-02', text: 'battery life is great' },
    ];
    expect(representativeQuotes(same, ['battery', 'life'])).toHaveLength(1);
  });

  it('phrases, limit, unknown terms, long answers', () => {
    expect(representativeQuotes(answers, ['battery life', 'nothing', 'screen'])).toEqual([{ pseudonym: 'P-06', text: 'Screen is sharp.' }]);
    expect(representativeQuotes(answers, ['battery', 'screen'], { limit: 1 })).toHaveLength(1);
    expect(representativeQuotes(answers, ['battery'], { limit: 0 })).toEqual([]);
    const long = [{ pseudonym: 'P-07', text: `battery ${'very long answer '.repeat(40)}` }];
    const [quote] = representativeQuotes(long, ['battery'], { maxLength: 40 });
    expect([...quote.text].length).toBeLessThanOrEqual(40);
    expect(quote.text.endsWith('…')).toBe(true);
  });
});

describe('analyseAnswers', () => {
  it('terms, phrases and quotes for the top terms', () => {
    const answers: Answer[] = [
      { pseudonym: 'P-01', text: 'Battery life is short.' },
      { pseudonym: 'P-02', text: 'I love the battery life' },
      { pseudonym: 'P-03', text: 'Screen: too dim' },
    ];
    expect(analyseAnswers(answers, { top: 2, quotes: 1 })).toEqual({
      terms: [
        { term: 'battery', n: 2 },
        { term: 'life', n: 2 },
      ],
      phrases: [{ phrase: 'battery life', n: 2 }], // "love the battery": a stop word in between
      quotes: [{ pseudonym: 'P-01', text: 'Battery life is short.' }],
    });
  });
});

describe('alphabetical', () => {
  it('is a total order', () => {
    expect(['b', 'é', 'e', 'a', 'E'].sort(alphabetical)).toEqual(['a', 'b', 'e', 'E', 'é']);
    expect(alphabetical('x', 'x')).toBe(0);
  });
});
