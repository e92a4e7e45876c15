import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import type { Language } from '../../../i18n';
import { createTestI18n } from '../../../i18n/testing';
import { fromLocalInput, postsQueryOf, toLocalInput, type Code, type Post, type Round, type RoundsApi } from './api';
import { RoundPage } from './RoundPage';
import { RoundsPage } from './RoundsPage';

// jsdom has no CSS.escape; React Aria's modal reads a <meta> with it
const css = ((globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ??= {});
css.escape ??= (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

/** the fake answers asynchronously, like the network */
const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const HOUR = 3_600_000;

function round(over: Partial<Round> = {}): Round {
  const now = Date.now();
  return {
    id: 'r1',
    studyId: 's1',
    title: 'Morning routines',
    prompt: 'How do you start your day?',
    mode: 'post_first',
    opensAt: new Date(now - HOUR).toISOString(),
    closesAt: new Date(now + 48 * HOUR).toISOString(),
    state: 'open',
    createdAt: new Date(now - 2 * HOUR).toISOString(),
    ...over,
  };
}

function post(over: Partial<Post> = {}): Post {
  return {
    id: 'p1',
    roundId: 'r1',
    parentId: null,
    kind: 'comment',
    body: 'I boil water in a saucepan.',
    author: { role: 'panellist', pseudonym: 'P-01', panellistId: 'pan1' },
    mine: false,
    likes: 2,
    likedByMe: false,
    replyCount: 0,
    pinned: false,
    hidden: false,
    codes: [],
    createdAt: new Date(Date.now() - HOUR).toISOString(),
    editedAt: null,
    ...over,
  };
}

function code(over: Partial<Code> = {}): Code {
  return {
    id: 'c1',
    studyId: 's1',
    name: 'Slow boiling',
    description: null,
    count: 0,
    hiddenCount: 0,
    createdAt: '2026-12-01T00:00:00.000Z',
    ...over,
  };
}

type Fake = RoundsApi & { [K in keyof RoundsApi]: ReturnType<typeof vi.fn> };

/** An in-memory API for one study: its rounds, one round's posts, its code book (counts computed from the posts). */
function fakeApi(rounds: Round[], posts: Post[], codes: Code[] = []): Fake {
  const counted = () => codes.map((c) => ({ ...c, count: posts.filter((p) => p.codes?.some((x) => x.id === c.id)).length }));
  return {
    listRounds: vi.fn(async () => {
      await network();
      return { items: rounds.map((r) => ({ ...r })), nextCursor: null };
    }),
    createRound: vi.fn(async (_s: string, body: { title: string }) => {
      await network();
      const r = round({ id: 'r2', title: body.title });
      rounds.push(r);
      return r;
    }),
    getRound: vi.fn(async (id: string) => {
      await network();
      return rounds.find((r) => r.id === id)!;
    }),
    listPosts: vi.fn(async (_r: string, q: { pinned?: boolean; kind?: string; hidden?: boolean; order?: string }) => {
      await network();
      const items = posts.filter(
        (p) =>
          (q.pinned === undefined || p.pinned === q.pinned) &&
          (!q.kind || p.kind === q.kind) &&
          (q.hidden === undefined || p.hidden === q.hidden),
      );
      // the posts are kept oldest first
      if (q.order === 'newest') items.reverse();
      return { items: items.map((p) => ({ ...p })), nextCursor: null };
    }),
    listReplies: vi.fn(async () => {
      await network();
      return { items: [], nextCursor: null };
    }),
    createPost: vi.fn(async (_r: string, body: { body: string }) => {
      await network();
      const p = post({ id: `p${posts.length + 1}`, body: body.body, author: { role: 'researcher', userId: 'u1' }, mine: true, likes: 0 });
      posts.push(p);
      return p;
    }),
    moderate: vi.fn(async (id: string, body: Partial<Post>) => {
      await network();
      const p = posts.find((x) => x.id === id)!;
      Object.assign(p, body);
      return { ...p };
    }),
    setCodes: vi.fn(async (id: string, codeIds: string[]) => {
      await network();
      const p = posts.find((x) => x.id === id)!;
      p.codes = codes.filter((c) => codeIds.includes(c.id)).map((c) => ({ id: c.id, name: c.name }));
      return { ...p };
    }),
    listCodes: vi.fn(async () => {
      await network();
      return { items: counted(), nextCursor: null };
    }),
    createCode: vi.fn(async (_s: string, body: { name: string }) => {
      await network();
      const c = code({ id: `c${codes.length + 1}`, name: body.name });
      codes.push(c);
      return c;
    }),
  } as never;
}

function renderUi(ui: ReactNode, lang: Language = 'en') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={createTestI18n(lang)}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

const problem = (status: number, type: string, errors?: { field: string; message: string }[]) =>
  new ApiError(status, {
    type: `urn:leadpanel:problem:${type}`,
    title: 'x',
    status,
    detail: 'x',
    requestId: 'r',
    ...(errors ? { errors } : {}),
  });

describe('rounds helpers', () => {
  it('asks the API for the pinned posts or the ideas of a view, with the cursor', () => {
    expect(postsQueryOf('all', 'newest')).toEqual({ limit: 20, order: 'newest' });
    expect(postsQueryOf('pinned', 'oldest', 'c2')).toEqual({ limit: 20, order: 'oldest', pinned: true, cursor: 'c2' });
    expect(postsQueryOf('ideas', 'newest')).toEqual({ limit: 20, order: 'newest', kind: 'idea' });
    expect(postsQueryOf('hidden', 'newest')).toEqual({ limit: 20, order: 'newest', hidden: true });
  });

  it('reads a datetime-local value back as the same instant', () => {
    const d = new Date(2026, 11, 14, 9, 30);
    expect(toLocalInput(d)).toBe('2026-12-14T09:30');
    expect(fromLocalInput('2026-12-14T09:30')).toBe(d.toISOString());
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('create a round', () => {
  it('sends title, prompt, mode and the two dates, then lists the new round', async () => {
    const api = fakeApi([round()], []);
    renderUi(<RoundsPage studyId="s1" api={api} />);
    expect(await screen.findByRole('link', { name: 'Morning routines' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create a round' }));
    const dialog = await screen.findByRole('dialog');
    // nothing typed: said on the fields, nothing sent
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the round' }));
    expect(await within(dialog).findAllByText('This field is required.')).toHaveLength(2);
    expect(api.createRound).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText('Title'), 'Your first hot drink');
    await userEvent.type(within(dialog).getByLabelText('Question asked to participants'), 'What annoys you?');
    await userEvent.selectOptions(within(dialog).getByLabelText('Mode'), 'open');
    const opens = within(dialog).getByLabelText('Opens at');
    const closes = within(dialog).getByLabelText('Closes at');
    // the browser's date-time picker sets the whole value at once
    fireEvent.change(opens, { target: { value: '2030-01-10T09:00' } });
    fireEvent.change(closes, { target: { value: '2030-01-17T18:30' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the round' }));
    await waitFor(() => expect(api.createRound).toHaveBeenCalledTimes(1));
    expect(api.createRound).toHaveBeenCalledWith('s1', {
      title: 'Your first hot drink',
      prompt: 'What annoys you?',
      mode: 'open',
      opensAt: new Date(2030, 0, 10, 9, 0).toISOString(),
      closesAt: new Date(2030, 0, 17, 18, 30).toISOString(),
    });
    expect(await screen.findByRole('link', { name: 'Your first hot drink' })).toBeTruthy();
    expect(screen.getByText('The round “Your first hot drink” is created. Participants receive an e-mail when it opens.')).toBeTruthy();
  }, 15_000);

  it('shows the API’s date rule on the closing date field, in French', async () => {
    const api = fakeApi([], []);
    api.createRound.mockRejectedValue(problem(400, 'validation', [{ field: 'closesAt', message: 'closesAt must be after opensAt' }]));
    renderUi(<RoundsPage studyId="s1" api={api} />, 'fr');
    expect(await screen.findByText('Aucun tour pour l’instant. Créez le premier.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Créer un tour' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Titre'), 'Votre premier café');
    await userEvent.type(within(dialog).getByLabelText('Question posée aux participants'), 'Qu’est-ce qui vous agace ?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer le tour' }));
    expect(await within(dialog).findByText('Le tour doit se clore après son ouverture.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Clôture le').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByLabelText('Ouverture le').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('moderation', () => {
  it('pins, hides and sets an idea’s status, each post showing its new state', async () => {
    const posts = [
      post(),
      post({
        id: 'p2',
        kind: 'idea',
        ideaStatus: 'new',
        body: 'A kettle that starts with my alarm.',
        author: { role: 'panellist', pseudonym: 'P-02' },
      }),
    ];
    const api = fakeApi([round()], posts);
    renderUi(<RoundPage studyId="s1" roundId="r1" api={api} />);
    const first = (await screen.findByText('I boil water in a saucepan.')).closest('article')!;
    await userEvent.click(within(first).getByRole('button', { name: 'Pin the post by P-01' }));
    await waitFor(() => expect(api.moderate).toHaveBeenCalledWith('p1', { pinned: true }));
    expect(await within(first).findByText('Pinned')).toBeTruthy();
    expect(within(first).getByRole('button', { name: 'Unpin the post by P-01' })).toBeTruthy();

    await userEvent.click(within(first).getByRole('button', { name: 'Hide the post by P-01' }));
    await waitFor(() => expect(api.moderate).toHaveBeenLastCalledWith('p1', { hidden: true }));
    expect(await within(first).findByText('Hidden from participants')).toBeTruthy();

    const idea = screen.getByText('A kettle that starts with my alarm.').closest('article')!;
    await userEvent.selectOptions(within(idea).getByLabelText('Status of the idea by P-02'), 'selected');
    await waitFor(() => expect(api.moderate).toHaveBeenLastCalledWith('p2', { ideaStatus: 'selected' }));
    expect(await within(idea).findByText('Idea status: Selected')).toBeTruthy();
  });

  it('lists only the pinned posts in the pinned view', async () => {
    const api = fakeApi([round()], [post(), post({ id: 'p2', pinned: true, body: 'Pinned one' })]);
    renderUi(<RoundPage studyId="s1" roundId="r1" api={api} />);
    await screen.findByText('I boil water in a saucepan.');
    await userEvent.selectOptions(screen.getByLabelText('Posts shown'), 'pinned');
    await waitFor(() => expect(screen.queryByText('I boil water in a saucepan.')).toBeNull());
    expect(screen.getByText('Pinned one')).toBeTruthy();
    expect(api.listPosts).toHaveBeenLastCalledWith('r1', { limit: 20, order: 'newest', pinned: true });
  });

  it('lists the newest first, the oldest first on demand, and the hidden posts alone', async () => {
    const posts = [
      post(),
      post({ id: 'p2', body: 'Second post', author: { role: 'panellist', pseudonym: 'P-02' } }),
      post({ id: 'p3', body: 'Spam', hidden: true }),
    ];
    const api = fakeApi([round()], posts);
    renderUi(<RoundPage studyId="s1" roundId="r1" api={api} />);
    await screen.findByText('Second post');
    const bodies = () => screen.getAllByRole('article').map((a) => a.querySelector('p')!.textContent);
    expect(bodies()).toEqual(['Spam', 'Second post', 'I boil water in a saucepan.']);
    await userEvent.selectOptions(screen.getByLabelText('Order'), 'oldest');
    await waitFor(() => expect(bodies()).toEqual(['I boil water in a saucepan.', 'Second post', 'Spam']));
    await userEvent.selectOptions(screen.getByLabelText('Posts shown'), 'hidden');
    await waitFor(() => expect(bodies()).toEqual(['Spam']));
    expect(api.listPosts).toHaveBeenLastCalledWith('r1', { limit: 20, order: 'oldest', hidden: true });
  });

  it('says why a moderation was refused, on the post', async () => {
    const api = fakeApi([round()], [post()]);
    api.moderate.mockRejectedValue(problem(404, 'not-found'));
    renderUi(<RoundPage studyId="s1" roundId="r1" api={api} />);
    const first = (await screen.findByText('I boil water in a saucepan.')).closest('article')!;
    await userEvent.click(within(first).getByRole('button', { name: 'Hide the post by P-01' }));
    const alert = await within(first).findByRole('alert');
    await waitFor(() => expect(alert.textContent).not.toBe(''));
    expect(within(first).queryByText('Hidden from participants')).toBeNull();
  });

  it('posts as moderator', async () => {
    const api = fakeApi([round()], [post()]);
    renderUi(<RoundPage studyId="s1" roundId="r1" api={api} />);
    await screen.findByText('I boil water in a saucepan.');
    await userEvent.type(screen.getByLabelText('Write to the participants as moderator'), '  Thanks, keep them coming!  ');
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(api.createPost).toHaveBeenCalledWith('r1', { body: 'Thanks, keep them coming!' }));
    expect(await screen.findByText('Thanks, keep them coming!')).toBeTruthy();
    expect(screen.getByText('You (moderator)')).toBeTruthy();
  });
});

describe('code book and tagging', () => {
  it('tags a post with a code from the keyboard-usable checkboxes; the code’s count follows', async () => {
    const api = fakeApi([round()], [post()], [code(), code({ id: 'c2', name: 'Noise' })]);
    renderUi(<RoundPage studyId="s1" roundId="r1" api={api} />);
    const book = await screen.findByRole('list', { name: 'Codes and the number of posts tagged with each' });
    const slow = within(book).getByText('Slow boiling').closest('li')!;
    expect(within(slow).getByLabelText('0 posts')).toBeTruthy();
    const first = screen.getByText('I boil water in a saucepan.').closest('article')!;
    const toggle = within(first).getByRole('button', { name: 'Codes of the post by P-01 (0)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    const picker = within(first).getByRole('group', { name: 'Codes of the post by P-01' });
    await userEvent.click(within(picker).getByRole('checkbox', { name: 'Slow boiling' }));
    await waitFor(() => expect(api.setCodes).toHaveBeenCalledWith('p1', ['c1']));
    expect(await within(first).findByRole('list', { name: 'Codes of the post by P-01' })).toBeTruthy();
    expect(await within(slow).findByLabelText('1 post')).toBeTruthy();
    expect((within(picker).getByRole('checkbox', { name: 'Slow boiling' }) as HTMLInputElement).checked).toBe(true);
    // unticking clears it
    await waitFor(() => expect((within(picker).getByRole('checkbox', { name: 'Slow boiling' }) as HTMLInputElement).disabled).toBe(false));
    await userEvent.click(within(picker).getByRole('checkbox', { name: 'Slow boiling' }));
    await waitFor(() => expect(api.setCodes).toHaveBeenLastCalledWith('p1', []));
    expect(await within(slow).findByLabelText('0 posts')).toBeTruthy();
  });

  it('adds a code, and puts a taken name on the name field (in French)', async () => {
    const api = fakeApi([round()], [post()], [code()]);
    renderUi(<RoundPage studyId="s1" roundId="r1" api={api} />, 'fr');
    await screen.findByText('I boil water in a saucepan.');
    await userEvent.type(screen.getByLabelText('Nom du code'), 'Bruit');
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter le code' }));
    await waitFor(() => expect(api.createCode).toHaveBeenCalledWith('s1', { name: 'Bruit' }));
    const book = await screen.findByRole('list', { name: 'Codes et nombre de messages étiquetés avec chacun' });
    expect(await within(book).findByText('Bruit')).toBeTruthy();

    api.createCode.mockRejectedValueOnce(problem(409, 'conflict'));
    await userEvent.type(screen.getByLabelText('Nom du code'), 'slow boiling');
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter le code' }));
    expect(await screen.findByText('Cette étude a déjà un code de ce nom.')).toBeTruthy();
    expect(screen.getByLabelText('Nom du code').getAttribute('aria-invalid')).toBe('true');
  });
});
