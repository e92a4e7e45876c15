import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import { createTestI18n } from '../../../i18n/testing';
import { SessionProvider } from '../../../session/session';
import { userFiltersOf, usersQueryOf, type AdminApi, type AdminUser, type UserFilters } from '../api';
import { UsersPage } from './UsersPage';

// jsdom has no CSS.escape; React Aria's modal reads a <meta> with it
const css = ((globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ??= {});
css.escape ??= (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

/** the fake answers asynchronously, like the network */
const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const ME = { id: 'u-admin', email: 'admin@panel.example', role: 'admin' as const };

function user(over: Partial<AdminUser> = {}): AdminUser {
  return {
    id: 'u1',
    email: 'rita@panel.example',
    role: 'researcher',
    brandId: null,
    status: 'active',
    mustChangePassword: false,
    lastLoginAt: '2026-11-30T09:15:00.000Z',
    createdAt: '2026-11-01T09:15:00.000Z',
    ...over,
  };
}

function fakeApi(users: AdminUser[]): AdminApi & { [K in keyof AdminApi]: ReturnType<typeof vi.fn> } {
  return {
    listUsers: vi.fn(async () => {
      await network();
      return { items: users.map((u) => ({ ...u })), nextCursor: null };
    }),
    createUser: vi.fn(async (body: { email: string; role: AdminUser['role'] }) => {
      await network();
      return user({ id: 'new', email: body.email, role: body.role });
    }),
    setStatus: vi.fn(async (id: string, status: 'active' | 'disabled') => {
      await network();
      const u = users.find((x) => x.id === id)!;
      u.status = status;
      return { ...u };
    }),
    sendReset: vi.fn(() => network()),
    listBrands: vi.fn(() =>
      Promise.resolve({
        items: [{ id: 'b1', name: 'Acme Bikes', slug: 'acme-bikes', createdAt: '2026-01-01T00:00:00.000Z' }],
        nextCursor: null,
      }),
    ),
    createBrand: vi.fn(),
  } as never;
}

function Harness({ api, initial, onChange }: { api: AdminApi; initial: UserFilters; onChange?: (f: UserFilters) => void }) {
  const [filters, setFilters] = useState(initial);
  return (
    <UsersPage
      api={api}
      filters={filters}
      onFiltersChange={(f) => {
        onChange?.(f);
        setFilters(f);
      }}
    />
  );
}

function renderPage(api: AdminApi, initial: UserFilters = {}, onChange?: (f: UserFilters) => void) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={createTestI18n('en')}>
        <SessionProvider initial={{ status: 'signed-in', user: ME }}>
          <Harness api={api} initial={initial} onChange={onChange} />
        </SessionProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('users filters', () => {
  it('builds the GET /users query from the filters set, with the page cursor', () => {
    expect(usersQueryOf({})).toEqual({ limit: 25 });
    expect(usersQueryOf({ role: 'brand', brandId: 'b1', status: 'disabled', q: 'acme' }, 'c2')).toEqual({
      limit: 25,
      role: 'brand',
      brandId: 'b1',
      status: 'disabled',
      q: 'acme',
      cursor: 'c2',
    });
  });

  it('reads the filters back from the URL and drops what is not a filter', () => {
    expect(userFiltersOf({ role: 'researcher', status: 'nope', q: '  rita ', brandId: '' })).toEqual({
      role: 'researcher',
      brandId: undefined,
      status: undefined,
      q: 'rita',
    });
  });

  it('asks the API with the chosen role, and with the search once typing pauses', async () => {
    const api = fakeApi([user()]);
    const changes: UserFilters[] = [];
    renderPage(api, {}, (f) => changes.push(f));
    await screen.findByText('rita@panel.example');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'researcher');
    await waitFor(() => expect(api.listUsers).toHaveBeenLastCalledWith({ limit: 25, role: 'researcher' }));
    await userEvent.type(screen.getByLabelText('Search by e-mail'), 'rit');
    // debounced: one change for the whole word, not one per key
    await waitFor(() => expect(api.listUsers).toHaveBeenLastCalledWith({ limit: 25, role: 'researcher', q: 'rit' }));
    expect(changes.filter((c) => c.q)).toEqual([{ role: 'researcher', q: 'rit' }]);
  });

  it('loads the next page with the cursor on "Show more"', async () => {
    const api = fakeApi([]);
    api.listUsers
      .mockResolvedValueOnce({ items: [user()], nextCursor: 'c2' })
      .mockResolvedValueOnce({ items: [user({ id: 'u2', email: 'bob@panel.example' })], nextCursor: null });
    renderPage(api);
    await screen.findByText('rita@panel.example');
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('bob@panel.example');
    expect(api.listUsers).toHaveBeenLastCalledWith({ limit: 25, cursor: 'c2' });
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});

describe('create a user', () => {
  it('requires a brand for a brand user', async () => {
    const api = fakeApi([user()]);
    renderPage(api);
    await screen.findByText('rita@panel.example');
    await userEvent.click(screen.getByRole('button', { name: 'Create a user' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('E-mail address'), 'brand@acme.example');
    await userEvent.selectOptions(within(dialog).getByLabelText('Role'), 'brand');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the user' }));
    expect(await within(dialog).findByText('Choose the brand this user belongs to.')).toBeTruthy();
    expect(api.createUser).not.toHaveBeenCalled();
    await userEvent.selectOptions(within(dialog).getByLabelText('Brand'), 'b1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the user' }));
    await waitFor(() => expect(api.createUser).toHaveBeenCalledTimes(1));
    const body = api.createUser.mock.calls[0]![0] as { email: string; password: string; role: string; brandId: string };
    expect(body).toMatchObject({ email: 'brand@acme.example', role: 'brand', brandId: 'b1' });
    expect(body.password.length).toBeGreaterThanOrEqual(16);
    expect(await screen.findByText('brand@acme.example can now sign in with the temporary password.')).toBeTruthy();
  });

  it('puts the server’s 409 (e-mail taken) on the e-mail field', async () => {
    const api = fakeApi([user()]);
    api.createUser.mockRejectedValue(
      new ApiError(409, {
        type: 'urn:leadpanel:problem:conflict',
        title: 'Conflict',
        status: 409,
        detail: 'email already used',
        requestId: 'r1',
      }),
    );
    renderPage(api);
    await screen.findByText('rita@panel.example');
    await userEvent.click(screen.getByRole('button', { name: 'Create a user' }));
    const dialog = await screen.findByRole('dialog');
    const email = within(dialog).getByLabelText('E-mail address');
    await userEvent.type(email, 'rita@panel.example');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the user' }));
    expect(await within(dialog).findByText('A user with this e-mail address already exists.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('disable and reset', () => {
  it('disables only after the confirmation, with PATCH status disabled', async () => {
    const api = fakeApi([user()]);
    renderPage(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Disable rita@panel.example' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/signed out everywhere at once/)).toBeTruthy();
    expect(api.setStatus).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disable and sign out' }));
    await waitFor(() => expect(api.setStatus).toHaveBeenCalledWith('u1', 'disabled'));
    expect(await screen.findByText('rita@panel.example is disabled and signed out everywhere.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Re-enable rita@panel.example' })).toBeTruthy();
  });

  it('cancelling the confirmation changes nothing', async () => {
    const api = fakeApi([user()]);
    renderPage(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Disable rita@panel.example' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(api.setStatus).not.toHaveBeenCalled();
  });

  it('offers no disable on your own row', async () => {
    const api = fakeApi([user(), user({ id: ME.id, email: ME.email, role: 'admin' })]);
    renderPage(api);
    await screen.findByText(ME.email);
    expect(screen.getByRole('button', { name: 'Disable rita@panel.example' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: `Disable ${ME.email}` })).toBeNull();
  });

  it('sends a password reset to the user’s e-mail and says so', async () => {
    const api = fakeApi([user()]);
    renderPage(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Send a password reset to rita@panel.example' }));
    await waitFor(() => expect(api.sendReset).toHaveBeenCalledWith('rita@panel.example'));
    expect(await screen.findByText('A password reset e-mail was sent to rita@panel.example.')).toBeTruthy();
  });
});

describe('brands beyond the first page (GET /brands, 100 a page)', () => {
  const brand = (i: number) => ({ id: `b${i}`, name: `Brand ${i}`, slug: `brand-${i}`, createdAt: '2026-01-01T00:00:00.000Z' });
  const pagedBrands = (api: ReturnType<typeof fakeApi>) =>
    api.listBrands.mockImplementation(async (cursor?: string) => {
      await network();
      return cursor === 'c101'
        ? { items: [brand(101)], nextCursor: null }
        : { items: Array.from({ length: 100 }, (_, i) => brand(i + 1)), nextCursor: 'c101' };
    });

  it('reaches the 101st brand in the filter with "More brands", through the cursor', async () => {
    const api = fakeApi([user()]);
    pagedBrands(api);
    const changes: UserFilters[] = [];
    renderPage(api, {}, (f) => changes.push(f));
    await screen.findByText('rita@panel.example');
    const filter = screen.getByRole('search');
    const select = within(filter).getByLabelText('Brand');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(101));
    expect(within(select).queryByRole('option', { name: 'Brand 101' })).toBeNull();
    await userEvent.click(within(filter).getByRole('button', { name: 'More brands (100 listed)' }));
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Brand 101' })).toBeTruthy());
    expect(api.listBrands).toHaveBeenLastCalledWith('c101');
    // the last page read: no more button, and the focus is back on the select
    expect(within(filter).queryByRole('button', { name: /More brands/ })).toBeNull();
    expect(document.activeElement).toBe(select);
    await userEvent.selectOptions(select, 'b101');
    expect(changes.at(-1)).toEqual({ brandId: 'b101' });
  });

  it('creates a brand user of the 101st brand', async () => {
    const api = fakeApi([user()]);
    pagedBrands(api);
    renderPage(api);
    await screen.findByText('rita@panel.example');
    await userEvent.click(screen.getByRole('button', { name: 'Create a user' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('E-mail address'), 'brand@b101.example');
    await userEvent.selectOptions(within(dialog).getByLabelText('Role'), 'brand');
    await userEvent.click(within(dialog).getByRole('button', { name: 'More brands (100 listed)' }));
    await userEvent.selectOptions(within(dialog).getByLabelText('Brand'), await within(dialog).findByRole('option', { name: 'Brand 101' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the user' }));
    await waitFor(() => expect(api.createUser).toHaveBeenCalledTimes(1));
    expect(api.createUser.mock.calls[0]![0]).toMatchObject({ email: 'brand@b101.example', role: 'brand', brandId: 'b101' });
  });

  it('keeps a brand filter from the URL that is beyond the first page, and names the brands not read yet as such', async () => {
    const api = fakeApi([user({ role: 'brand', brandId: 'b101' })]);
    pagedBrands(api);
    renderPage(api, { brandId: 'b101' });
    await screen.findByText('rita@panel.example');
    const select = within(screen.getByRole('search')).getByLabelText('Brand') as HTMLSelectElement;
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(102));
    expect(select.value).toBe('b101');
    expect(select.selectedOptions[0]!.textContent).toBe('A brand not listed yet');
    expect(screen.getByRole('cell', { name: 'A brand not listed yet' })).toBeTruthy();
    await userEvent.click(within(screen.getByRole('search')).getByRole('button', { name: 'More brands (100 listed)' }));
    await waitFor(() => expect(select.selectedOptions[0]!.textContent).toBe('Brand 101'));
    expect(screen.getByRole('cell', { name: 'Brand 101' })).toBeTruthy();
  });
});
