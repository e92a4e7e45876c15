import type { ShipmentEntity } from '../shipment.entity';
import type { ShipmentResponseDto } from './shipment.dto';

/** A shipment (loaded with its product) as the API shows it. */
export function toShipmentView(s: ShipmentEntity): ShipmentResponseDto {
  const p = s.product!;
  return {
    id: s.id,
    studyId: s.studyId,
    panellistId: s.panellistId,
    product: {
      id: p.id,
      sku: p.sku,
      name: p.name,
      description: p.description,
      requiresReturn: p.requiresReturn,
      ndaRequired: p.ndaRequired,
      ndaVersion: p.ndaVersion,
      ndaTerms: p.ndaTerms,
      usageDays: p.usageDays,
    },
    status: s.status,
    address: {
      recipientName: s.recipientName,
      line1: s.addressLine1,
      line2: s.addressLine2,
      postalCode: s.postalCode,
      city: s.city,
      country: s.country,
      phone: s.phone,
    },
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    readyToShip: !p.ndaRequired || s.ndaAcceptedAt !== null,
    ndaAcceptedAt: s.ndaAcceptedAt,
    ndaVersion: s.ndaVersion,
    shippedAt: s.shippedAt,
    deliveredAt: s.deliveredAt,
    returnedAt: s.returnedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
