import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../i18n';
import { createTestI18n } from '../../../i18n/testing';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import type { DiscussionApi, Post, Round } from './api';
import { RoundView } from './RoundView';

const HOUR = 3_600_000;
const ROUND = 'a0000000-0000-4000-8000-000000000001';

function round(over: Partial<Round> = {}): Round {
  const now = Date.now();
  return {
    id: ROUND,
    studyId: 's1',
    title: 'Morning routines',
    prompt: 'How do you start your day?',
    mode: 'open',
    opensAt: new Date(now - HOUR).toISOString(),
    closesAt: new Date(now + 48 * HOUR).toISOString(),
    state: 'open',
    hasPosted: false,
    createdAt: new Date(now - 2 * HOUR).toISOString(),
    ...over,
  };
}

let seq = 0;
function post(over: Partial<Post> = {}): Post {
  seq += 1;
  return {
    id: `p${seq}`,
    roundId: ROUND,
    parentId: null,
    kind: 'comment',
    body: `Post number ${seq}`,
    author: { role: 'panellist', pseudonym: `P-0${seq}` },
    mine: false,
    likes: 0,
    likedByMe: false,
    replyCount: 0,
    pinned: false,
    createdAt: new Date(Date.now() - (100 - seq) * 60_000).toISOString(),
    editedAt: null,
    ...over,
  };
}

const postFirstProblem = { type: 'urn:leadpanel:problem:post-first', title: 'Forbidden', status: 403, detail: 'post first' };

/** An in-memory API that behaves like the real one for one panellist (gate, pinned filter, likes). */
function fakeApi(r: Round, posts: Post[], replies: Record<string, Post[]> = {}) {
  const state = { hasPosted: r.hasPosted === true };
  const api = {
    rounds: vi.fn(() => Promise.resolve({ items: [r], nextCursor: null })),
    round: vi.fn(() => Promise.resolve({ ...r, hasPosted: state.hasPosted })),
    posts: vi.fn(async (_id: string, q: { pinned: boolean }) => {
      await network();
      if (r.mode === 'post_first' && !state.hasPosted) throw postFirstProblem;
      return { items: posts.filter((p) => p.pinned === q.pinned), nextCursor: null };
    }),
    replies: vi.fn((id: string) => Promise.resolve({ items: [...(replies[id] ?? [])], nextCursor: null })),
    write: vi.fn(async (_id: string, input: { body: string; kind?: 'comment' | 'idea'; parentId?: string }) => {
      await network();
      const p = post({
        body: input.body,
        kind: input.kind ?? 'comment',
        parentId: input.parentId ?? null,
        mine: true,
        author: { role: 'panellist', pseudonym: 'P-99' },
      });
      if (input.parentId) (replies[input.parentId] ??= []).push(p);
      else {
        posts.push(p);
        state.hasPosted = true;
      }
      return p;
    }),
    like: vi.fn((id: string, on: boolean) => Promise.resolve({ likes: (posts.find((p) => p.id === id)?.likes ?? 0) + (on ? 1 : 0) })),
  } satisfies DiscussionApi;
  return api;
}

