import { createFileRoute } from '@tanstack/react-router';
import { LoginPage } from '../pages/LoginPage';
import { nextSearch } from '../session/next';

export const Route = createFileRoute('/login')({
  validateSearch: nextSearch,
  component: function Login() {
    const { next } = Route.useSearch();
    return <LoginPage next={next} />;
  },
});
