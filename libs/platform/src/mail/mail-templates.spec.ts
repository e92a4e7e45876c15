import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { defang, LOCALES, MailTemplates, textToHtml } from './mail-templates';

const HELLO_EN = 'Hello {{name}}\n---\nHi {{name}},\n\nYour study: {{study}}.\nOpen {{link}} to answer.\n\n— Leadpanel\n';
const HELLO_FR = 'Bonjour {{name}}\n---\nBonjour {{name}},\n\nVotre étude : {{study}}.\n';

function templates(): MailTemplates {
  const t = new MailTemplates();
  t.register('hello', 'en', HELLO_EN);
  t.register('hello', 'fr', HELLO_FR);
  return t;
}

const DATA = { name: 'Anna', study: 'Kitchen 2030', link: 'https://panel.example.com/studies/1' };

describe('MailTemplates', () => {
  it('splits a template into its subject line and its plain-text body', () => {
    const mail = templates().render('hello', 'en', DATA);
    expect(mail.subject).toBe('Hello Anna');
    expect(mail.text).toBe('Hi Anna,\n\nYour study: Kitchen 2030.\nOpen https://panel.example.com/studies/1 to answer.\n\n— Leadpanel\n');
  });

  it('renders the locale asked for, and English for a locale it does not have', () => {
    const t = templates();
    expect(t.render('hello', 'fr', DATA).subject).toBe('Bonjour Anna');
    expect(t.render('hello', 'de', DATA).subject).toBe('Hello Anna');
  });

  it('reads a template saved with Windows line endings', () => {
    const t = new MailTemplates();
    t.register('crlf', 'en', 'Hello {{name}}\r\n---\r\nHi {{name}},\r\n\r\nbye\r\n');
    const mail = t.render('crlf', 'en', { name: 'Anna' });
    expect(mail.subject).toBe('Hello Anna');
    expect(mail.text).toBe('Hi Anna,\n\nbye\n');
  });

  it('refuses a template without the subject separator', () => {
    expect(() => new MailTemplates().register('bad', 'en', 'Hello {{name}}\nno separator here\n')).toThrow(/bad\.en/);
  });

  it.each(['name', 'study', 'link'])('is strict: rendering without %s throws instead of sending a blank', (missing) => {
    const data: Record<string, unknown> = { ...DATA };
    delete data[missing];
    expect(() => templates().render('hello', 'en', data)).toThrow(new RegExp(missing));
  });

  it('refuses an unknown template', () => {
    expect(() => templates().render('nope', 'en', DATA)).toThrow(/unknown mail template nope/);
  });

  it('knows a template only once it exists in every locale', () => {
    const t = new MailTemplates();
    t.register('half', 'en', HELLO_EN);
    expect(t.has('half')).toBe(false);
    t.register('half', 'fr', HELLO_FR);
    expect(t.has('half')).toBe(true);
  });

  it('keeps the subject on one line whatever the data holds (no header injection)', () => {
    const mail = templates().render('hello', 'en', { ...DATA, name: 'Anna\r\nBcc: everyone@example.com\n\nBody' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe('Hello Anna Bcc: everyone@example.com Body');
  });

  it('escapes user text in the HTML part: no markup can come from the data', () => {
    const hostile = '<script>alert("x")</script> & <b onclick=\'steal()\'>Co</b>';
    const mail = templates().render('hello', 'en', { ...DATA, name: hostile, study: '<img src=x onerror=alert(1)>' });
    expect(mail.html).not.toMatch(/<script|<img|<b /i);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=&#39;steal()&#39;&gt;Co&lt;/b&gt;');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // the plain-text part is plain text: it is not escaped
    expect(mail.text).toContain(hostile);
  });

  it('turns the plain text into HTML paragraphs with clickable links', () => {
    const mail = templates().render('hello', 'en', { ...DATA, link: 'https://panel.example.com/confirm?token=a1&next=/studies' });
    const href = 'https://panel.example.com/confirm?token=a1&amp;next=/studies';
    expect(mail.html).toContain(`<a href="${href}">${href}</a>`);
    expect(mail.html).toContain('<p>Hi Anna,</p>');
    expect(mail.html).toContain('<p>Your study: Kitchen 2030.<br>Open <a href=');
    expect(mail.html.match(/<p>/g)).toHaveLength(3);
  });
});

describe('textToHtml', () => {
  it.each<[string, string, string]>([
    ['a URL ending a sentence', 'Confirm at https://panel.example.com/confirm?token=abc.', 'https://panel.example.com/confirm?token=abc'],
    ['a URL before a comma', 'Open https://panel.example.com/s/1, then answer', 'https://panel.example.com/s/1'],
    ['a URL in angle brackets', 'Open <https://panel.example.com/s/1> now', 'https://panel.example.com/s/1'],
    ['a URL in quotes', 'Open "https://panel.example.com/s/1" now', 'https://panel.example.com/s/1'],
    ['a URL in parentheses', 'Your panel (https://panel.example.com/s/1) waits', 'https://panel.example.com/s/1'],
    [
      'a URL with parentheses',
      'See https://en.wikipedia.org/wiki/Lead_user_(marketing).',
      'https://en.wikipedia.org/wiki/Lead_user_(marketing)',
    ],
    ['a plain http URL', 'http://localhost:3000', 'http://localhost:3000'],
  ])('links %s without the punctuation around it', (_what, text, href) => {
    const html = textToHtml(text);
    expect(html).toContain(`<a href="${href}">${href}</a>`);
  });

  it('links only http(s) URLs', () => {
    const html = textToHtml('javascript:alert(1) and ftp://files.example.com and mailto:a@example.com');
    expect(html).not.toContain('<a ');
  });

  it('cannot be made to close the href attribute', () => {
    const html = textToHtml('https://evil.example.com/"onmouseover="alert(1)');
    expect(html).not.toContain('"onmouseover');
    expect(html).toContain('&quot;onmouseover=&quot;alert(1)');
  });
});

describe('registerDirectory', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadpanel-templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every <name>.<locale>.hbs and ignores other files', () => {
    writeFileSync(join(dir, 'hello.en.hbs'), HELLO_EN);
    writeFileSync(join(dir, 'hello.fr.hbs'), HELLO_FR);
    writeFileSync(join(dir, 'README.md'), '# not a template');
    writeFileSync(join(dir, 'hello.en.hbs.bak'), 'old');
    const t = new MailTemplates();
    t.registerDirectory(dir);
    expect(t.has('hello')).toBe(true);
    expect(t.render('hello', 'fr', DATA).subject).toBe('Bonjour Anna');
  });

  it('refuses a template that is missing a locale, naming it', () => {
    writeFileSync(join(dir, 'hello.en.hbs'), HELLO_EN);
    writeFileSync(join(dir, 'hello.fr.hbs'), HELLO_FR);
    writeFileSync(join(dir, 'reminder.en.hbs'), 'Reminder\n---\nDo it.\n');
    expect(() => new MailTemplates().registerDirectory(dir)).toThrow(/reminder has no fr version/);
  });

  it('refuses a template with a syntax error when it is rendered', () => {
    writeFileSync(join(dir, 'broken.en.hbs'), 'Hi {{name\n---\nbody\n');
    writeFileSync(join(dir, 'broken.fr.hbs'), 'Salut\n---\ncorps\n');
    const t = new MailTemplates();
    t.registerDirectory(dir);
    expect(() => t.render('broken', 'en', { name: 'Anna' })).toThrow();
  });
});

