import { createFileRoute } from '@tanstack/react-router';
import { AssignmentsList } from '../../../areas/me/assignments/AssignmentsList';

export const Route = createFileRoute('/me/assignments/')({ component: AssignmentsList });