function renderView(ui: ReactNode, lang: Language = 'en') {
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

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** the fake answers asynchronously, like the network */
const network = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('RoundView: post-first gate', () => {
  it('explains the gate and shows the composer first, without requesting the posts; after posting, the posts appear', async () => {
    const others = [post({ body: 'I run before breakfast.' }), post({ body: 'Coffee, then e-mails.', pinned: true })];
    const api = fakeApi(round({ mode: 'post_first' }), others);
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);

    expect(await screen.findByRole('heading', { level: 2, name: en.rounds.gate.title })).toBeTruthy();
    expect(screen.getByText(en.rounds.gate.body)).toBeTruthy();
    const box = screen.getByRole('textbox', { name: en.rounds.composer.label });
    expect(screen.queryByRole('heading', { name: en.rounds.discussion })).toBeNull();
    expect(screen.queryByText('I run before breakfast.')).toBeNull();
    expect(api.posts).not.toHaveBeenCalled();

    await userEvent.type(box, '  Tea and a walk.  ');
    await userEvent.click(screen.getByRole('button', { name: en.rounds.composer.send }));

    expect(await screen.findByText('I run before breakfast.')).toBeTruthy();
    expect(api.write).toHaveBeenCalledWith(ROUND, { body: 'Tea and a walk.', kind: 'comment' });
    expect(screen.getByText('Coffee, then e-mails.')).toBeTruthy();
    expect(screen.getByText('Tea and a walk.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: en.rounds.gate.title })).toBeNull();
  });

  it('treats a 403 post-first from the list as the gate (the round said otherwise)', async () => {
    const r = round({ mode: 'post_first', hasPosted: true });
    const api = fakeApi(r, [post({ body: 'Hidden behind the gate' })]);
    api.posts.mockRejectedValue(postFirstProblem);
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);
    expect(await screen.findByRole('heading', { level: 2, name: en.rounds.gate.title })).toBeTruthy();
    expect(screen.queryByText('Hidden behind the gate')).toBeNull();
    expect(screen.getByRole('textbox', { name: en.rounds.composer.label })).toBeTruthy();
  });

  it('speaks French', async () => {
    renderView(<RoundView roundId={ROUND} studyId="s1" api={fakeApi(round({ mode: 'post_first' }), [])} />, 'fr');
    expect(await screen.findByRole('heading', { level: 2, name: 'Donnez d’abord votre avis' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: fr.rounds.composer.label })).toBeTruthy();
    expect(screen.getByRole('radio', { name: fr.rounds.composer.idea })).toBeTruthy();
  });
});

describe('RoundView: the posts', () => {
  it('puts pinned posts first, marks ideas with their status and my own posts, and never shows a hidden post', async () => {
    const posts = [
      post({ body: 'Oldest comment' }),
      post({ body: 'An idea of mine', kind: 'idea', ideaStatus: 'under_review', mine: true }),
      post({ body: 'Removed by a moderator', hidden: true }),
      post({ body: 'Welcome from the team', pinned: true, author: { role: 'researcher' } }),
    ];
    renderView(<RoundView roundId={ROUND} studyId="s1" api={fakeApi(round({ hasPosted: true }), posts)} />);
    await screen.findByText('Oldest comment');
    const items = screen.getAllByTestId('post');
    expect(items.map((li) => within(li).getByText(/^(Oldest comment|An idea of mine|Welcome from the team)$/).textContent)).toEqual([
      'Welcome from the team',
      'Oldest comment',
      'An idea of mine',
    ]);
    expect(within(items[0]).getByText(en.rounds.post.pinned)).toBeTruthy();
    expect(within(items[0]).getByText(en.rounds.post.researcher)).toBeTruthy();
    expect(within(items[2]).getByText(`${en.rounds.post.idea} · ${en.rounds.idea.under_review}`)).toBeTruthy();
    expect(within(items[2]).getByText(en.rounds.post.mine)).toBeTruthy();
    expect(within(items[1]).queryByText(en.rounds.post.mine)).toBeNull();
    expect(screen.queryByText('Removed by a moderator')).toBeNull();
    // nobody likes their own post: a count, no button
    expect(within(items[2]).queryByRole('button', { name: /^Like/ })).toBeNull();
  });

  it('shows the replies under their post and sends a reply to it', async () => {
    const parent = post({ body: 'Parent post', replyCount: 1 });
    const api = fakeApi(round({ hasPosted: true }), [parent], { [parent.id]: [post({ body: 'A first reply', parentId: parent.id })] });
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: '1 reply' }));
    const thread = await screen.findByRole('list', { name: /Replies to/ });
    expect(within(thread).getByText('A first reply')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: en.rounds.composer.replyLabel }), 'Me too');
    await userEvent.click(screen.getByRole('button', { name: en.rounds.composer.sendReply }));
    await waitFor(() => expect(api.write).toHaveBeenCalledWith(ROUND, { body: 'Me too', parentId: parent.id }));
    expect(await screen.findByText('Me too')).toBeTruthy();
  });

  it('likes at once (optimistic), then keeps the count the API answers', async () => {
    const target = post({ body: 'Likeable', likes: 2 });
    const api = fakeApi(round({ hasPosted: true }), [target]);
    const answer = deferred<{ likes: number }>();
    api.like.mockReturnValueOnce(answer.promise);
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);
    const button = await screen.findByRole('button', { name: 'Like (2 likes)' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(button);
    const pressed = await screen.findByRole('button', { name: 'Like (3 likes)' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    expect(api.like).toHaveBeenCalledWith(target.id, true);
    answer.resolve({ likes: 7 });
    expect(await screen.findByRole('button', { name: 'Like (7 likes)' })).toBeTruthy();
  });

  it('rolls the like back when the API refuses it, and says so', async () => {
    const target = post({ body: 'Likeable', likes: 2 });
    const api = fakeApi(round({ hasPosted: true }), [target]);
    const answer = deferred<{ likes: number }>();
    api.like.mockReturnValueOnce(answer.promise);
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Like (2 likes)' }));
    expect((await screen.findByRole('button', { name: 'Like (3 likes)' })).getAttribute('aria-pressed')).toBe('true');
    answer.reject({ type: 'urn:leadpanel:problem:round-not-open', title: 'Conflict', status: 409, detail: 'closed' });
    const back = await screen.findByRole('button', { name: 'Like (2 likes)' });
    expect(back.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('alert').textContent).toBe(en.rounds.post.likeFailed);
  });
});

describe('RoundView: the composer', () => {
  it('refuses an empty message before sending, with the reason on the field', async () => {
    const api = fakeApi(round(), []);
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);
    await userEvent.type(await screen.findByRole('textbox', { name: en.rounds.composer.label }), '   ');
    await userEvent.click(screen.getByRole('button', { name: en.rounds.composer.send }));
    expect(await screen.findByText(en.rounds.errors.blank)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: en.rounds.composer.label }).getAttribute('aria-invalid')).toBe('true');
    expect(api.write).not.toHaveBeenCalled();
  });

  it('counts the characters and sends an idea when chosen', async () => {
    const api = fakeApi(round(), []);
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);
    await userEvent.type(await screen.findByRole('textbox', { name: en.rounds.composer.label }), 'A 🚲 rack');
    expect(screen.getByText('8 / 10,000 characters')).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: en.rounds.composer.idea }));
    await userEvent.click(screen.getByRole('button', { name: en.rounds.composer.send }));
    await waitFor(() => expect(api.write).toHaveBeenCalledWith(ROUND, { body: 'A 🚲 rack', kind: 'idea' }));
  });

  it('shows an error from the API on the field, in the user’s language, and keeps the text', async () => {
    const api = fakeApi(round(), []);
    api.write.mockRejectedValueOnce({
      type: 'urn:leadpanel:problem:round-not-open',
      title: 'Conflict',
      status: 409,
      detail: 'The round closed at …',
    });
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />, 'fr');
    const box = await screen.findByRole('textbox', { name: fr.rounds.composer.label });
    await userEvent.type(box, 'Mon avis');
    await userEvent.click(screen.getByRole('button', { name: fr.rounds.composer.send }));
    // Testing Library collapses the no-break spaces of the French text
    expect(await screen.findByText(fr.rounds.errors.notOpen.replace(/\s+/g, ' '))).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('Mon avis');
  });
});

