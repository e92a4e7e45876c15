import { RoundView } from './RoundView';

/** `/me/studies/$studyId/rounds/$roundId` (the e-mail link of a round). */
export function RoundPage({ studyId, roundId }: { studyId: string; roundId: string }) {
  return <RoundView studyId={studyId} roundId={roundId} />;
}
