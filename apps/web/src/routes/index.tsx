import { createFileRoute } from '@tanstack/react-router';
import { LoginPage } from '../pages/LoginPage';

// `/` is the sign-in page for staff (a contract: e-mails to staff link here)
export const Route = createFileRoute('/')({ component: LoginPage });
