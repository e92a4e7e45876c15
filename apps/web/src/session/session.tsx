import { createContext, useContext } from 'react';

// STUB (wt-web-me): the "auth" engineer owns src/session/**; the lead keeps their version.
// Same interface as the common brief, so the pages that use it need no change.

export interface User {
  id: string;
  email: string;
  role: string;
  panellistId?: string;
  brandId?: string;
  mustChangePassword?: boolean;
  locale?: string;
}

export interface Session {
  user: User | null;
  status: 'loading' | 'signed-in' | 'signed-out';
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

const signedOut: Session = {
  user: null,
  status: 'signed-out',
  signIn: () => Promise.reject(new Error('session not wired yet')),
  signOut: () => Promise.resolve(),
};

export const SessionContext = createContext<Session>(signedOut);

export function useSession(): Session {
  return useContext(SessionContext);
}
