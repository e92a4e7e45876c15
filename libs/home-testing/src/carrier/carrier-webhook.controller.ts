import { Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CARRIER_SIGNATURE_SCHEME, Public } from '@leadpanel/platform';
import { CarrierWebhookService } from './carrier-webhook.service';
import { CarrierWebhookResultDto } from './dto/carrier-webhook.response.dto';
import { MAX_SIGNATURE_HEADER_LENGTH } from '../domain';

@ApiTags('home testing')
@Controller('webhooks')
export class CarrierWebhookController {
  constructor(private readonly webhook: CarrierWebhookService) {}

  @Post('carrier')
  @Public()
  @ApiSecurity(CARRIER_SIGNATURE_SCHEME)
  @HttpCode(200)
  @ApiHeader({
    name: 'X-Leadpanel-Signature',
    required: true,
    description: 't=<unix>,v1=<hex hmac_sha256(secret, t + "." + rawBody)>',
    schema: { type: 'string', maxLength: MAX_SIGNATURE_HEADER_LENGTH },
  })
  @ApiOkResponse({
    type: CarrierWebhookResultDto,
    description: '`{eventId, firstDelivery, outcome}`; bad or old signature 401; the same eventId again 200 with no effect',
  })
  receive(
    @Headers('x-leadpanel-signature') signature: string | undefined,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<CarrierWebhookResultDto> {
    return this.webhook.receive(signature, req.rawBody);
  }
}
