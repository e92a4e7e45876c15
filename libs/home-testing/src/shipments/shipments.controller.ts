import { Body, Controller, Get, Header, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, PageQueryDto, Roles, type AuthUser } from '@leadpanel/platform';
import {
  AcceptNdaDto,
  AllocateDto,
  AllocationResultDto,
  ListShipmentsQueryDto,
  PickListQueryDto,
  ShipmentDetailDto,
  ShipmentPageDto,
  ShipmentResponseDto,
  TRACKING_LIMITS,
  TrackingResultDto,
  UpdateShipmentDto,
  ShipmentExportDto,
} from './dto/shipment.dto';
import { TRACKING_IMPORT_MAX_ROWS } from '../domain';
import { MyShipmentsService } from './my-shipments.service';
import { ShipmentFulfilmentService } from './shipment-fulfilment.service';
import { ShipmentsService } from './shipments.service';

@ApiTags('home testing')
@ApiBearerAuth()
/** the shape of this context's section of GET /me/export (referenced by name from there) */
@ApiExtraModels(ShipmentExportDto)
@Controller()
export class ShipmentsController {
  constructor(
    private readonly shipments: ShipmentsService,
    private readonly fulfilment: ShipmentFulfilmentService,
    private readonly participant: MyShipmentsService,
  ) {}

  @Post('studies/:id/shipments/allocate')
  @Roles('researcher')
  @HttpCode(200)
  @ApiOkResponse({
    type: AllocationResultDto,
    description: 'one shipment per enrolled participant with an address and none yet for the product',
  })
  allocate(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: AllocateDto): Promise<AllocationResultDto> {
    return this.shipments.allocate(user, id, dto.productId);
  }

  @Get('studies/:id/shipments')
  @Roles('researcher')
  @ApiOkResponse({ type: ShipmentPageDto })
  list(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: ListShipmentsQueryDto): Promise<ShipmentPageDto> {
    return this.shipments.list(user, id, query);
  }

  @Get('studies/:id/shipments/pick-list.csv')
  @Roles('researcher')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="pick-list.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'allocated and packed shipments with their address, RFC 4180, formula-safe',
    content: { 'text/csv': {} },
  })
  pickList(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: PickListQueryDto): Promise<string> {
    return this.fulfilment.pickList(user, id, query.productId);
  }

  @Post('studies/:id/shipments/tracking')
  @Roles('researcher')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    description: `JSON [{shipmentId, carrier, trackingNumber}] or CSV with the header shipmentId,carrier,trackingNumber (at most ${TRACKING_IMPORT_MAX_ROWS.toLocaleString('en-US')} rows)`,
    schema: {
      oneOf: [
        {
          type: 'array',
          maxItems: TRACKING_IMPORT_MAX_ROWS,
          items: {
            type: 'object',
            properties: {
              shipmentId: { type: 'string', format: 'uuid', maxLength: 36 },
              carrier: { type: 'string', maxLength: TRACKING_LIMITS.carrier },
              trackingNumber: { type: 'string', maxLength: TRACKING_LIMITS.trackingNumber },
            },
          },
        },
        { type: 'string', maxLength: 1_048_576, description: 'text/csv' },
      ],
    },
  })
  @ApiOkResponse({ type: TrackingResultDto })
  tracking(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<TrackingResultDto> {
    return this.fulfilment.importTracking(user, id, body, contentType);
  }

  @Get('shipments/:id')
  @Roles('researcher')
  @ApiOkResponse({ type: ShipmentDetailDto, description: 'with its history, oldest first' })
  detail(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ShipmentDetailDto> {
    return this.shipments.detail(user, id);
  }

  @Patch('shipments/:id')
  @Roles('researcher')
  @ApiOkResponse({ type: ShipmentResponseDto, description: 'legal moves only (409)' })
  update(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: UpdateShipmentDto): Promise<ShipmentResponseDto> {
    return this.shipments.update(user, id, dto);
  }

  @Get('me/shipments')
  @Roles('panellist')
  @ApiOkResponse({ type: ShipmentPageDto, description: 'mine only, newest first' })
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<ShipmentPageDto> {
    return this.participant.mine(user, query);
  }

  @Post('me/shipments/:id/nda')
  @Roles('panellist')
  @HttpCode(200)
  @ApiOkResponse({ type: ShipmentResponseDto, description: 'records time and version; accepting again changes nothing' })
  acceptNda(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: AcceptNdaDto): Promise<ShipmentResponseDto> {
    return this.participant.acceptNda(user, id, dto.version);
  }

  @Post('me/shipments/:id/received')
  @Roles('panellist')
  @HttpCode(200)
  @ApiOkResponse({ type: ShipmentResponseDto, description: 'shipped → delivered; again changes nothing; before shipping 409' })
  received(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ShipmentResponseDto> {
    return this.participant.received(user, id);
  }
}
