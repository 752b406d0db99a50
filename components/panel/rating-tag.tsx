import { Tag, type TagColour } from '@/components/ui/tag';
import { RATING_LABELS } from '@/lib/format/labels';
import type { Rating } from '@/lib/framework/types';

const COLOURS: Record<Rating, TagColour> = {
  outstanding: 'green',
  good: 'turquoise',
  requires_improvement: 'yellow',
  inadequate: 'red',
};

/** A rating as a coloured tag with its word (never colour alone); `*` marks professional judgement. */
export function RatingTag({
  rating,
  isJudgement = false,
  empty = 'Not yet rated',
}: {
  rating: Rating | null;
  isJudgement?: boolean;
  empty?: string;
}) {
  if (!rating) return <Tag colour="grey">{empty}</Tag>;
  return (
    <Tag colour={COLOURS[rating]}>
      {RATING_LABELS[rating]}
      {isJudgement ? (
        <>
          <span aria-hidden="true">*</span>
          <span className="sr-only"> (professional judgement)</span>
        </>
      ) : null}
    </Tag>
  );
}
