import type { Client } from 'pg';
import {
  FEATURE_PROBABILITIES,
  REPORT_QUESTIONS,
  ROWS_PER_RESPONDENT,
  SUBMIT_QUESTIONS,
  SUBMITTED_SHARE,
  TEXT_SHARE,
  type Dataset,
} from './dataset';
import { K, S, step, textArray, type SeedContext } from './seed-context';

const TEXT_OPENERS_EN = [
  'Honestly,',
  'After three weeks,',
  'In the evening',
  'For reading in bed',
  'Overall',
  'My partner says',
  'When the kids are asleep',
  'Compared to my old lamp,',
  'The first night',
  'Most of the time',
];
const TEXT_MIDDLES_EN = [
  'the warm light is lovely but the app keeps losing the connection',
  'the brightness steps are too coarse at the low end',
  'the schedule feature works well, the wake-up light is my favourite',
  'the touch button is hard to find in the dark',
  'voice control is slow to react and sometimes ignores me',
  'the colour temperature is great for reading',
  'the presence sensor switches the light on when the cat walks by',
  'setting it up took ten minutes and worked first time',
  'the battery lasts about four days, shorter than promised',
  'the base wobbles a little on my bedside table',
];
const TEXT_CLOSERS_EN = [
  'I would pay more for a dimmer night mode.',
  'Please add a physical switch.',
  'I built a little shelf for it myself.',
  'Otherwise it is perfect.',
  'A firmware update would fix most of this.',
  'I would recommend it to friends.',
  'Call me on +44 7700 900123 if you want details.',
  'Write to me at tester.lamp@example.com for photos.',
];
const TEXT_OPENERS_FR = [
  'Franchement,',
  'Après trois semaines,',
  'Le soir',
  'Pour lire au lit',
  'Dans l’ensemble',
  'Mon conjoint trouve que',
  'Quand les enfants dorment',
  'Par rapport à mon ancienne lampe,',
  'La première nuit',
  'La plupart du temps',
];
const TEXT_MIDDLES_FR = [
  'la lumière chaude est agréable mais l’application perd souvent la connexion',
  'les paliers de luminosité sont trop grossiers en bas',
  'la programmation marche bien, le réveil lumineux est génial',
  'le bouton tactile est difficile à trouver dans le noir',
  'la commande vocale réagit lentement',
  'la température de couleur est parfaite pour lire',
  'le capteur de présence allume la lampe quand le chat passe',
  'l’installation a pris dix minutes sans souci',
  'la batterie tient quatre jours, moins que promis',
  'le pied bouge un peu sur ma table de chevet',
];
const TEXT_CLOSERS_FR = [
  'Je paierais plus pour un mode nuit très faible.',
  'Ajoutez un vrai interrupteur, s’il vous plaît.',
  'J’ai fabriqué un petit support moi-même.',
  'Sinon elle est parfaite.',
  'Une mise à jour réglerait presque tout.',
  'Je la recommanderais à mes amis.',
  'Appelez-moi au 06 12 34 56 78 si besoin.',
  'Écrivez-moi à testeur.lampe@example.fr pour des photos.',
];

/**
 * The report study's invitations, participants and assignments, the report and submit surveys, and the
 * report survey's answers (the SUS on one session, the other questions on the other).
 */
