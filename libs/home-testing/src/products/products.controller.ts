import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, Roles, type AuthUser } from '@leadpanel/platform';
import {
  CreateProductDto,
  ListProductsQueryDto,
  ProductPageDto,
  ProductResponseDto,
  StockMovementDto,
  StockMovementPageDto,
  StockMovementResponseDto,
} from './dto/product.dto';
import { ProductsService } from './products.service';

@ApiTags('home testing')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post()
  @Roles('researcher')
  @ApiCreatedResponse({ type: ProductResponseDto, description: 'SKU taken in the brand 409; unknown brand or unfit usage survey 422' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProductDto): Promise<ProductResponseDto> {
    return this.products.create(user, dto);
  }

  @Get()
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: ProductPageDto, description: 'brand users see their own brand’s products only' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListProductsQueryDto): Promise<ProductPageDto> {
    return this.products.list(user, query);
  }

  @Get(':id')
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: ProductResponseDto })
  get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ProductResponseDto> {
    return this.products.get(user, id);
  }

  @Post(':id/stock-movements')
  @Roles('researcher')
  @ApiCreatedResponse({ type: StockMovementResponseDto, description: 'with unitsInStock after it; 409 when the stock would go below zero' })
  move(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() dto: StockMovementDto,
  ): Promise<StockMovementResponseDto & { unitsInStock: number }> {
    return this.products.move(user, id, dto);
  }

  @Get(':id/stock-movements')
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: StockMovementPageDto, description: 'newest first' })
  movements(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: ListProductsQueryDto): Promise<StockMovementPageDto> {
    return this.products.movements(user, id, query);
  }
}
