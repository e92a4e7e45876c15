import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import { createTestI18n } from '../../../i18n/testing';
import type { AdminApi, Brand } from '../api';
import { BrandsPage } from './BrandsPage';

const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function fakeApi(brands: Brand[]) {
  return {
    listUsers: vi.fn(),
    createUser: vi.fn(),
    setStatus: vi.fn(),
    sendReset: vi.fn(),
    listBrands: vi.fn(async () => {
      await network();
      return { items: brands.map((b) => ({ ...b })), nextCursor: null };
    }),
    createBrand: vi.fn(async (body: { name: string; slug: string }) => {
      await network();
      if (brands.some((b) => b.slug === body.slug))
        throw new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'slug taken', requestId: 'r1' });
      const brand = { id: `b${brands.length + 1}`, ...body, createdAt: '2026-12-01T10:00:00.000Z' };
      brands.push(brand);
      return brand;
    }),
  } satisfies AdminApi;
}

function renderPage(api: AdminApi) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={createTestI18n('fr')}>
        <BrandsPage api={api} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('BrandsPage', () => {
  it('creates a brand, then puts the server’s 409 (slug taken) on the slug field, in French', async () => {
    const api = fakeApi([{ id: 'b1', name: 'Acme', slug: 'acme', createdAt: '2026-11-01T10:00:00.000Z' }]);
    renderPage(api);
    expect(await screen.findByRole('cell', { name: 'acme' })).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Nom'), 'Vélos du Nord');
    await userEvent.type(screen.getByLabelText('Nom court (slug)'), 'Velos Nord');
    await userEvent.click(screen.getByRole('button', { name: 'Créer la marque' }));
    // the pattern is checked before sending
    expect(
      await screen.findByText('Lettres minuscules, chiffres et tirets, par exemple acme-velos.', { selector: '[id$="-error"]' }),
    ).toBeTruthy();
    expect(api.createBrand).not.toHaveBeenCalled();

    const slug = screen.getByLabelText('Nom court (slug)');
    await userEvent.clear(slug);
    await userEvent.type(slug, 'acme');
    await userEvent.click(screen.getByRole('button', { name: 'Créer la marque' }));
    expect(await screen.findByText('Ce nom court est déjà pris.')).toBeTruthy();
    expect(slug.getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(slug);
    await userEvent.type(slug, 'velos-nord');
    await userEvent.click(screen.getByRole('button', { name: 'Créer la marque' }));
    expect(await screen.findByText('La marque Vélos du Nord a été créée.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('cell', { name: 'velos-nord' })).toBeTruthy());
  });
});
