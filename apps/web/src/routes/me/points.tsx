import { createFileRoute } from '@tanstack/react-router';
import { PointsPage } from '../../areas/me/points/PointsPage';

export const Route = createFileRoute('/me/points')({ component: PointsPage });
