import type { ReportContentDto } from '../api/generated';
import styles from './Report.module.css';
import { CompositionSection } from './sections/CompositionSection';
import { DiscussionsSection } from './sections/DiscussionsSection';
import { FeedbackSection } from './sections/FeedbackSection';
import { FunnelSection } from './sections/FunnelSection';
import { HomeTestingSection } from './sections/HomeTestingSection';
import { KeyFigures } from './sections/KeyFigures';
import { SurveySection } from './sections/SurveySection';

/** A report, natively: key figures first, then each survey's questions, discussions, home testing, feedback, funnel and composition. */
export function ReportView({ report }: { report: ReportContentDto }) {
  return (
    <div className={styles.report}>
      <KeyFigures report={report} />
      {report.surveys.map((s) => (
        <SurveySection key={s.surveyId} survey={s} minCell={report.minCell} />
      ))}
      <DiscussionsSection report={report} />
      <HomeTestingSection report={report} />
      <FeedbackSection feedback={report.feedback} />
      <FunnelSection report={report} />
      <CompositionSection composition={report.composition} />
    </div>
  );
}
