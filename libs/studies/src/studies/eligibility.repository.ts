import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { panelCellSql, panelCriteriaSql } from '@leadpanel/panel';
import type { StudyEntity } from './study.entity';

/**
 * The contact cap's rolling window (docs/domain.md, "Panel" → Panel health): an invitation counts
 * while it is younger than 30 × 24 h (the window is open at its start), and a panellist with
 * `PANEL_MAX_INVITES_30D` invitations in it is invited no more. Eligibility and explain read it here.
 */
const CONTACT_WINDOW = `interval '30 days'`;

/** SQL for "eligible for this study": panel criteria, under the contact cap, not yet invited here. */
export interface EligibilitySql {
  where: string;
  params: unknown[];
}

/** What eligibility depends on besides the study: the age reference, the cap, the attributes' types. */
export interface EligibilityInputs {
  referenceYear: number;
  /** `PANEL_MAX_INVITES_30D` */
  maxInvites: number;
  /** attribute key → type, from the attribute definitions */
  types: Record<string, string>;
}

export interface EligibleCell {
  dimension: string;
  value: string;
}

/** The eligibility queries over the panel: counts per quota cell, a wave's candidate pool, a panellist's contact history. */
@Injectable()
export class EligibilityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** WHERE clause (alias p = panellists) for this study's eligible panellists. */
  where(study: Pick<StudyEntity, 'id' | 'criteria'>, inputs: EligibilityInputs): EligibilitySql {
    const params: unknown[] = [];
    const panel = panelCriteriaSql(study.criteria, 'p', inputs.referenceYear, inputs.types, params);
    params.push(inputs.maxInvites);
    const cap = `$${params.length}`;
    params.push(study.id);
    const sid = `$${params.length}`;
    // The contact cap as an anti-join against the panellists at the cap (one grouped pass over the last 30 days'
    // invitations), not as a count per candidate: a correlated count is a sub-plan run once per panellist row
    // (278,000 index probes on a 1,000,000 panel, no parallel scan, and a cost estimate that turns JIT on): 2.0 s
    // against 0.4 s (bench/README.md, workload 3). Same rows: invitations.panellist_id is NOT NULL.
    const where =
      `${panel}` +
      ` AND NOT EXISTS (SELECT 1 FROM (SELECT ci.panellist_id FROM study_invitations ci WHERE ci.created_at > now() - ${CONTACT_WINDOW}` +
      ` GROUP BY ci.panellist_id HAVING count(*) >= ${cap}) capped WHERE capped.panellist_id = p.id)` +
      ` AND NOT EXISTS (SELECT 1 FROM study_invitations si WHERE si.study_id = ${sid} AND si.panellist_id = p.id)`;
    return { where, params };
  }

  /** Eligible panellists in total and in each of `cells` (in their order), in one statement. */
  async count(
    study: Pick<StudyEntity, 'id' | 'criteria'>,
    cells: readonly EligibleCell[],
    inputs: EligibilityInputs,
  ): Promise<{ total: number; cells: number[] }> {
    const { where, params } = this.where(study, inputs);
    const filters = cells.map(
      (q, i) => `count(*) FILTER (WHERE ${panelCellSql(q.dimension, q.value, 'p', inputs.referenceYear, params)})::int AS c${i}`,
    );
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS total${filters.map((f) => `, ${f}`).join('')} FROM panellists p WHERE ${where}`,
      params,
    )) as Array<Record<string, number>>;
    const row = rows[0] ?? { total: 0 };
    return { total: row.total, cells: cells.map((_c, i) => row[`c${i}`] ?? 0) };
  }

  /**
   * Up to `limit` eligible panellists in the order `seed` gives them (md5 of seed and id), each with
   * the keys of the `cells` they belong to: the candidates a wave is spread from.
   */
  async drawPool(
    em: EntityManager,
    study: Pick<StudyEntity, 'id' | 'criteria'>,
    cells: ReadonlyArray<EligibleCell & { key: string }>,
    inputs: EligibilityInputs,
    draw: { seed: string; limit: number },
  ): Promise<Array<{ id: string; cells: string[] }>> {
    const { where, params } = this.where(study, inputs);
    const cellCases = cells.map(
      (c) => `CASE WHEN ${panelCellSql(c.dimension, c.value, 'p', inputs.referenceYear, params)} THEN ${literal(params, c.key)} END`,
    );
    params.push(draw.seed);
    const seedParam = `$${params.length}`;
    params.push(draw.limit);
    const limitParam = `$${params.length}`;
    const pool = (await em.query(
      `SELECT p.id, ARRAY[${cellCases.length ? cellCases.join(', ') : 'NULL'}]::text[] AS cells
           FROM panellists p WHERE ${where}
          ORDER BY md5(${seedParam} || p.id::text) LIMIT ${limitParam}`,
      params,
    )) as Array<{ id: string; cells: Array<string | null> }>;
    return pool.map((c) => ({ id: c.id, cells: c.cells.filter((k): k is string => k !== null) }));
  }

  /** A panellist's invitations (all studies) in the contact window, and whether this study already invited them. */
  async contactHistory(panellistId: string, studyId: string): Promise<{ recent: number; invited: boolean }> {
    const [counts] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM study_invitations WHERE panellist_id = $1 AND created_at > now() - ${CONTACT_WINDOW})::int AS recent,
              EXISTS (SELECT 1 FROM study_invitations WHERE panellist_id = $1 AND study_id = $2) AS invited`,
      [panellistId, studyId],
    )) as Array<{ recent: number; invited: boolean }>;
    return counts;
  }
}

function literal(params: unknown[], value: string): string {
  params.push(value);
  return `$${params.length}::text`;
}
