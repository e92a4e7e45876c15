import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, Roles } from '@leadpanel/platform';
import { BrandsService } from './brands.service';
import { BrandPageDto, BrandResponseDto, CreateBrandDto } from './dto/brand.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('brands')
export class BrandsController {
  constructor(private readonly brands: BrandsService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: BrandResponseDto })
  create(@Body() dto: CreateBrandDto): Promise<BrandResponseDto> {
    return this.brands.create(dto.name, dto.slug);
  }

  @Get()
  @Roles('admin', 'researcher')
  @ApiOkResponse({ type: BrandPageDto })
  list(@Query() query: PageQueryDto): Promise<BrandPageDto> {
    return this.brands.list(query);
  }
}
