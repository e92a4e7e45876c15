import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, Roles } from '@leadpanel/platform';
import { AttributesService } from './attributes.service';
import { AttributePageDto, AttributeResponseDto, CreateAttributeDto } from './dto/attribute.dto';

@ApiTags('panel')
@ApiBearerAuth()
@Controller('profile-attributes')
export class AttributesController {
  constructor(private readonly attributes: AttributesService) {}

  @Post()
  @Roles('researcher')
  @ApiCreatedResponse({ type: AttributeResponseDto })
  create(@Body() dto: CreateAttributeDto): Promise<AttributeResponseDto> {
    return this.attributes.create(dto);
  }

  @Get()
  @Roles('researcher', 'panellist')
  @ApiOkResponse({ type: AttributePageDto })
  list(@Query() query: PageQueryDto): Promise<AttributePageDto> {
    return this.attributes.list(query);
  }
}
