import { createFileRoute } from '@tanstack/react-router';
import { LoginPage } from '../pages/LoginPage';
import { nextSearch } from '../session/next';

// `/` is the sign-in page for staff (a contract: e-mails to staff link here)
export const Route = createFileRoute('/')({
  validateSearch: nextSearch,
  component: function Home() {
    const { next } = Route.useSearch();
    return <LoginPage next={next} />;
  },
});
