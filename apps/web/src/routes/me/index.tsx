import { createFileRoute } from '@tanstack/react-router';
import { MeHome } from '../../areas/me/MeHome';

export const Route = createFileRoute('/me/')({ component: MeHome });
