/**
 * Home-testing logistics of a report, per product used in the study (docs/http-contract.md "Report JSON").
 *
 * Decisions:
 * - A product is "used in the study" when the study has a shipment of it, cancelled included.
 * - A returned sample counts as delivered (it was delivered first).
 * - Days to delivery are clamped at 0: a carrier's delivery time may precede the tracking
 *   import.
 */
import type { ReportContent } from '../reports/report-content';
import { count, num, type Query } from './db';

export async function homeTestingFigures(db: Query, studyId: string): Promise<ReportContent['homeTesting']> {
  const rows = await db<{
    id: string;
    sku: string;
    name: string;
    allocated: number;
    shipped: number;
    delivered: number;
    returned: number;
    lost: number;
    median: number | string | null;
  }>(
    `SELECT pr.id, pr.sku, pr.name,
            (count(*) FILTER (WHERE s.status <> 'cancelled'))::int AS allocated,
            (count(*) FILTER (WHERE s.shipped_at IS NOT NULL))::int AS shipped,
            (count(*) FILTER (WHERE s.delivered_at IS NOT NULL))::int AS delivered,
            (count(*) FILTER (WHERE s.status = 'returned'))::int AS returned,
            (count(*) FILTER (WHERE s.status = 'lost'))::int AS lost,
            percentile_cont(0.5) WITHIN GROUP (
              ORDER BY greatest(0, extract(epoch FROM s.delivered_at - s.shipped_at) / 86400)::float8
            ) FILTER (WHERE s.delivered_at IS NOT NULL AND s.shipped_at IS NOT NULL) AS median
       FROM shipments s JOIN products pr ON pr.id = s.product_id
      WHERE s.study_id = $1
      GROUP BY pr.id
      ORDER BY pr.sku, pr.id`,
    [studyId],
  );
  return {
    products: rows.map((r) => {
      const median = num(r.median);
      return {
        productId: r.id,
        sku: r.sku,
        name: r.name,
        allocated: count(r.allocated),
        shipped: count(r.shipped),
        delivered: count(r.delivered),
        returned: count(r.returned),
        lost: count(r.lost),
        ...(median === undefined ? {} : { medianDaysToDelivery: median }),
      };
    }),
  };
}
