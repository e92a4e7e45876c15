import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError } from '@leadpanel/platform';
import type { PanellistStatus } from '@leadpanel/platform';
import { PanellistEntity } from './panellist.entity';

/**
 * Statuses in which a panellist takes part in nothing: no accepting or declining
 * invitations, no posts, replies or likes, no survey saves or submits, no feedback or
 * "me too", no NDA or receipt. Reading, exporting, erasing and editing one's profile
 * stay open (a paused panellist may still fix an address or leave).
 */
export const NOT_PARTICIPATING: ReadonlySet<PanellistStatus> = new Set<PanellistStatus>(['blocked', 'paused', 'opted_out', 'erased']);

/** 403 `urn:leadpanel:problem:panellist-not-active`. */
export class PanellistNotActiveError extends ForbiddenError {
  constructor(status: PanellistStatus) {
    super(`Your panel membership is ${status.replace('_', ' ')}: you cannot take part in studies now`, 'PANELLIST_NOT_ACTIVE');
  }
}

/**
 * The one place where a panellist's status gates what they write. Every panellist write
 * path of every context calls `assertActive` before it changes anything (pass the
 * transaction's manager when inside one, so that a concurrent block is seen).
 */
@Injectable()
export class ActivePanellistCheck {
  constructor(private readonly dataSource: DataSource) {}

  async assertActive(panellistId: string, em?: EntityManager): Promise<void> {
    const row = await (em ?? this.dataSource.manager)
      .getRepository(PanellistEntity)
      .findOne({ where: { id: panellistId }, select: { id: true, status: true } });
    // staff and unknown ids are not panellists: their own rules (roles, access) apply
    if (row && NOT_PARTICIPATING.has(row.status)) throw new PanellistNotActiveError(row.status);
  }
}
