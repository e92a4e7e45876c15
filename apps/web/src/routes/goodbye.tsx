import { createFileRoute } from '@tanstack/react-router';
import { GoodbyePage } from '../pages/GoodbyePage';

export const Route = createFileRoute('/goodbye')({ component: GoodbyePage });
