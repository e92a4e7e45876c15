import { useTranslation } from 'react-i18next';
import ws from '../../../components/Workspace.module.css';
import { useStudy } from '../api';
import { sdkHomeTestingApi, type HomeTestingApi } from './api';
import { Dispatch } from './Dispatch';
import { Products, useProducts } from './Products';
import { ShipmentBoard } from './ShipmentBoard';

/** `/studio/studies/$studyId/home-testing`: the brand's products and stock, dispatch (allocation, pick list, tracking), the parcels. */
export function HomeTestingPage({ studyId, api = sdkHomeTestingApi }: { studyId: string; api?: HomeTestingApi }) {
  const { t } = useTranslation();
  const study = useStudy(studyId);
  const brandId = study.data?.brandId;
  const products = useProducts(api, studyId, brandId);
  const all = products.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <section className={ws.panel} aria-labelledby="ht-title">
        <h1 id="ht-title" className={ws.title}>
          {t('studio.homeTesting.title')}
        </h1>
        <p className={ws.muted}>{t('studio.homeTesting.intro')}</p>
      </section>
      {brandId ? (
        <>
          <Products api={api} studyId={studyId} brandId={brandId} products={products} />
          <Dispatch api={api} studyId={studyId} products={all} />
          <ShipmentBoard api={api} studyId={studyId} />
        </>
      ) : (
        <p role="status">{t('studio.loading')}</p>
      )}
    </div>
  );
}
