import type { NationalReport } from '../../shared/schemas/national-report';
import { regionName } from '../../shared/places/regions';
import { FIGURE_IDS, formatFigure, labelFigure, readFigure } from '../../state/national-figures';
import { t } from '../../shared/i18n/national';

const DIMENSIONS = ['contenido', 'facilitacion', 'utilidad', 'organizacion'] as const;

/** Every figure of one region, opened from its tile; feedback figures say why they are hidden. */
export function RegionDetail({ report, code, onClose }: { report: NationalReport; code: string; onClose: () => void }) {
  const region = report.regions.find((r) => r.code === code);
  if (!region) return null;
  const hidden = t('national.hidden', { min: report.minOpinions });
  const percent = (region.municipalityShare * 100).toLocaleString('es-PE', { maximumFractionDigits: 1 });
  return (
    <section class="national-detail" aria-labelledby="national-detail-title">
      <h2 id="national-detail-title">{regionName(code) ?? code}</h2>
      <dl class="national-detail__list">
        {FIGURE_IDS.filter((id) => id !== 'municipalityShare').map((id) => (
          <div key={id}>
            <dt>{labelFigure(id)}</dt>
            <dd>{id === 'recommend' && readFigure(id, region) === undefined ? hidden : formatFigure(id, readFigure(id, region))}</dd>
          </div>
        ))}
        <div>
          <dt>{t('national.figure.municipalities')}</dt>
          <dd>{t('national.share', { count: region.municipalities, districts: region.districts, percent })}</dd>
        </div>
        <div>
          <dt>{t('national.figure.feedback')}</dt>
          <dd>{region.feedback.count.toLocaleString('es-PE')}</dd>
        </div>
        {DIMENSIONS.map((d) => (
          <div key={d}>
            <dt>{t(`national.figure.${d}`)}</dt>
            <dd>{region.feedback[d] === undefined ? hidden : region.feedback[d].toLocaleString('es-PE')}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="button button--secondary" onClick={onClose}>{t('national.detail.close')}</button>
    </section>
  );
}