export async function seedReportStudy(ctx: SeedContext, studyIds: Dataset['studies'], researcherId: string): Promise<Dataset['surveys']> {
  const { clients, q, uid, log, N, M } = ctx;
  // ---- the report study: invitations, participants, assignments, answers
  let done = step(log, 'report study: invitations, participants, assignments');
  const respondentsTarget = Math.ceil(M / ROWS_PER_RESPONDENT);
  const participantsTarget = Math.ceil(respondentsTarget / SUBMITTED_SHARE);
  const invitedTarget = Math.ceil(participantsTarget * 1.25);
  // the report study's people: active panellists in a seeded order; the first P accepted, then declined, then expired
  await q(
    `CREATE UNLOGGED TABLE bench.report_people AS
           SELECT row_number() OVER (ORDER BY pg_temp.rnd(i, 30), i) AS rank, i, pg_temp.uid(${K.panellist}, i) AS pid
             FROM generate_series(1, $1::int) i
            WHERE pg_temp.pstatus(i) = 'active'
            ORDER BY 1 LIMIT $2`,
    [N, invitedTarget],
  );
  const reportWave = await uid(K.wave, S.report);
  await q(
    `INSERT INTO study_invitations (id, study_id, wave_id, panellist_id, status, cells, expires_at, responded_at, reminders_sent, created_at)
     SELECT pg_temp.uid(${K.invitation + S.report}, r.rank), $1, $2, r.pid,
            CASE WHEN r.rank <= $3 THEN 'accepted' WHEN r.rank <= $3 * 1.15 THEN 'declined' ELSE 'expired' END,
            array_remove(ARRAY['tier=' || p.tier, CASE WHEN p.attributes ->> 'home_type' = 'apartment' THEN 'attribute:home_type=apartment' END], NULL),
            now() - interval '61 days', CASE WHEN r.rank <= $3 * 1.15 THEN now() - interval '73 days' ELSE now() - interval '61 days' END,
            1, now() - interval '75 days'
       FROM bench.report_people r JOIN panellists p ON p.id = r.pid`,
    [studyIds.report, reportWave, participantsTarget],
  );
  await q(
    `INSERT INTO study_participants (id, study_id, panellist_id, status, cells, invitation_id, created_at)
     SELECT pg_temp.uid(${K.participant + S.report}, r.rank), $1, r.pid, 'enrolled', i.cells, i.id, now() - interval '73 days'
       FROM bench.report_people r JOIN study_invitations i ON i.study_id = $1 AND i.panellist_id = r.pid
      WHERE r.rank <= $2`,
    [studyIds.report, participantsTarget],
  );
  const reportSurveyId = await uid(K.survey, 1);
  const submitSurveyId = await uid(K.survey, 2);
  await q(
    `INSERT INTO surveys (id, study_id, kind, title, points, status, questions, created_by, created_at, updated_at, published_at) VALUES
       ($1, $2, 'usage', 'Halo at home — usage survey', 100, 'published', $3, $4, now() - interval '70 days', now() - interval '70 days', now() - interval '70 days'),
       ($5, $6, 'usage', 'Halo P3 — first impressions', 30, 'published', $7, $4, now() - interval '17 days', now() - interval '17 days', now() - interval '17 days')`,
    [
      reportSurveyId,
      studyIds.report,
      JSON.stringify(REPORT_QUESTIONS),
      researcherId,
      submitSurveyId,
      studyIds.submit,
      JSON.stringify(SUBMIT_QUESTIONS),
    ],
  );
  await q(
    `INSERT INTO survey_assignments (id, survey_id, study_id, panellist_id, due_at, status, points_credited, created_at, submitted_at)
     SELECT pg_temp.uid(${K.reportAssignment}, r.rank), $1, $2, r.pid, now() - interval '40 days',
            CASE WHEN sub THEN 'submitted' ELSE 'assigned' END, CASE WHEN sub THEN 100 END, now() - interval '70 days',
            CASE WHEN sub THEN now() - interval '69 days' + make_interval(secs => floor(pg_temp.rnd(r.rank, 32) * 25 * 86400)) END
       FROM bench.report_people r, LATERAL (SELECT pg_temp.rnd(r.rank, 31) < $4 AS sub) s
      WHERE r.rank <= $3`,
    [reportSurveyId, studyIds.report, participantsTarget, SUBMITTED_SHARE],
  );
  await q(
    `CREATE UNLOGGED TABLE bench.respondents AS
           SELECT r.rank, r.pid, a.id AS aid, p.tier, p.locale
             FROM bench.report_people r
             JOIN survey_assignments a ON a.id = pg_temp.uid(${K.reportAssignment}, r.rank)
             JOIN panellists p ON p.id = r.pid
            WHERE r.rank <= $1 AND a.status = 'submitted'`,
    [participantsTarget],
  );
  done();

  done = step(log, 'report study: answers');
  // a respondent's leaning: lead users like the lamp a little more; every answer is that plus noise
  const answerSql: Array<{ qi: number; sql: string }> = [];
  const answerInsert = (qi: number, select: string, from = '') =>
    answerSql.push({
      qi,
      sql: `INSERT INTO survey_answers (id, assignment_id, survey_id, study_id, question_id, item_index, numeric_value, option_value, text_value, submitted)
       SELECT pg_temp.uid(${K.answer + qi}, r.rank * 16 + item), r.aid, $1, $2, $3, item, num, opt, txt, true
         FROM bench.respondents r ${from}, LATERAL (${select}) v`,
    });
  const lean = `(CASE r.tier WHEN 'lead_user' THEN 0.12 WHEN 'emerging' THEN 0.05 ELSE 0 END)`;
  // frequency: single choice, weighted
  answerInsert(
    0,
    `SELECT 0 AS item, NULL::numeric AS num,
            (ARRAY['daily','daily','daily','weekly','weekly','weekly','weekly','monthly','monthly','rarely','never'])[1 + floor(pg_temp.rnd(r.rank, 300) * 11)::int] AS opt,
            NULL::text AS txt`,
  );
  // features: multi choice, each option with its probability
  answerInsert(
    1,
    `SELECT k AS item, NULL::numeric AS num, (${textArray(REPORT_QUESTIONS[1].options!.map((o) => o.value))})[k] AS opt, NULL::text AS txt
       FROM generate_series(1, ${FEATURE_PROBABILITIES.length}) k
      WHERE pg_temp.rnd(r.rank * 8 + k, 301) < (ARRAY[${FEATURE_PROBABILITIES.join(',')}]::float8[])[k]`,
  );
  // likert questions 2..5 (scale 5 or 7), rating 6, nps 7, number 8
  for (const qi of [2, 3, 4, 5]) {
    const scale = REPORT_QUESTIONS[qi].scale ?? 5;
    answerInsert(
      qi,
      `SELECT 0 AS item, least(${scale}, greatest(1, 1 + floor((pg_temp.rnd(r.rank, 310 + ${qi}) + pg_temp.rnd(r.rank, 320 + ${qi}) + ${lean}) / 2.12 * ${scale})))::numeric AS num,
              NULL::varchar AS opt, NULL::text AS txt`,
    );
  }
  for (const qi of [6, 7]) {
    answerInsert(
      qi,
      `SELECT 0 AS item, least(10, greatest(0, floor(3 + (pg_temp.rnd(r.rank, 330 + ${qi}) + pg_temp.rnd(r.rank, 340 + ${qi}) + ${lean}) / 2.12 * 8.99)))::numeric AS num,
              NULL::varchar AS opt, NULL::text AS txt`,
    );
  }
  answerInsert(
    8,
    `SELECT 0 AS item, round((pg_temp.rnd(r.rank, 350) * pg_temp.rnd(r.rank, 351) * 60)::numeric, 1) AS num, NULL::varchar AS opt, NULL::text AS txt`,
  );
  // SUS: 10 items 1..5; odd items positive, even items negative, with the respondent's leaning
  answerInsert(
    9,
    `SELECT k AS item,
            (CASE WHEN k % 2 = 1 THEN least(5, greatest(1, 1 + floor((pg_temp.rnd(r.rank * 16 + k, 360) + 0.3 + ${lean}) / 1.42 * 5)))
                  ELSE least(5, greatest(1, 5 - floor((pg_temp.rnd(r.rank * 16 + k, 360) + 0.3 + ${lean}) / 1.42 * 5))) END)::numeric AS num,
            NULL::varchar AS opt, NULL::text AS txt
       FROM generate_series(1, 10) k`,
  );
  // open text: 20 % answer, in their locale
  answerInsert(
    10,
    `SELECT 0 AS item, NULL::numeric AS num, NULL::varchar AS opt,
            CASE WHEN r.locale = 'fr'
                 THEN ${textArray(TEXT_OPENERS_FR)}[1 + floor(pg_temp.rnd(r.rank, 371) * ${TEXT_OPENERS_FR.length})::int] || ' ' ||
                      ${textArray(TEXT_MIDDLES_FR)}[1 + floor(pg_temp.rnd(r.rank, 372) * ${TEXT_MIDDLES_FR.length})::int] || '. ' ||
                      ${textArray(TEXT_CLOSERS_FR)}[1 + floor(pg_temp.rnd(r.rank, 373) * ${TEXT_CLOSERS_FR.length})::int]
                 ELSE ${textArray(TEXT_OPENERS_EN)}[1 + floor(pg_temp.rnd(r.rank, 371) * ${TEXT_OPENERS_EN.length})::int] || ' ' ||
                      ${textArray(TEXT_MIDDLES_EN)}[1 + floor(pg_temp.rnd(r.rank, 372) * ${TEXT_MIDDLES_EN.length})::int] || '. ' ||
                      ${textArray(TEXT_CLOSERS_EN)}[1 + floor(pg_temp.rnd(r.rank, 373) * ${TEXT_CLOSERS_EN.length})::int] END AS txt
      WHERE pg_temp.rnd(r.rank, 370) < ${TEXT_SHARE}`,
  );
  // SUS (half the rows) on one session, the other questions on the other
  const run = async (client: Client, items: typeof answerSql) => {
    for (const a of items) await client.query(a.sql, [reportSurveyId, studyIds.report, REPORT_QUESTIONS[a.qi].id]);
  };
  await Promise.all([
    run(
      clients[0],
      answerSql.filter((a) => REPORT_QUESTIONS[a.qi].type !== 'sus'),
    ),
    run(
      clients[1],
      answerSql.filter((a) => REPORT_QUESTIONS[a.qi].type === 'sus'),
    ),
  ]);
  done();
  return { report: reportSurveyId, submit: submitSurveyId };
}
