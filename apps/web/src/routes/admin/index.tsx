import { createFileRoute } from '@tanstack/react-router';
import { AdminHome } from '../../areas/admin/AdminHome';

export const Route = createFileRoute('/admin/')({ component: AdminHome });
