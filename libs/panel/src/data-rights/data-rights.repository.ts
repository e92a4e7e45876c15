import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { PanellistAddressEntity } from '../panellists/panellist-address.entity';
import { PanellistEntity } from '../panellists/panellist.entity';
import { ConsentEntity } from '../recruitment/consent.entity';
import { EmailConfirmationEntity } from '../recruitment/email-confirmation.entity';
import { ScreenerResponseEntity } from '../recruitment/screener-response.entity';
import { ReferralEntity } from '../referrals/referral.entity';

export const ERASED_NAME = 'Erased panellist';
const ERASED_EMAIL = 'erased@invalid.leadpanel';

/** What the panel holds about a person beyond the profile, as data rights read it and erase it. */
@Injectable()
export class DataRightsRepository {
  constructor(
    @InjectRepository(ConsentEntity) private readonly consents: Repository<ConsentEntity>,
    @InjectRepository(ScreenerResponseEntity) private readonly screener: Repository<ScreenerResponseEntity>,
    @InjectRepository(ReferralEntity) private readonly referrals: Repository<ReferralEntity>,
  ) {}

  consentsOf(panellistId: string): Promise<ConsentEntity[]> {
    return this.consents.find({ where: { panellistId }, order: { grantedAt: 'ASC' } });
  }

  screenerResponsesOf(panellistId: string): Promise<ScreenerResponseEntity[]> {
    return this.screener.find({ where: { panellistId } });
  }

  referralsMadeBy(panellistId: string): Promise<ReferralEntity[]> {
    return this.referrals.find({ where: { referrerPanellistId: panellistId } });
  }

  /**
   * The panel's part of an erasure, in the caller's transaction: the profile's PII replaced and
   * the status `erased`, the address and pending e-mail confirmations deleted, the consents' IP,
   * the screener answers and the free text of referrals (made, or naming them) blanked.
   */
  async erasePersonalData(em: EntityManager, panellistId: string, email: string, now: Date): Promise<void> {
    await em
      .getRepository(PanellistEntity)
      .update(
        { id: panellistId },
        { status: 'erased', displayName: ERASED_NAME, interests: [], attributes: {}, erasedAt: now, referredByPanellistId: null },
      );
    await em.getRepository(PanellistAddressEntity).delete({ panellistId });
    await em.getRepository(ConsentEntity).update({ panellistId }, { ip: null });
    await em.getRepository(EmailConfirmationEntity).delete({ panellistId });
    await em.getRepository(ScreenerResponseEntity).update({ panellistId }, { answers: {} });
    await em
      .getRepository(ReferralEntity)
      .update({ referrerPanellistId: panellistId }, { nomineeEmail: ERASED_EMAIL, nomineeName: 'erased', reason: '' });
    // as a nominee: the referral that brought them in, and any other that names their address
    await em
      .getRepository(ReferralEntity)
      .update({ appliedPanellistId: panellistId }, { nomineeEmail: ERASED_EMAIL, nomineeName: 'erased' });
    await em
      .getRepository(ReferralEntity)
      .update({ nomineeEmail: email.toLowerCase() }, { nomineeEmail: ERASED_EMAIL, nomineeName: 'erased' });
  }
}
