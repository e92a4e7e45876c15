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
 */
export class MailTemplates {
  private readonly templates = new Map<string, CompiledTemplate>();

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
    const source = raw.replace(/\r\n/g, '\n'); // a checkout with Windows line endings
    const sep = source.indexOf('\n---\n');
    if (sep < 0) throw new Error(`mail template ${name}.${locale}: expected "subject\\n---\\nbody"`);
    const options = { strict: true, noEscape: true } as const;
    this.templates.set(`${name}.${locale}`, {
      subject: Handlebars.compile(source.slice(0, sep).trim(), options),
      body: Handlebars.compile(source.slice(sep + 5), options),
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