/**
 * Every template in the repository, rendered in every locale with the variables its
 * sender passes (and `baseUrl`, which MailService adds). A new template fails here
 * until it is listed with its variables.
 */
describe('the real templates', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const EXPECTED_VARIABLES: Record<string, Record<string, unknown>> = {
    // libs/identity: UsersService.createStaff (baseUrl is MailService's default)
    'account-created': { email: 'anna.lead@example.com', role: 'researcher', baseUrl: 'https://panel.example.com' },
    // libs/identity: PasswordService.requestReset
    'password-reset': { email: 'anna.lead@example.com', resetUrl: 'https://panel.example.com/reset?token=q3J9x_Zk-8sT2' },
    // libs/panel: RecruitmentService.apply, when the address already has an account
    'account-exists': {
      campaignTitle: 'Kitchens of 2030',
      loginUrl: 'https://panel.example.com/login',
      forgotUrl: 'https://panel.example.com/forgot',
    },
    // libs/panel: RecruitmentService.apply
    'confirm-email': {
      displayName: 'Anna L.',
      campaignTitle: 'Kitchens of 2030',
      confirmUrl: 'https://panel.example.com/confirm?token=q3J9x_Zk-8sT2',
    },
    // libs/panel: referrals (docs/domain.md: referral links are …/join/<slug>?ref=<code>)
    referral: {
      referrerName: 'Anna L.',
      nomineeName: 'Bruno',
      campaignTitle: 'Kitchens of 2030',
      reason: 'He rebuilt his own sous-vide cooker',
      joinUrl: 'https://panel.example.com/join/kitchens-2030?ref=R7KQ2M',
    },
    // libs/studies: InvitationsService.createWave
    'study-invitation': {
      displayName: 'Anna L.',
      studyTitle: 'Cooking without a kitchen',
      theme: 'compact cooking',
      expiresOn: '2026-12-10',
      invitationsUrl: 'https://panel.example.com/me/invitations',
    },
    // libs/studies: InvitationsService.accept, when a quota cell fills
    'study-cell-full': { displayName: 'Anna L.', studyTitle: 'Cooking without a kitchen' },
    // libs/studies: InvitationsService.remindWave
    'invitation-reminder': {
      displayName: 'Anna L.',
      studyTitle: 'Cooking without a kitchen',
      theme: 'compact cooking',
      expiresOn: '2026-12-10',
      invitationsUrl: 'https://panel.example.com/me/invitations',
    },
    // libs/insights: ReportsService.publish, to the brand's users
    'report-ready': {
      studyTitle: 'Cooking without a kitchen',
      version: 3,
      reportUrl: 'https://panel.example.com/brand/reports/5b1e',
    },
    // libs/home-testing: ShipmentSentJob.tellShipped (the shipment-sent job)
    'shipment-sent': {
      displayName: 'Anna L.',
      productName: 'Kettle K2',
      studyTitle: 'Cooking without a kitchen',
      carrier: 'Colissimo',
      trackingNumber: '6A12345678901',
      shipmentsUrl: 'https://panel.example.com/me/shipments',
    },
    // libs/surveys: AssignmentsService.assign
    'survey-available': {
      displayName: 'Anna L.',
      surveyTitle: 'Kettle week one',
      studyTitle: 'Cooking without a kitchen',
      dueOn: '2026-12-10',
      assignmentsUrl: 'https://panel.example.com/me/assignments',
    },
    // libs/surveys: AssignmentsService.remind (the surveys.reminder job)
    'survey-reminder': {
      displayName: 'Anna L.',
      surveyTitle: 'Kettle week one',
      studyTitle: 'Cooking without a kitchen',
      dueOn: '2026-12-10',
      assignmentsUrl: 'https://panel.example.com/me/assignments',
    },
    // libs/discussions: RoundNotifications.roundOpened (the discussions.round-opened job)
    'round-opened': {
      displayName: 'Anna L.',
      studyTitle: 'Cooking without a kitchen',
      roundTitle: 'Your first coffee',
      prompt: 'Tell us how you make your first coffee of the day.',
      closesAt: '2026-12-10 18:00 UTC',
      roundUrl: 'https://panel.example.com/me/studies/7d0c/rounds/9a1e',
    },
    // libs/discussions: RoundNotifications.remindNonPosters (the discussions.post-first-reminder job)
    'post-first-reminder': {
      displayName: 'Anna L.',
      studyTitle: 'Cooking without a kitchen',
      roundTitle: 'Your first coffee',
      closesAt: '2026-12-10 18:00 UTC',
      roundUrl: 'https://panel.example.com/me/studies/7d0c/rounds/9a1e',
    },
  };

  function findTemplates(): string[] {
    const found: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (['node_modules', 'dist', 'var'].includes(e.name) || e.name.startsWith('.')) continue;
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        // mail templates are <name>.<locale>.hbs in a templates/ folder (other .hbs files, like the report document, are not mail)
        else if (/\.[a-z]{2}\.hbs$/.test(e.name) && basename(d) === 'templates') found.push(p);
      }
    };
    for (const top of ['apps', 'libs']) walk(join(root, top));
    return found;
  }

  const files = findTemplates();
  const names = [...new Set(files.map((f) => /([^/\\]+)\.[a-z]{2}\.hbs$/.exec(f)![1]))].sort();
  const dirs = [...new Set(files.map((f) => dirname(f)))];

  it('finds the templates (the identity ones at least)', () => {
    expect(names).toContain('account-created');
  });

  it.each(files.map((f) => [relative(root, f)]))('%s is named <name>.<locale>.hbs with a known locale', (file) => {
    const m = /\.([a-z]{2})\.hbs$/.exec(file);
    expect(LOCALES as readonly string[]).toContain(m?.[1]);
  });

  const all = new MailTemplates();
  for (const d of dirs) all.registerDirectory(d);

  it.each(names.flatMap((name) => LOCALES.map((locale) => [name, locale])))('%s renders in %s with its variables', (name, locale) => {
    const data = EXPECTED_VARIABLES[name];
    expect(data).toBeDefined(); // list a new template above with the variables its sender passes
    const mail = all.render(name, locale, data);
    expect(mail.subject.length).toBeGreaterThan(0);
    expect(mail.subject.length).toBeLessThanOrEqual(200);
    expect(mail.text.trim().length).toBeGreaterThan(0);
    expect(mail.text).not.toMatch(/\{\{|\}\}/);
    for (const value of Object.values(data)) expect(mail.text + mail.subject).toContain(String(value));
    for (const value of Object.values(data)) {
      if (typeof value === 'string' && /^https?:\/\//.test(value))
        expect(mail.html).toContain(`<a href="${value.replace(/&/g, '&amp;')}">`);
    }
  });

  it.each(names.flatMap((name) => LOCALES.map((locale) => [name, locale])))(
    '%s in %s uses every variable listed for it',
    (name, locale) => {
      const data = EXPECTED_VARIABLES[name] ?? {};
      for (const key of Object.keys(data)) {
        const partial = { ...data };
        delete partial[key];
        expect(() => all.render(name, locale, partial)).toThrow(new RegExp(key));
      }
    },
  );
});

