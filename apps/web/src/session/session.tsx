/**
 * The browser session: who is signed in, restored on load by one cookie refresh, kept in memory.
 * `useSession()` anywhere inside <SessionProvider>; the area guards are in `guards.tsx`.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionRefresh, refreshSession, setAccessToken, unwrap, WEB_CLIENT_HEADER } from '../api/client';
import {
  authControllerMe,
  browserSessionControllerSignIn,
  browserSessionControllerSignOut,
  meControllerProfile,
} from '../api/generated/sdk.gen';
import type { TokenUserDto } from '../api/generated/types.gen';
import { pickLanguage, rememberLanguage } from '../i18n';

export type Role = TokenUserDto['role'];

export interface User {
  id: string;
  email: string;
  role: Role;
  panellistId?: string;
  brandId?: string;
  mustChangePassword?: boolean;
  /** a panellist's language (their profile): the app switches to it */
  locale?: string;
}

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

export interface SessionSnapshot {
  status: SessionStatus;
  user: User | null;
}

export interface Session extends SessionSnapshot {
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;
  /** Reads /auth/me (and the profile) again, e.g. after a password change cleared mustChangePassword. */
  reload(): Promise<void>;
}

/** The home of each role (where sign-in lands without a `next`). */
export function homeOf(role: Role): '/me' | '/studio' | '/brand' | '/admin' {
  switch (role) {
    case 'panellist':
      return '/me';
    case 'researcher':
      return '/studio';
    case 'brand':
      return '/brand';
    case 'admin':
      return '/admin';
  }
}

/** A tiny store outside React, so that the API client's failed refresh can sign the browser out. */
function createSessionStore(initial: SessionSnapshot) {
  let state = initial;
  const subs = new Set<() => void>();
  return {
    get: () => state,
    set(next: SessionSnapshot) {
      state = next;
      for (const s of subs) s();
    },
    subscribe(fn: () => void) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

/** /auth/me, and for a panellist their profile's locale; the token's user when /auth/me fails. */
async function loadUser(basic: User): Promise<User> {
  let user: User = basic;
  try {
    const me = unwrap(await authControllerMe());
    user = { ...basic, ...me };
  } catch {
    // the token's user is enough to route; the flags come with the next load
  }
  if (user.role === 'panellist') {
    try {
      const profile = unwrap(await meControllerProfile());
      user = { ...user, locale: profile.locale };
    } catch {
      // no profile yet (or not active): the device's language stays
    }
  }
  return user;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Provides the session. Without `initial` it restores the session on mount (one refresh by
 * cookie); tests pass `initial` to start signed in or out without the network.
 */
export function SessionProvider({
  children,
  initial,
  onSignedOut,
}: {
  children: ReactNode;
  initial?: SessionSnapshot;
  /** after an explicit sign-out (the app goes to /login) */
  onSignedOut?: () => void;
}) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const [store] = useState(() => createSessionStore(initial ?? { status: 'loading', user: null }));
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);

  const signedIn = useCallback(
    (user: User) => {
      store.set({ status: 'signed-in', user });
      if (user.locale) {
        const lang = pickLanguage(user.locale);
        // the next page load on this device starts in it: one catalogue, no switch after sign-in
        rememberLanguage(lang);
        if (lang !== i18n.language) void i18n.changeLanguage(lang);
      }
    },
    [store, i18n],
  );

  const signedOut = useCallback(() => {
    const wasSignedIn = store.get().status === 'signed-in';
    setAccessToken(null);
    store.set({ status: 'signed-out', user: null });
    if (wasSignedIn) queryClient.clear();
  }, [store, queryClient]);

  // a refresh that fails anywhere (a 401, then no session) signs out
  useEffect(
    () =>
      onSessionRefresh((session) => {
        if (!session && store.get().status !== 'loading') signedOut();
      }),
    [store, signedOut],
  );

  // restore the session on load: one refresh by cookie (shared if StrictMode mounts twice)
  useEffect(() => {
    if (store.get().status !== 'loading') return;
    let live = true;
    void (async () => {
      const session = await refreshSession();
      if (!live) return;
      if (!session) {
        store.set({ status: 'signed-out', user: null });
        return;
      }
      const user = await loadUser(session.user);
      if (live) signedIn(user);
    })();
    return () => {
      live = false;
    };
  }, [store, signedIn]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = unwrap(await browserSessionControllerSignIn({ body: { email, password }, headers: { ...WEB_CLIENT_HEADER } }));
      setAccessToken(session.accessToken);
      queryClient.clear();
      const user = await loadUser(session.user);
      signedIn(user);
      return user;
    },
    [queryClient, signedIn],
  );

  const signOut = useCallback(async () => {
    try {
      await browserSessionControllerSignOut({ headers: { ...WEB_CLIENT_HEADER } });
    } finally {
      setAccessToken(null);
      onSignedOut?.(); // first: the area's guard must not send to /login?next=… meanwhile
      store.set({ status: 'signed-out', user: null });
      queryClient.clear();
    }
  }, [store, queryClient, onSignedOut]);

  const reload = useCallback(async () => {
    const current = store.get().user;
    if (current) signedIn(await loadUser(current));
  }, [store, signedIn]);

  const value = useMemo<Session>(() => ({ ...state, signIn, signOut, reload }), [state, signIn, signOut, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs <SessionProvider> (App provides it)');
  return session;
}
