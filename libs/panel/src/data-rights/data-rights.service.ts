import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService, MailService, OutboxService, type AuthUser } from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { PanelError } from '../panel.errors';
import { PanellistAddressEntity } from '../panellists/panellist-address.entity';
import { PanellistStatusChangeEntity } from '../panellists/panellist-status-change.entity';
import { PanellistEntity } from '../panellists/panellist.entity';
import { PanellistsService } from '../panellists/panellists.service';
import { PointsService } from '../points/points.service';
import { ConsentEntity } from '../recruitment/consent.entity';
import { EmailConfirmationEntity } from '../recruitment/email-confirmation.entity';
import { ScreenerResponseEntity } from '../recruitment/screener-response.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { PersonalDataRegistry } from './personal-data.registry';
import type { MyExportDto } from './dto/export.dto';

export const ERASED_NAME = 'Erased panellist';
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
    @InjectRepository(ConsentEntity) private readonly consents: Repository<ConsentEntity>,
    @InjectRepository(ScreenerResponseEntity) private readonly screener: Repository<ScreenerResponseEntity>,
    @InjectRepository(ReferralEntity) private readonly referrals: Repository<ReferralEntity>,
    @InjectRepository(PanellistStatusChangeEntity) private readonly statusChanges: Repository<PanellistStatusChangeEntity>,
  ) {}

  onModuleInit(): void {
    this.registry.registerExport('consents', async (id) =>
      (await this.consents.find({ where: { panellistId: id }, order: { grantedAt: 'ASC' } })).map((c) => ({
        termsVersion: c.termsVersion,
        research: c.research,
        productTesting: c.productTesting,
        ip: c.ip,
        grantedAt: c.grantedAt,
      })),
    );
    this.registry.registerExport('screenerAnswers', async (id) =>
      (await this.screener.find({ where: { panellistId: id } })).map((r) => ({
        campaignId: r.campaignId,
        surveyId: r.surveyId,
        answers: r.answers,
        at: r.createdAt,
      })),
    );
    this.registry.registerExport('referralsMade', async (id) =>
      (await this.referrals.find({ where: { referrerPanellistId: id } })).map((r) => ({
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
      (await this.statusChanges.find({ where: { panellistId: id }, order: { createdAt: 'ASC' } })).map((h) => ({
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
      const p = await em
        .getRepository(PanellistEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :id', { id: user.id })
        .getOne();
      if (!p || p.status === 'erased') throw new PanelError('PANELLIST_NOT_FOUND', 'Panellist was not found');
      const now = new Date();
      await em
        .getRepository(PanellistEntity)
        .update(
          { id: p.id },
          { status: 'erased', displayName: ERASED_NAME, interests: [], attributes: {}, erasedAt: now, referredByPanellistId: null },
        );
      await em.getRepository(PanellistAddressEntity).delete({ panellistId: p.id });
      await em.getRepository(ConsentEntity).update({ panellistId: p.id }, { ip: null });
      await em.getRepository(EmailConfirmationEntity).delete({ panellistId: p.id });
      await em.getRepository(ScreenerResponseEntity).update({ panellistId: p.id }, { answers: {} });
      await em
        .getRepository(ReferralEntity)
        .update({ referrerPanellistId: p.id }, { nomineeEmail: 'erased@invalid.leadpanel', nomineeName: 'erased', reason: '' });
      // as a nominee: the referral that brought them in, and any other that names their address
      await em
        .getRepository(ReferralEntity)
        .update({ appliedPanellistId: p.id }, { nomineeEmail: 'erased@invalid.leadpanel', nomineeName: 'erased' });
      await em
        .getRepository(ReferralEntity)
        .update({ nomineeEmail: user.email.toLowerCase() }, { nomineeEmail: 'erased@invalid.leadpanel', nomineeName: 'erased' });
      await em
        .getRepository(PanellistStatusChangeEntity)
        .insert({ panellistId: p.id, fromStatus: p.status, toStatus: 'erased', reason: 'erasure requested', actorUserId: p.id });
      for (const { step } of this.registry.erasureSteps()) await step(em, p.id);
      await this.mail.forgetUser(em, p.id, `erased+${p.id}@invalid.leadpanel`, user.email);
      await this.outbox.cancelForSubject(em, p.id);
      await this.users.erase(em, p.id);
      await this.audit.record({ action: 'panellist.erased', targetType: 'panellist', targetId: p.id }, em);
    });
  }
}