describe('userText: someone else’s free text in a mail', () => {
  const t = new MailTemplates();
  t.register('note', 'en', 'A note for you\n---\nYour colleague wrote:\n\n"{{userText note}}"\n\nOpen {{link}}\n');
  const LINK = 'https://panel.example.com/join/x?ref=abc';

  it.each([
    ['https://evil.example/win?x=1', 'https[:]//evil[.]example/win?x=1'],
    ['HTTP://EVIL.EXAMPLE', 'HTTP[:]//EVIL[.]EXAMPLE'],
    ['www.evil.example', 'www[.]evil[.]example'],
    ['write to boss@evil.example', 'write to boss[at]evil[.]example'],
    ['mailto:boss@evil.example', 'mailto[:]boss[at]evil[.]example'],
    ['javascript:alert(1)', 'javascript[:]alert(1)'],
    ['evil\u200b.example hides a zero-width space', 'evil[.]example hides a zero-width space'],
    ['evil。example', 'evil[.]example'],
  ])('makes %j inert: %j', (input, inert) => {
    expect(defang(input)).toBe(inert);
  });

  it.each(['He rebuilt his own sous-vide cooker.', 'Version 3.5 of it, e.g. the big one; i.e. yes!', '@maker on forums', 'Anna L.'])(
    'leaves ordinary prose as it is: %j',
    (prose) => {
      expect(defang(prose)).toBe(prose);
    },
  );

  it('links the application’s URL but nothing of the user’s text, in either part', () => {
    const mail = t.render('note', 'en', { note: 'see https://evil.example or www.evil.example, mail boss@evil.example', link: LINK });
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toMatch(/https?:\/\/evil|www\.evil|evil\.example|@evil/);
      expect(part).toContain('evil[.]example');
    }
    expect([...mail.html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0])).toEqual([`<a href="${LINK.replace(/&/g, '&amp;')}">`]);
  });

  it('is strict like any variable: a missing one throws', () => {
    expect(() => t.render('note', 'en', { link: LINK })).toThrow(/note/);
  });
});
