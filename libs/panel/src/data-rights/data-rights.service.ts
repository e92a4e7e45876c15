import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, MailService, OutboxService, type AuthUser } from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { PanelError } from '../panel.errors';
import { PanellistRepository } from '../panellists/panellist.repository';
import { PanellistsService } from '../panellists/panellists.service';
import { PointsService } from '../points/points.service';
import { DataRightsRepository } from './data-rights.repository';
import { PersonalDataRegistry } from './personal-data.registry';
import type { MyExportDto } from './dto/export.dto';

export { ERASED_NAME } from './data-rights.repository';
const REFERRAL_TEMPLATE = 'referral';

/**
 * GDPR-style data rights. Export: everything held about the person, as JSON.
 * Erasure: PII replaced, free text blanked, tokens revoked, pending jobs and
 * e-mails cancelled, status `erased`; anonymous facts (country, birth year,
 * gender, scores, tier, points) stay so that reports remain true.
 */
@Injectable()
export class DataRightsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly panellists: PanellistsService,
    private readonly users: UsersService,
    private readonly points: PointsService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly rows: DataRightsRepository,
    private readonly panellistRows: PanellistRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerExport('consents', async (id) =>
      (await this.rows.consentsOf(id)).map((c) => ({
        termsVersion: c.termsVersion,
        research: c.research,
        productTesting: c.productTesting,
        ip: c.ip,
        grantedAt: c.grantedAt,
      })),
    );
    this.registry.registerExport('screenerAnswers', async (id) =>
      (await this.rows.screenerResponsesOf(id)).map((r) => ({
        campaignId: r.campaignId,
        surveyId: r.surveyId,
        answers: r.answers,
        at: r.createdAt,
      })),
    );
    this.registry.registerExport('referralsMade', async (id) =>
      (await this.rows.referralsMadeBy(id)).map((r) => ({
        nomineeName: r.nomineeName,
        nomineeEmail: r.nomineeEmail,
        reason: r.reason,
        joined: r.appliedPanellistId !== null,
        at: r.createdAt,
      })),
    );
    this.registry.registerExport('points', async (id) => ({
      balance: await this.points.balance(id),
      entries: await this.points.entries(id),
    }));
    this.registry.registerExport('statusHistory', async (id) =>
      (await this.panellistRows.statusHistoryOf(id)).map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        reason: h.reason,
        at: h.createdAt,
      })),
    );
    // the e-mails sent to me. A referral's e-mail to the nominee is not listed: whether one went
    // out tells membership (and the 30-day rule); the referral itself is in referralsMade either way
    this.registry.registerExport('emails', async (id) =>
      (await this.mail.findForUser(id))
        .filter((e) => e.template !== REFERRAL_TEMPLATE)
        .map((e) => ({
          template: e.template,
          recipient: e.recipient,
          subject: e.subject,
          status: e.status,
          createdAt: e.createdAt,
          sentAt: e.sentAt,
        })),
    );
  }

  async export(user: AuthUser): Promise<MyExportDto> {
    const profile = await this.panellists.myProfile(user);
    const out: Record<string, unknown> = {
      exportedAt: new Date().toISOString(),
      account: { id: user.id, email: user.email, role: user.role },
      profile,
    };
    for (const [name, section] of this.registry.exportSections()) out[name] = await section(user.id);
    await this.audit.record({ action: 'panellist.exported', targetType: 'panellist', targetId: user.id });
    // the registered sections, each described by its context's ExportDto (see dto/export.dto.ts)
    return out as unknown as MyExportDto;
  }

  async erase(user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const p = await this.panellistRows.lockById(em, user.id);
      if (!p || p.status === 'erased') throw new PanelError('PANELLIST_NOT_FOUND', 'Panellist was not found');
      await this.rows.erasePersonalData(em, p.id, user.email, new Date());
      await this.panellistRows.recordStatusChanges(em, {
        panellistId: p.id,
        fromStatus: p.status,
        toStatus: 'erased',
        reason: 'erasure requested',
        actorUserId: p.id,
      });
      for (const { step } of this.registry.erasureSteps()) await step(em, p.id);
      await this.mail.forgetUser(em, p.id, `erased+${p.id}@invalid.leadpanel`, user.email);
      await this.outbox.cancelForSubject(em, p.id);
      await this.users.erase(em, p.id);
      await this.audit.record({ action: 'panellist.erased', targetType: 'panellist', targetId: p.id }, em);
    });
  }
}
