import {
  productsControllerCreate,
  productsControllerList,
  productsControllerMove,
  productsControllerMovements,
  shipmentsControllerAllocate,
  shipmentsControllerDetail,
  shipmentsControllerList,
  shipmentsControllerPickList,
  shipmentsControllerTracking,
  shipmentsControllerUpdate,
  surveysControllerList,
  type AllocationResultDto,
  type CreateProductDto,
  type ProductPageDto,
  type ProductResponseDto,
  type ShipmentDetailDto,
  type ShipmentPageDto,
  type ShipmentResponseDto,
  type StockMovementDto,
  type StockMovementPageDto,
  type StockMovementResponseDto,
  type SurveySummaryDto,
  type TrackingResultDto,
} from '../../../api/generated';
import { studioKeys } from '../api';

export type Product = ProductResponseDto;
export type Shipment = ShipmentResponseDto;
export type ShipmentStatus = Shipment['status'];
export type AllocationResult = AllocationResultDto;
export type TrackingResult = TrackingResultDto;

/** The lifecycle of a parcel (docs/domain.md, "Home testing"), in order: the board's filter. */
export const SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  'allocated',
  'packed',
  'shipped',
  'delivered',
  'return_requested',
  'returned',
  'lost',
  'cancelled',
];

/**
 * The manual moves offered from each status (the API's transition table; the API stays the
 * judge and answers 409 to anything else). `shipped` is reached by the tracking import, which
 * records the carrier and number, so it is not offered by hand.
 */
const MANUAL_MOVES: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  allocated: ['packed', 'cancelled'],
  packed: ['cancelled'],
  shipped: ['delivered', 'lost'],
  delivered: ['return_requested'],
  return_requested: ['returned'],
  returned: [],
  lost: [],
  cancelled: [],
};

export const manualMoves = (status: ShipmentStatus): readonly ShipmentStatus[] => MANUAL_MOVES[status];

export const PAGE_SIZE = 25;

/** The home-testing tab's calls (the SDK in the app, a fake in the tests). */
export interface HomeTestingApi {
  listProducts(brandId: string, cursor?: string): Promise<ProductPageDto>;
  createProduct(body: CreateProductDto): Promise<Product>;
  listMovements(productId: string, cursor?: string): Promise<StockMovementPageDto>;
  addMovement(productId: string, body: StockMovementDto): Promise<StockMovementResponseDto>;
  allocate(studyId: string, productId: string): Promise<AllocationResult>;
  pickList(studyId: string): Promise<Blob>;
  importTracking(studyId: string, csv: string): Promise<TrackingResult>;
  listShipments(studyId: string, status: ShipmentStatus | undefined, cursor?: string): Promise<ShipmentPageDto>;
  shipment(id: string): Promise<ShipmentDetailDto>;
  move(id: string, status: ShipmentStatus): Promise<Shipment>;
  /** the study's published usage surveys (the product's usage survey is picked among them) */
  usageSurveys(studyId: string): Promise<SurveySummaryDto[]>;
}

export const sdkHomeTestingApi: HomeTestingApi = {
  usageSurveys: async (studyId) =>
    (await surveysControllerList({ query: { studyId, kind: 'usage', status: 'published', limit: 100 }, throwOnError: true })).data.items,
  listProducts: async (brandId, cursor) =>
    (await productsControllerList({ query: { brandId, limit: PAGE_SIZE, cursor }, throwOnError: true })).data,
  createProduct: async (body) => (await productsControllerCreate({ body, throwOnError: true })).data as Product,
  listMovements: async (productId, cursor) =>
    (await productsControllerMovements({ path: { id: productId }, query: { limit: PAGE_SIZE, cursor }, throwOnError: true })).data,
  addMovement: async (productId, body) =>
    (await productsControllerMove({ path: { id: productId }, body, throwOnError: true })).data as StockMovementResponseDto,
  allocate: async (studyId, productId) =>
    (await shipmentsControllerAllocate({ path: { id: studyId }, body: { productId }, throwOnError: true })).data,
  pickList: async (studyId) => {
    // the configured client: the session's Authorization header (and its refresh), read as a file
    const { data } = await shipmentsControllerPickList({ path: { id: studyId }, throwOnError: true, parseAs: 'blob' });
    return data instanceof Blob ? data : new Blob([String(data ?? '')], { type: 'text/csv' });
  },
  importTracking: async (studyId, csv) =>
    (
      await shipmentsControllerTracking({
        path: { id: studyId },
        body: csv,
        bodySerializer: null,
        headers: { 'Content-Type': 'text/csv' },
        throwOnError: true,
      })
    ).data,
  listShipments: async (studyId, status, cursor) =>
    (await shipmentsControllerList({ path: { id: studyId }, query: { status, limit: PAGE_SIZE, cursor }, throwOnError: true })).data,
  shipment: async (id) => (await shipmentsControllerDetail({ path: { id }, throwOnError: true })).data,
  move: async (id, status) => (await shipmentsControllerUpdate({ path: { id }, body: { status }, throwOnError: true })).data as Shipment,
};

export const homeTestingKeys = {
  all: (studyId: string) => [...studioKeys.study(studyId), 'home-testing'] as const,
  products: (studyId: string) => [...studioKeys.study(studyId), 'home-testing', 'products'] as const,
  movements: (studyId: string, productId: string) => [...studioKeys.study(studyId), 'home-testing', 'movements', productId] as const,
  shipments: (studyId: string, status?: ShipmentStatus) =>
    [...studioKeys.study(studyId), 'home-testing', 'shipments', status ?? 'all'] as const,
  shipment: (studyId: string, id: string) => [...studioKeys.study(studyId), 'home-testing', 'shipment', id] as const,
};