describe('RoundView: scheduled and closed rounds', () => {
  it('says when a scheduled round opens, with no composer and no posts requested', async () => {
    const api = fakeApi(round({ state: 'scheduled', opensAt: '2030-03-04T09:00:00.000Z', closesAt: '2030-03-10T09:00:00.000Z' }), [post()]);
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);
    expect(await screen.findByText(/^Opens on March 4, 2030/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(api.posts).not.toHaveBeenCalled();
  });

  it('says when a closed round closed, shows its posts, with no composer and no like button', async () => {
    const api = fakeApi(
      round({ state: 'closed', opensAt: '2024-01-02T09:00:00.000Z', closesAt: '2024-01-09T09:00:00.000Z', hasPosted: true }),
      [post({ body: 'An old view', likes: 3 })],
    );
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />, 'fr');
    expect(await screen.findByText(/^Terminée le 9 janvier 2024/)).toBeTruthy();
    expect(await screen.findByText('An old view')).toBeTruthy();
    expect(screen.getByText('3 mentions J’aime')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /J’aime/ })).toBeNull();
  });

  it('keeps a closed post-first round shut for someone who never posted', async () => {
    const api = fakeApi(round({ mode: 'post_first', state: 'closed' }), [post({ body: 'Not for you' })]);
    renderView(<RoundView roundId={ROUND} studyId="s1" api={api} />);
    expect(await screen.findByText(en.rounds.gate.closed)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(api.posts).not.toHaveBeenCalled();
  });
});
