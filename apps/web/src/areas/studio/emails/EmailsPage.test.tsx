import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import type { Language } from '../../../i18n';
import { renderPage } from '../../me/testing';
import type { Email, EmailsApi, EmailStatusFilter } from './api';
import { EmailsPage } from './EmailsPage';

const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function email(over: Partial<Email> = {}): Email {
  return {
    id: 'e1',
    to: 'lea@example.test',
    template: 'study-invitation',
    locale: 'fr',
    status: 'failed',
    attempts: 5,
    lastError: '550 5.1.1 mailbox unavailable',
    createdAt: '2026-12-06T09:00:00.000Z',
    sentAt: null,
    ...over,
  };
}

function fakeApi(items: Email[]) {
  return {
    list: vi.fn(async () => {
      await network();
      return { items, nextCursor: null };
    }),
    retry: vi.fn(async (id: string) => {
      await network();
      return { ...items.find((e) => e.id === id)!, status: 'pending' as const };
    }),
  } satisfies Record<keyof EmailsApi, unknown>;
}

function show(api: ReturnType<typeof fakeApi>, lang: Language, initial: EmailStatusFilter = 'failed') {
  function Harness() {
    const [status, setStatus] = useState(initial);
    return <EmailsPage api={api as unknown as EmailsApi} status={status} onStatusChange={setStatus} />;
  }
  return renderPage(Harness, lang);
}

describe('failed e-mails', () => {
  it('lists the failed e-mails with the relay’s answer, and a retry updates the row', async () => {
    const api = fakeApi([email(), email({ id: 'e2', to: 'hugo@example.test' })]);
    show(api, 'en');
    const row = (await screen.findByRole('rowheader', { name: 'lea@example.test' })).closest('tr')!;
    expect(within(row).getByText('550 5.1.1 mailbox unavailable')).toBeTruthy();
    expect(within(row).getByText('Failed')).toBeTruthy();
    expect(api.list).toHaveBeenCalledWith({ status: 'failed', limit: 50 });
    await userEvent.click(within(row).getByRole('button', { name: 'Retry the e-mail to lea@example.test' }));
    await waitFor(() => expect(api.retry).toHaveBeenCalledWith('e1'));
    expect(await screen.findByText('The e-mail to lea@example.test is queued again.')).toBeTruthy();
    expect(within(row).getByText('Pending')).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    // the other row is untouched
    const other = screen.getByRole('rowheader', { name: 'hugo@example.test' }).closest('tr')!;
    expect(within(other).getByRole('button', { name: 'Retry the e-mail to hugo@example.test' })).toBeTruthy();
  });

  it('says when the e-mail was no longer failed (409), in French', async () => {
    const api = fakeApi([email()]);
    api.retry.mockRejectedValueOnce(
      new ApiError(409, { type: 'urn:leadpanel:problem:email-not-failed', title: 'Conflict', status: 409, detail: 'x', requestId: 'r' }),
    );
    show(api, 'fr');
    await userEvent.click(await screen.findByRole('button', { name: 'Réessayer l’e-mail à lea@example.test' }));
    expect(await screen.findByText('L’e-mail à lea@example.test n’est plus en échec (déjà relancé ou envoyé).')).toBeTruthy();
  });

  it('filters by status', async () => {
    const api = fakeApi([]);
    show(api, 'en');
    expect(await screen.findByText('No failed e-mail: everything went out.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'sent');
    await waitFor(() => expect(api.list).toHaveBeenLastCalledWith({ status: 'sent', limit: 50 }));
    expect(await screen.findByText('No e-mail has been sent yet.')).toBeTruthy();
  });
});
