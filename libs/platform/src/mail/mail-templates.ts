import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface CompiledTemplate {
  subject: Handlebars.TemplateDelegate;
  body: Handlebars.TemplateDelegate;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Invisible format characters (zero-width spaces, joiners, direction marks) that could hide a token from `defang`. */
const FORMAT_CHARS = /\p{Cf}/gu;
/** `scheme://` in any scheme, and the schemes mail clients link without slashes. */
const SCHEME = /\b([a-z][a-z0-9+.-]*):(?=\/\/)|\b(mailto|tel|sms|callto|javascript|data|file):/gi;
/** The dot of a host name (`www.evil.example`, `evil。example`): between a letter or digit and a label with a letter. */
const HOST_DOT = /(?<=[\p{L}\p{N}])[.\u3002\uFF0E\uFF61](?=\p{L}[\p{L}\p{N}-])/gu;
/** The `@` of an address: between two non-space characters. */
const AT_SIGN = /(?<=\S)[@\uFF20](?=\S)/gu;

/**
 * Someone's free text made inert for mail clients, which link URLs, bare host names and
 * addresses on their own (in the plain-text part as in the HTML one): the scheme's colon, the
 * dots of host names and the `@` of addresses are bracketed, `https[:]//evil[.]example`,
 * `boss[at]evil[.]example`, as security write-ups quote links. Readable, never clickable, and
 * `textToHtml` finds no URL in it to link. Templates apply it with `{{userText x}}`.
 */
export function defang(text: string): string {
  return text
    .replace(FORMAT_CHARS, '')
    .replace(SCHEME, (_m, a?: string, b?: string) => `${a ?? b}[:]`)
    .replace(HOST_DOT, '[.]')
    .replace(AT_SIGN, '[at]');
}

/** Punctuation (escaped already) after a URL ends the sentence, not the URL: "Confirm at https://…/confirm?token=abc." */
const AFTER_URL = /(?:[.,;:!?)]|&gt;|&quot;|&#39;)+$/;

function link(escapedUrl: string): string {
  let href = escapedUrl.replace(AFTER_URL, '');
  // a closing parenthesis belongs to a URL that opened one: https://en.wikipedia.org/wiki/Lead_user_(marketing)
  if (escapedUrl[href.length] === ')' && href.split('(').length > href.split(')').length) href += ')';
  return `<a href="${href}">${href}</a>${escapedUrl.slice(href.length)}`;
}

/** The HTML part is the escaped text, paragraphs kept and links made clickable: no user text can become markup. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((p) =>
      escapeHtml(p)
        .replace(/https?:\/\/[^\s<]+/g, link)
        .replace(/\n/g, '<br>'),
    );
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36em">${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</body></html>`;
}

/**
 * Mail templates are files `<name>.<locale>.hbs` beside the service that sends them:
 * the first line is the subject, then a line `---`, then the plain-text body.
 * Compiled with `strict: true` (a missing variable is an error, not an empty
 * string). Text is plain, so it is not HTML-escaped; the HTML part escapes it all.
 * Free text someone else typed (a referrer's name and reason) goes through `{{userText x}}`
 * so that no mail client makes a link of it.
 */
export class MailTemplates {
  private readonly templates = new Map<string, CompiledTemplate>();
  /** its own environment: `userText` (someone's free text, defanged) and no global helpers */
  private readonly handlebars = Handlebars.create();

  constructor() {
    // strict mode does not reach a helper's arguments: `register` passes the variable's name along
    this.handlebars.registerHelper('userText', (value: unknown, name: unknown) => {
      if (value === undefined || value === null) throw new Error(`"${String(name)}" not defined`);
      return defang(String(value));
    });
  }

  /** Loads every `*.hbs` in `dir`; each template must exist in every locale. */
  registerDirectory(dir: string): void {
    const names = new Map<string, Set<string>>();
    for (const file of readdirSync(dir)) {
      const m = /^([a-z0-9-]+)\.([a-z]{2})\.hbs$/.exec(file);
      if (!m) continue;
      const [, name, locale] = m;
      this.register(name, locale as Locale, readFileSync(join(dir, file), 'utf8'));
      names.set(name, (names.get(name) ?? new Set()).add(locale));
    }
    for (const [name, locales] of names) {
      for (const l of LOCALES) if (!locales.has(l)) throw new Error(`mail template ${name} has no ${l} version in ${dir}`);
    }
  }

  register(name: string, locale: Locale, raw: string): void {
    const source = raw
      .replace(/\r\n/g, '\n') // a checkout with Windows line endings
      .replace(/\{\{\s*userText\s+([\w.]+)\s*\}\}/g, '{{userText $1 "$1"}}');
    const sep = source.indexOf('\n---\n');
    if (sep < 0) throw new Error(`mail template ${name}.${locale}: expected "subject\\n---\\nbody"`);
    const options = { strict: true, noEscape: true } as const;
    this.templates.set(`${name}.${locale}`, {
      subject: this.handlebars.compile(source.slice(0, sep).trim(), options),
      body: this.handlebars.compile(source.slice(sep + 5), options),
    });
  }

  has(name: string): boolean {
    return LOCALES.every((l) => this.templates.has(`${name}.${l}`));
  }

  render(name: string, locale: string, data: Record<string, unknown>): RenderedMail {
    const t = this.templates.get(`${name}.${locale}`) ?? this.templates.get(`${name}.en`);
    if (!t) throw new Error(`unknown mail template ${name}`);
    // subjects are one line whatever the data holds
    const subject = t
      .subject(data)
      .replace(/[\r\n]+/g, ' ')
      .trim();
    const text = t.body(data).trim() + '\n';
    return { subject, text, html: textToHtml(text) };
  }
}
