import { createFileRoute } from '@tanstack/react-router';
import { MeHome } from '../../areas/me/home/MeHome';

export const Route = createFileRoute('/me/')({ component: MeHome });
