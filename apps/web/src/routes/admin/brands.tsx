import { createFileRoute } from '@tanstack/react-router';
import { BrandsPage } from '../../areas/admin/brands/BrandsPage';

export const Route = createFileRoute('/admin/brands')({ component: () => <BrandsPage /> });
