import { createFileRoute } from '@tanstack/react-router';
import { ForgotPage } from '../pages/ForgotPage';

export const Route = createFileRoute('/forgot')({ component: ForgotPage });
