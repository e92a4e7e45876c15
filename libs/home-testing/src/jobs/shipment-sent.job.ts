import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, JobRegistry, MailService, OutboxService, type AppConfig } from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { PanellistsService } from '@leadpanel/panel';
import { StudyDirectory } from '@leadpanel/studies';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import { homeTestingJobs, SHIPMENT_SENT_JOB } from './shipment-jobs';

/** The SHIPMENT_SENT_JOB handler: the "your sample is on its way" e-mail, once per shipment. */
@Injectable()
export class ShipmentSentJob implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shipments: ShipmentsRepository,
    private readonly panellists: PanellistsService,
    private readonly users: UsersService,
    private readonly directory: StudyDirectory,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    homeTestingJobs.register(this.registry, SHIPMENT_SENT_JOB, ({ shipmentId }) => this.tellShipped(shipmentId));
  }

  /** Job: the "your sample is on its way" e-mail, once per shipment. */
  async tellShipped(shipmentId: string): Promise<void> {
    const s = await this.shipments.findById(shipmentId);
    if (!s || s.status === 'cancelled') return;
    const facts = (await this.panellists.factsOfMany([s.panellistId]))[0];
    const to = (await this.users.emailsByIds([s.panellistId])).get(s.panellistId);
    const study = await this.directory.study(s.studyId);
    if (!facts || !to || !study) return;
    await this.dataSource.transaction(async (em) => {
      await this.mail.enqueue(em, {
        template: 'shipment-sent',
        locale: facts.locale,
        to,
        userId: s.panellistId,
        data: {
          displayName: facts.displayName,
          productName: s.product!.name,
          studyTitle: study.title,
          carrier: s.carrier ?? '—',
          trackingNumber: s.trackingNumber ?? '—',
          shipmentsUrl: `${this.config.http.publicBaseUrl}/me/shipments`,
        },
        dedupeKey: `shipment-sent-mail:${s.id}`,
      });
    });
    this.outbox.nudge();
  }
}
