import { createFileRoute } from '@tanstack/react-router';
import { BrandHome } from '../../areas/brand/BrandHome';

export const Route = createFileRoute('/brand/')({ component: BrandHome });
