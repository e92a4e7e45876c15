import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SurveySummaryDto } from '../../../api/generated';
import { inAWeek } from './AssignDialog';
import { StudySurveysPage } from './StudySurveysPage';
import { fakeSurveysApi, network, renderStudio, survey } from './test-utils';

const summary = (over: Partial<SurveySummaryDto> = {}): SurveySummaryDto => ({
  id: 's1',
  studyId: 'st1',
  kind: 'beta',
  title: 'Kettle week one',
  points: null,
  status: 'published',
  questionCount: 3,
  assigned: 0,
  submitted: 0,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  publishedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

const participant = (n: number) => ({
  id: `pa${n}`,
  panellistId: `${n}0000000-0000-4000-8000-000000000000`,
  status: 'enrolled' as const,
  cells: ['country=FR'],
  invitationId: `i${n}`,
  joinedAt: '2026-11-20T10:00:00.000Z',
});

function pageApi() {
  return fakeSurveysApi(survey(), {
    listSurveys: async () => {
      await network();
      return { items: [summary(), summary({ id: 's2', title: 'Draft ideas', status: 'draft', kind: 'general' })], nextCursor: null };
    },
    assign: async (_id, body) => {
      await network();
      return { assigned: body.panellistIds?.length ?? 3 };
    },
    listParticipants: async () => {
      await network();
      return { items: [participant(1), participant(2), { ...participant(3), status: 'withdrawn' as const }], nextCursor: null };
    },
  });
}

describe('StudySurveysPage', () => {
  it('lists the study’s surveys and assigns a published one to chosen participants with a due date', async () => {
    const user = userEvent.setup({ delay: null });
    const api = pageApi();
    renderStudio(<StudySurveysPage studyId="st1" api={api} />);
    const table = await screen.findByRole('table', { name: 'Surveys of the study, newest first' });
    expect(within(table).getByRole('rowheader', { name: 'Kettle week one' })).toBeTruthy();
    // only a published survey can be assigned
    expect(screen.queryByRole('button', { name: 'Assign Draft ideas' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Assign Kettle week one' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign “Kettle week one”' });
    expect((within(dialog).getByLabelText('Due date') as HTMLInputElement).value).toBe(inAWeek());
    await user.click(within(dialog).getByLabelText('Chosen participants'));
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findByText('Choose at least one participant.')).toBeTruthy();
    expect(api.assign).not.toHaveBeenCalled();
    // withdrawn participants are not offered
    expect(within(dialog).queryByText(/Panellist 30000000/)).toBeNull();
    await user.click(within(dialog).getByLabelText(/Panellist 20000000/));

    const due = within(dialog).getByLabelText('Due date');
    await user.clear(due);
    await user.type(due, '2020-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findByText('The due date must be in the future.')).toBeTruthy();
    await user.clear(due);
    await user.type(due, '2099-03-15');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await screen.findByText('“Kettle week one” was assigned to 1 participant.')).toBeTruthy();
    expect(api.assign).toHaveBeenCalledWith('s1', {
      panellistIds: ['20000000-0000-4000-8000-000000000000'],
      dueAt: new Date('2099-03-15T23:59:59').toISOString(),
    });
  }, 60_000);

  it('assigns to every participant, in French', async () => {
    const user = userEvent.setup({ delay: null });
    const api = pageApi();
    renderStudio(<StudySurveysPage studyId="st1" api={api} />, 'fr');
    await user.click(await screen.findByRole('button', { name: 'Attribuer Kettle week one' }));
    const dialog = await screen.findByRole('dialog', { name: 'Attribuer « Kettle week one »' });
    expect((within(dialog).getByLabelText('Tous les participants de l’étude') as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Attribuer' }));
    expect(await screen.findByText('« Kettle week one » a été attribué à 3 participants.')).toBeTruthy();
    await waitFor(() => expect(api.assign.mock.calls[0][1]).toMatchObject({ audience: 'all_participants' }));
    expect(api.listParticipants).not.toHaveBeenCalled();
  }, 60_000);
});
