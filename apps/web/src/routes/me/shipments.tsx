import { createFileRoute } from '@tanstack/react-router';
import { ShipmentsPage } from '../../areas/me/shipments/ShipmentsPage';

export const Route = createFileRoute('/me/shipments')({ component: ShipmentsPage });
