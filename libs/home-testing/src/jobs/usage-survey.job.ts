import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, JobRegistry } from '@leadpanel/platform';
import { AssignmentsService } from '@leadpanel/responses';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import { homeTestingJobs, USAGE_SURVEY_DUE_DAYS, USAGE_SURVEY_JOB } from './shipment-jobs';

const DAY = 86_400_000;

/** The USAGE_SURVEY_JOB handler, due `usageDays` after delivery: the product's usage survey for the participant. */
@Injectable()
export class UsageSurveyJob implements OnModuleInit {
  constructor(
    private readonly shipments: ShipmentsRepository,
    private readonly assignments: AssignmentsService,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    homeTestingJobs.register(this.registry, USAGE_SURVEY_JOB, ({ shipmentId }) => this.assignUsageSurvey(shipmentId));
  }

  /** Job: the product's usage survey for the participant, due a week after it appears. */
  async assignUsageSurvey(shipmentId: string): Promise<void> {
    const s = await this.shipments.findById(shipmentId);
    if (!s?.product?.usageSurveyId) return;
    await this.assignments.assignUsageSurvey({
      surveyId: s.product.usageSurveyId,
      studyId: s.studyId,
      panellistId: s.panellistId,
      dueAt: new Date(this.clock.now().getTime() + USAGE_SURVEY_DUE_DAYS * DAY),
    });
  }
}
