import type { Dataset } from './dataset';
import { K, S, step, type SeedContext } from './seed-context';

/** The submit study's pool: assignments, each with a live session, their pending reminders; and a researcher's session. */
export async function seedSubmitPool(
  ctx: SeedContext,
  studyIds: Dataset['studies'],
  submitSurveyId: string,
  researcherId: string,
): Promise<{ researcherSession: string; pool: Dataset['submitPool'] }> {
  const { q, uid, log, N, submitPool } = ctx;
  // ---- the submit study: a pool of assignments, each with a live session, and their pending reminders
  const done = step(log, 'submit pool, sessions');
  await q(
    `CREATE UNLOGGED TABLE bench.submit_people AS
           SELECT row_number() OVER (ORDER BY pg_temp.rnd(i, 40), i) AS rank, i, pg_temp.uid(${K.panellist}, i) AS pid
             FROM generate_series(1, $1::int) i
            WHERE pg_temp.pstatus(i) = 'active'
            ORDER BY 1 LIMIT $2`,
    [N, submitPool],
  );
  const submitWave = await uid(K.wave, S.submit);
  await q(
    `INSERT INTO study_invitations (id, study_id, wave_id, panellist_id, status, cells, expires_at, responded_at, reminders_sent, created_at)
     SELECT pg_temp.uid(${K.invitation + S.submit}, rank), $1, $2, pid, 'accepted', '{}', now() - interval '4 days', now() - interval '17 days', 0, now() - interval '18 days'
       FROM bench.submit_people`,
    [studyIds.submit, submitWave],
  );
  await q(
    `INSERT INTO study_participants (id, study_id, panellist_id, status, cells, invitation_id, created_at)
     SELECT pg_temp.uid(${K.participant + S.submit}, rank), $1, pid, 'enrolled', '{}', pg_temp.uid(${K.invitation + S.submit}, rank), now() - interval '17 days'
       FROM bench.submit_people`,
    [studyIds.submit],
  );
  await q(
    `INSERT INTO survey_assignments (id, survey_id, study_id, panellist_id, due_at, status, created_at)
     SELECT pg_temp.uid(${K.submitAssignment}, rank), $1, $2, pid, now() + interval '14 days', 'assigned', now() - interval '16 days'
       FROM bench.submit_people`,
    [submitSurveyId, studyIds.submit],
  );
  await q(
    `INSERT INTO outbox_messages (id, topic, payload, status, available_at, dedupe_key, subject_id, created_at)
     SELECT pg_temp.uid(${K.outbox}, rank * 2 + n), 'surveys.reminder',
            jsonb_build_object('assignmentId', pg_temp.uid(${K.submitAssignment}, rank), 'n', n), 'pending',
            now() + make_interval(days => 14 - 7 * (2 - n) - 1), 'survey-reminder:' || pg_temp.uid(${K.submitAssignment}, rank) || ':' || n,
            pid, now() - interval '16 days'
       FROM bench.submit_people, generate_series(1, 2) n`,
  );
  await q(
    `INSERT INTO auth_sessions (id, user_id, created_at) SELECT pg_temp.uid(${K.submitSession}, rank), pid, now() - interval '1 hour' FROM bench.submit_people`,
  );
  const researcherSession = await uid(K.researcherSession, 1);
  await q(`INSERT INTO auth_sessions (id, user_id, created_at) VALUES ($1, $2, now() - interval '1 hour')`, [
    researcherSession,
    researcherId,
  ]);
  const pool = (
    await q(
      `SELECT pg_temp.uid(${K.submitAssignment}, rank) AS "assignmentId", pid AS "panellistId", pg_temp.uid(${K.submitSession}, rank) AS "sessionId"
         FROM bench.submit_people ORDER BY rank`,
    )
  ).map((r) => ({ assignmentId: String(r.assignmentId), panellistId: String(r.panellistId), sessionId: String(r.sessionId) }));
  done();
  return { researcherSession, pool };
}
